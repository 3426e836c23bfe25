package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Rules that hold for several commands, as wrappers around them (SubEthaSMTP's
 * {@code RequireTLSCommandWrapper}): when the rule is broken the wrapper answers with its named reply and
 * the command never runs. The command table reads as the list of which rule applies to which verb.
 */
public final class Guards {
    private Guards() {
    }

    /** A command that runs only while {@code allowed} holds, else answers {@code refusal}. */
    public static SmtpCommand require(Predicate<Session> allowed, SmtpReplies refusal, SmtpCommand command) {
        return new Guarded(allowed, refusal, command);
    }

    /** RFC 5321 §4.1.4: a mail transaction, AUTH, STARTTLS and ETRN only after HELO/EHLO. */
    public static SmtpCommand afterHelo(SmtpCommand command) {
        return require(Session::greeted, SmtpReplies.S503_NEED_HELO, command);
    }

    /** RFC 5321 §3.3: RCPT only after MAIL. */
    public static SmtpCommand inTransaction(SmtpCommand command) {
        return require(Session::inTransaction, SmtpReplies.S503_NEED_MAIL, command);
    }

    /** RFC 5321 §3.3: MAIL may not start a transaction inside another. */
    public static SmtpCommand noNestedMail(SmtpCommand command) {
        return require(s -> !s.inTransaction(), SmtpReplies.S503_NESTED_MAIL, command);
    }

    /** RFC 5321 §3.3: DATA only once a recipient was accepted. */
    public static SmtpCommand withRecipients(SmtpCommand command) {
        return require(s -> s.envelope().map(Envelope::hasRecipients).orElse(false), SmtpReplies.S503_NEED_RCPT, command);
    }

    /** RFC 4954 §4: AUTH not during a mail transaction. RFC 1985 §3: nor ETRN. */
    public static SmtpCommand outsideTransaction(SmtpCommand command) {
        return require(s -> !s.inTransaction(), SmtpReplies.S503_TRANSACTION_IN_PROGRESS, command);
    }

    /** RFC 4954 §4: after a successful AUTH, no further AUTH. */
    public static SmtpCommand notYetAuthenticated(SmtpCommand command) {
        return require(s -> !s.authenticated(), SmtpReplies.S503_ALREADY_AUTHENTICATED, command);
    }

    /** RFC 3207 §4.2: no STARTTLS once TLS is active. */
    public static SmtpCommand notYetTls(SmtpCommand command) {
        return require(s -> !s.isTls(), SmtpReplies.S503_TLS_ALREADY_ACTIVE, command);
    }

    /** RFC 4954 §6: {@code 530 5.7.0} when the server requires AUTH first. */
    public static SmtpCommand authenticated(SmtpCommand command) {
        return require(Session::authenticated, SmtpReplies.S530_AUTH_REQUIRED, command);
    }

    private record Guarded(Predicate<Session> allowed, SmtpReplies refusal, SmtpCommand command) implements SmtpCommand {
        Guarded {
            Objects.requireNonNull(allowed);
            Objects.requireNonNull(refusal);
            Objects.requireNonNull(command);
        }

        @Override
        public SmtpReply execute(SmtpServerSession connection, String argument) throws IOException {
            if (!allowed.test(connection.session())) {
                return connection.reply(refusal);
            }
            return command.execute(connection, argument);
        }
    }
}
