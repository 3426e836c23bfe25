package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpRule;
import dev.mailbench.smtp.SmtpVerb;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rules that hold for several commands, as wrappers around them (SubEthaSMTP's
 * {@code RequireTLSCommandWrapper}): when the rule is broken the wrapper answers with its named reply and
 * the command never runs. The sequence rules are those of the verb specification ({@link SmtpVerb#rules()}),
 * the same the client reads; the server adds only its policy ({@link #authenticated}).
 */
public final class Guards {
    private Guards() {
    }

    /** A command that runs only while {@code allowed} holds, else answers {@code refusal}. */
    public static SmtpCommand require(Predicate<Session> allowed, SmtpReplies refusal, SmtpCommand command) {
        return new Guarded(connection -> allowed.test(connection.session()), refusal, command);
    }

    /** The command wrapped in its verb's rules, the first rule outermost: the first broken rule answers. */
    public static SmtpCommand ruled(SmtpVerb verb, SmtpCommand command) {
        SmtpCommand guarded = command;
        List<SmtpRule> rules = verb.rules();
        for (int i = rules.size() - 1; i >= 0; i--) {
            guarded = rule(rules.get(i), guarded);
        }
        return guarded;
    }

    /** The command, refused with the rule's reply while the rule does not hold. */
    public static SmtpCommand rule(SmtpRule rule, SmtpCommand command) {
        Optional<SmtpReplies> refusal = refusal(rule);
        if (refusal.isEmpty()) {
            return command;
        }
        return new Guarded(connection -> rule.holds(new SessionConditions(connection)), refusal.get(), command);
    }

    /** What the server answers when a rule is broken; empty for a rule the server lets the client break. */
    public static Optional<SmtpReplies> refusal(SmtpRule rule) {
        return Optional.ofNullable(switch (rule) {
            case AFTER_HELO -> SmtpReplies.S503_NEED_HELO;
            case IN_TRANSACTION -> SmtpReplies.S503_NEED_MAIL;
            case NOT_NESTED -> SmtpReplies.S503_NESTED_MAIL;
            case WITH_RECIPIENTS -> SmtpReplies.S503_NEED_RCPT;
            case OUTSIDE_TRANSACTION -> SmtpReplies.S503_TRANSACTION_IN_PROGRESS;
            case NOT_AUTHENTICATED -> SmtpReplies.S503_ALREADY_AUTHENTICATED;
            case NOT_TLS -> SmtpReplies.S503_TLS_ALREADY_ACTIVE;
            // RFC 3207 §4: 454 when TLS is not available.
            case STARTTLS_OFFERED -> SmtpReplies.S454_TLS_UNAVAILABLE;
            // This server offers AUTH always but before STARTTLS when it requires TLS for AUTH: then RFC 4954 §4's
            // 538 5.7.11 (EhloExtensions leaves AUTH out of EHLO then, and the class policy decides).
            case AUTH_OFFERED -> SmtpReplies.S538_ENCRYPTION_REQUIRED;
            // This server always offers it; were it not to, the command would not be implemented here.
            case ETRN_OFFERED -> SmtpReplies.S502_NOT_IMPLEMENTED;
            // RFC 5321 §4.1.4, RFC 3207 §4.2: the command abandons the transaction instead of being refused.
            case NO_TRANSACTION_TO_LOSE -> null;
        });
    }

    /** RFC 4954 §6: {@code 530 5.7.0} when the server requires AUTH first (its relay policy). */
    public static SmtpCommand authenticated(SmtpCommand command) {
        return require(Session::authenticated, SmtpReplies.S530_AUTH_REQUIRED, command);
    }

    private record Guarded(Predicate<SmtpCommandContext> allowed, SmtpReplies refusal, SmtpCommand command)
            implements SmtpCommand {
        Guarded {
            Objects.requireNonNull(allowed);
            Objects.requireNonNull(refusal);
            Objects.requireNonNull(command);
        }

        @Override
        public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
            if (!allowed.test(connection)) {
                return connection.reply(refusal);
            }
            return command.execute(connection, argument);
        }
    }
}
