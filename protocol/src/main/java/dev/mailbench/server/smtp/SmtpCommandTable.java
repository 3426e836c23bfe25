package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpVerb;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SMTP command table (as Postfix's {@code smtpd.c} has one): each verb with its handler and the rules
 * wrapped around it, read from the outside in. What RFC 5321 §4.1.4 lets a client send at any time
 * (NOOP, HELP, VRFY, EXPN, RSET, QUIT) has no sequence rule.
 */
public final class SmtpCommandTable {

    /** Verbs of RFC 5321 and common extensions that this server knows but does not implement: 502, not 500. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of(
            "TURN", "ATRN", "BDAT", "SEND", "SOML", "SAML", "VERB", "XEXCH50", "X-EXPS", "X-LINK2STATE", "ONEX");

    private final Map<SmtpVerb, SmtpCommand> commands = new EnumMap<>(SmtpVerb.class);

    private SmtpCommandTable() {
    }

    /** The table for a server with this relay policy. */
    public static SmtpCommandTable standard(RelayPolicy policy) {
        SmtpCommandTable table = new SmtpCommandTable();
        SmtpCommand mail = new MailCommand();
        if (policy.authRequired()) {
            mail = Guards.authenticated(mail);
        }
        table.commands.put(SmtpVerb.HELO, new HeloCommand());
        table.commands.put(SmtpVerb.EHLO, new EhloCommand());
        table.commands.put(SmtpVerb.MAIL, Guards.afterHelo(Guards.noNestedMail(mail)));
        table.commands.put(SmtpVerb.RCPT, Guards.afterHelo(Guards.inTransaction(
                new InjectedRcptFailure(new Greylisting(new RcptCommand())))));
        table.commands.put(SmtpVerb.DATA, Guards.afterHelo(Guards.inTransaction(Guards.withRecipients(new DataCommand()))));
        table.commands.put(SmtpVerb.RSET, new RsetCommand());
        table.commands.put(SmtpVerb.VRFY, new VrfyCommand());
        table.commands.put(SmtpVerb.EXPN, new ExpnCommand());
        table.commands.put(SmtpVerb.HELP, new HelpCommand());
        table.commands.put(SmtpVerb.NOOP, new NoopCommand());
        table.commands.put(SmtpVerb.QUIT, new QuitCommand());
        table.commands.put(SmtpVerb.STARTTLS, Guards.notYetTls(Guards.afterHelo(new StartTlsCommand())));
        table.commands.put(SmtpVerb.AUTH, Guards.afterHelo(Guards.notYetAuthenticated(Guards.outsideTransaction(
                new AuthCommand()))));
        table.commands.put(SmtpVerb.ETRN, Guards.afterHelo(Guards.outsideTransaction(new EtrnCommand())));
        return table;
    }

    /** The command for an upper-case verb, if the server implements it. */
    public Optional<SmtpCommand> command(String verb) {
        for (SmtpVerb known : SmtpVerb.values()) {
            if (known.name().equals(verb)) {
                return Optional.ofNullable(commands.get(known));
            }
        }
        return Optional.empty();
    }

    /** Whether the verb is a real SMTP command this server does not implement (502 rather than 500). */
    public boolean isKnownButNotImplemented(String verb) {
        return NOT_IMPLEMENTED.contains(verb.toUpperCase(Locale.ROOT));
    }
}
