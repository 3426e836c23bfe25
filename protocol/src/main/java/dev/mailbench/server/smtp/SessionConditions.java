package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpConditions;

/** The server's session as the rules of {@link dev.mailbench.smtp.SmtpRule} ask about it. */
record SessionConditions(SmtpCommandContext connection) implements SmtpConditions {

    @Override
    public boolean introduced() {
        return connection.session().greeted();
    }

    @Override
    public boolean inTransaction() {
        return connection.session().inTransaction();
    }

    @Override
    public boolean hasRecipients() {
        return connection.session().envelope().map(Envelope::hasRecipients).orElse(false);
    }

    @Override
    public boolean authenticated() {
        return connection.session().authenticated();
    }

    @Override
    public boolean tls() {
        return connection.session().isTls();
    }

    /** What this server's EHLO reply lists now, whether or not the client said EHLO. */
    @Override
    public boolean offers(String capability) {
        return EhloExtensions.offered(connection.context(), connection.session()).containsKey(capability);
    }
}
