package dev.mailbench.server.smtp;

import dev.mailbench.sasl.SaslServerMechanism;
import dev.mailbench.server.ClaimedLogin;
import dev.mailbench.server.ClassPolicy;
import dev.mailbench.sasl.SaslStep;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * AUTH (RFC 4954 §4): a SASL exchange of {@code 334} challenges and base64 responses, ending in {@code 235}
 * or {@code 535 5.7.8}. {@code *} cancels ({@code 501}); a response that is not base64 gets {@code 501 5.5.2}.
 * After {@code ServerLimits.maxFailedAuth} failures the server says {@code 421 4.7.0} and closes. A class's
 * student whose account has had too many failed logins gets {@code 454 4.7.0} (RFC 4954 §6) until the pause
 * is over, whatever the credentials.
 */
final class AuthCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 4954 §4's grammar. */
    static final String SYNTAX = SmtpVerb.AUTH.keyword() + " mechanism [initial-response]";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        String[] words = argument.isEmpty() ? new String[0] : argument.split(" +");
        if (words.length < 1 || words.length > 2) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX);
        }
        SmtpServerContext context = connection.context();
        ClaimedLogin claimed = new ClaimedLogin(context.accounts());
        Optional<SaslServerMechanism> found = SaslServerMechanism.forName(words[0], claimed, context.hostName());
        if (found.isEmpty()) {
            return connection.reply(SmtpReplies.S504_UNKNOWN_MECHANISM, "mechanism", words[0]);
        }
        SaslServerMechanism mechanism = found.get();
        Optional<byte[]> initial = Optional.empty();
        if (words.length == 2) {
            // RFC 4954 §4: "=" is an empty initial response.
            initial = SaslText.decode(words[1]);
            if (initial.isEmpty()) {
                return connection.reply(SmtpReplies.S501_AUTH_NOT_BASE64);
            }
        }
        SmtpSaslExchange exchange = connection.saslExchange();
        exchange.authExchangeStarted(mechanism.name(), initial.isPresent() ? 1 : 0);
        try {
            SaslStep step = mechanism.start(initial);
            while (step instanceof SaslStep.Challenge challenge) {
                byte[] bytes = challenge.challenge();
                String base64 = bytes.length == 0 ? "" : Base64.getEncoder().encodeToString(bytes);
                // RFC 4954 §4: "334" SP [base64]; no enhanced status code on 3xx (RFC 2034 §3).
                exchange.send(SmtpReply.of(334, base64), SaslText.challenge(base64.isEmpty() ? "=" : base64));
                String response = exchange.readLine().text().strip();
                if (response.equals("*")) {
                    return connection.reply(SmtpReplies.S501_AUTH_CANCELLED);
                }
                Optional<byte[]> decoded = SaslText.decode(response);
                if (decoded.isEmpty()) {
                    return connection.reply(SmtpReplies.S501_AUTH_NOT_BASE64);
                }
                step = mechanism.step(decoded.get());
            }
            return verdict(connection, mechanism, step, claimed);
        } finally {
            exchange.authExchangeEnded();
        }
    }

    private SmtpReply verdict(SmtpCommandContext connection, SaslServerMechanism mechanism, SaslStep step,
                              ClaimedLogin claimed) {
        ClassPolicy policy = connection.context().classPolicy();
        Optional<String> login = step instanceof SaslStep.Authenticated authenticated
                ? Optional.of(authenticated.user()) : claimed.claimed();
        if (login.isPresent() && policy.loginsPaused(login.get())) {
            connection.note("Logins to " + login.get() + " pause after " + policy.limits().failedLoginsBeforePause()
                    + " failures; this attempt is not checked");
            return connection.reply(SmtpReplies.S454_LOGINS_PAUSED, "user", login.get());
        }
        if (step instanceof SaslStep.Authenticated authenticated) {
            policy.loginSucceeded(authenticated.user());
            Optional<String> student = policy.student(authenticated.user());
            if (student.isPresent()) {
                Optional<SmtpReply> over = StudentMail.countConnection(connection, student.get());
                if (over.isPresent()) {
                    return over.get();
                }
            }
            connection.session().authenticated(authenticated.user());
            connection.note("Authenticated as " + authenticated.user() + " with " + mechanism.name());
            return connection.reply(SmtpReplies.S235_AUTHENTICATED);
        }
        SaslStep.Rejected rejected = (SaslStep.Rejected) step;
        connection.note(mechanism.name() + " failed: " + rejected.explanation());
        if (rejected.reason() == SaslStep.Reason.MALFORMED) {
            return connection.reply(SmtpReplies.S501_AUTH_MALFORMED, "reason", rejected.explanation());
        }
        if (rejected.reason() == SaslStep.Reason.BAD_CREDENTIALS) {
            claimed.claimed().ifPresent(policy::loginFailed);
        }
        int failures = connection.session().failedAuthentication();
        int allowed = connection.context().limits().maxFailedAuth();
        if (failures >= allowed) {
            connection.note(failures + " failed authentications: closing");
            return connection.reply(SmtpReplies.S421_TOO_MANY_AUTH_FAILURES);
        }
        return connection.reply(SmtpReplies.S535_AUTH_FAILED, "reason", rejected.explanation());
    }
}
