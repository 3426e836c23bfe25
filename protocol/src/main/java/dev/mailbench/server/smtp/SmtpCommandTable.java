package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpVerb;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SMTP command table (as Postfix's {@code smtpd.c} has one): each implemented verb of the specification
 * {@link SmtpVerb} with its handler, wrapped in the verb's rules ({@link Guards#ruled}) and, inside those,
 * the server's own policy (AUTH required, greylisting, injected faults). Verbs the specification knows but
 * does not implement are answered 502.
 */
public final class SmtpCommandTable {

    private final Map<SmtpVerb, SmtpCommand> commands = new EnumMap<>(SmtpVerb.class);

    private SmtpCommandTable() {
    }

    /** The table for a server with this relay policy. */
    public static SmtpCommandTable standard(RelayPolicy policy) {
        SmtpCommandTable table = new SmtpCommandTable();
        for (SmtpVerb verb : SmtpVerb.implemented()) {
            table.commands.put(verb, Guards.ruled(verb, handler(verb, policy)));
        }
        return table;
    }

    private static SmtpCommand handler(SmtpVerb verb, RelayPolicy policy) {
        return switch (verb) {
            case HELO -> new HeloCommand();
            case EHLO -> new EhloCommand();
            case STARTTLS -> new StartTlsCommand();
            case AUTH -> new AuthCommand();
            case MAIL -> new StudentMail(policy.authRequired() ? Guards.authenticated(new MailCommand()) : new MailCommand());
            case RCPT -> new InjectedRcptFailure(new Greylisting(new MailboxQuota(new RcptCommand())));
            case DATA -> new DataCommand();
            case RSET -> new RsetCommand();
            case VRFY -> new VrfyCommand();
            case EXPN -> new ExpnCommand();
            case HELP -> new HelpCommand();
            case NOOP -> new NoopCommand();
            case ETRN -> new EtrnCommand();
            case QUIT -> new QuitCommand();
            default -> throw new IllegalArgumentException(verb + " is not implemented");
        };
    }

    /** The command for an upper-case verb, if the server implements it. */
    public Optional<SmtpCommand> command(String verb) {
        return SmtpVerb.of(verb).map(commands::get);
    }

    /** Whether the verb is a real SMTP command this server does not implement (502 rather than 500). */
    public boolean isKnownButNotImplemented(String verb) {
        return SmtpVerb.of(verb).filter(known -> !known.isImplemented()).isPresent();
    }
}
