package dev.mailbench.smtp;

import static dev.mailbench.smtp.SmtpRule.AFTER_HELO;
import static dev.mailbench.smtp.SmtpRule.AUTH_OFFERED;
import static dev.mailbench.smtp.SmtpRule.ETRN_OFFERED;
import static dev.mailbench.smtp.SmtpRule.IN_TRANSACTION;
import static dev.mailbench.smtp.SmtpRule.NOT_AUTHENTICATED;
import static dev.mailbench.smtp.SmtpRule.NOT_NESTED;
import static dev.mailbench.smtp.SmtpRule.NOT_TLS;
import static dev.mailbench.smtp.SmtpRule.NO_TRANSACTION_TO_LOSE;
import static dev.mailbench.smtp.SmtpRule.OUTSIDE_TRANSACTION;
import static dev.mailbench.smtp.SmtpRule.STARTTLS_OFFERED;
import static dev.mailbench.smtp.SmtpRule.WITH_RECIPIENTS;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.NearestVerb;
import dev.mailbench.wire.Verb;

/**
 * The SMTP commands Mailbench knows: the one place a verb is defined. Each has its syntax, the RFC section
 * that defines it, its arguments, and the {@link SmtpRule}s that say when it may be sent. The client's
 * {@link SmtpState} and the practice server both read these rules, the step buttons are made from the
 * arguments, and {@link #line} writes the command line. The last verbs are known but not implemented: no
 * client step sends them and the practice server answers them 502 (RFC 5321 §4.2.4).
 *
 * <p>The order is that of a normal dialogue, the order of the step buttons. What a verb is for lives in
 * the explanation catalogue, under the verb's {@link #keyword()}.
 */
public enum SmtpVerb implements Verb {
    HELO("HELO SP Domain", "RFC 5321 §4.1.1.1",
            List.of(SmtpArgument.required("domain", "Your host name")), List.of(NO_TRANSACTION_TO_LOSE)),
    EHLO("EHLO SP ( Domain / address-literal )", "RFC 5321 §4.1.1.1",
            List.of(SmtpArgument.required("domain", "Your host name")), List.of(NO_TRANSACTION_TO_LOSE)),
    STARTTLS("STARTTLS", "RFC 3207 §4",
            List.of(), List.of(NOT_TLS, AFTER_HELO, NO_TRANSACTION_TO_LOSE, STARTTLS_OFFERED)),
    AUTH("AUTH SP sasl-mech [SP initial-response]", "RFC 4954 §4",
            List.of(SmtpArgument.required("mechanism", "Mechanism"),
                    SmtpArgument.optional("initial-response", "Initial response (base64)")),
            List.of(AFTER_HELO, NOT_AUTHENTICATED, OUTSIDE_TRANSACTION, AUTH_OFFERED)),
    MAIL("MAIL FROM:<reverse-path> [SP mail-parameters]", "RFC 5321 §4.1.1.2",
            // RFC 5321 §4.5.5: a blank sender is the null reverse-path <> of bounces.
            List.of(SmtpArgument.path("address", "Sender", "FROM:", true),
                    SmtpArgument.optional("parameters", "Parameters (optional)")),
            List.of(AFTER_HELO, NOT_NESTED)),
    RCPT("RCPT TO:<forward-path> [SP rcpt-parameters]", "RFC 5321 §4.1.1.3",
            List.of(SmtpArgument.path("address", "Recipient", "TO:", false)),
            List.of(AFTER_HELO, IN_TRANSACTION)),
    DATA("DATA", "RFC 5321 §4.1.1.4", List.of(), List.of(AFTER_HELO, IN_TRANSACTION, WITH_RECIPIENTS)),
    // RFC 5321 §4.1.4: RSET, VRFY, EXPN, HELP, NOOP and QUIT may be used at any time during a session.
    RSET("RSET", "RFC 5321 §4.1.1.5", List.of(), List.of()),
    VRFY("VRFY SP String", "RFC 5321 §4.1.1.6",
            List.of(SmtpArgument.required("argument", "User or mailbox")), List.of()),
    EXPN("EXPN SP String", "RFC 5321 §4.1.1.7",
            List.of(SmtpArgument.required("argument", "Mailing list")), List.of()),
    HELP("HELP [SP String]", "RFC 5321 §4.1.1.8",
            List.of(SmtpArgument.optional("argument", "Topic (optional)")), List.of()),
    NOOP("NOOP [SP String]", "RFC 5321 §4.1.1.9", List.of(), List.of()),
    ETRN("ETRN SP [\"@\" / \"#\"] node-name", "RFC 1985 §5",
            List.of(SmtpArgument.required("argument", "Domain")),
            List.of(AFTER_HELO, OUTSIDE_TRANSACTION, ETRN_OFFERED)),
    QUIT("QUIT", "RFC 5321 §4.1.1.10", List.of(), List.of()),

    // ---- known, not implemented ----
    BDAT("BDAT SP chunk-size [SP LAST]", "RFC 3030 §2"),
    TURN("TURN", "RFC 821 §4.1.1"),
    ATRN("ATRN [SP domain *(\",\" domain)]", "RFC 2645 §4"),
    SEND("SEND FROM:<reverse-path>", "RFC 821 §4.1.1"),
    SOML("SOML FROM:<reverse-path>", "RFC 821 §4.1.1"),
    SAML("SAML FROM:<reverse-path>", "RFC 821 §4.1.1"),
    VERB("VERB", "in no RFC: Sendmail's own command"),
    ONEX("ONEX", "in no RFC: Sendmail's own command"),
    XEXCH50("XEXCH50 SP size SP 2", "in no RFC: Microsoft Exchange's own command"),
    X_EXPS("X-EXPS SP sasl-mech", "in no RFC: Microsoft Exchange's own command"),
    X_LINK2STATE("X-LINK2STATE SP state", "in no RFC: Microsoft Exchange's own command");

    private final String keyword;
    private final String syntax;
    private final String rfcSection;
    private final List<SmtpArgument> arguments;
    private final List<SmtpRule> rules;
    private final boolean implemented;

    /** A command Mailbench implements. */
    SmtpVerb(String syntax, String rfcSection, List<SmtpArgument> arguments, List<SmtpRule> rules) {
        this(syntax, rfcSection, arguments, rules, true);
    }

    /** A command Mailbench knows but does not implement. */
    SmtpVerb(String syntax, String rfcSection) {
        this(syntax, rfcSection, List.of(), List.of(), false);
    }

    SmtpVerb(String syntax, String rfcSection, List<SmtpArgument> arguments, List<SmtpRule> rules,
             boolean implemented) {
        this.keyword = firstWord(syntax);
        this.syntax = syntax;
        this.rfcSection = rfcSection;
        this.arguments = arguments;
        this.rules = rules;
        this.implemented = implemented;
    }

    /** The verb as it is written on the wire ({@code X-EXPS}); for most verbs the same as {@link #name()}. */
    @Override
    public String keyword() {
        return keyword;
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.SMTP;
    }

    /** RFC 4954 §4: AUTH, its initial response or the exchange it opens. */
    @Override
    public boolean givesCredentials() {
        return this == AUTH;
    }

    /** The command's syntax as its RFC writes it: {@code MAIL FROM:<reverse-path> [SP mail-parameters]}. */
    public String syntax() {
        return syntax;
    }

    /** Where the command is defined: {@code RFC 5321 §4.1.1.2}. */
    public String rfcSection() {
        return rfcSection;
    }

    /** The arguments a form asks for, in the order {@link #line} takes them. */
    public List<SmtpArgument> arguments() {
        return arguments;
    }

    /** When the command may be sent: all of these must hold. */
    public List<SmtpRule> rules() {
        return rules;
    }

    /** The argument that is a path: MAIL's reverse-path, RCPT's forward-path (RFC 5321 §4.1.2). */
    public Optional<SmtpArgument> pathArgument() {
        return arguments.stream().filter(SmtpArgument::path).findFirst();
    }

    /** Whether Mailbench's client and server implement the command. */
    public boolean isImplemented() {
        return implemented;
    }

    /** The words the command starts with, as a button names it: {@code MAIL FROM}, {@code HELO}. */
    public String label() {
        StringBuilder label = new StringBuilder(keyword);
        for (SmtpArgument argument : arguments) {
            if (argument.prefix() != null) {
                label.append(' ').append(argument.prefix().replace(":", ""));
            }
        }
        return label.toString();
    }

    /** Whether the rules allow the command in this session. */
    public boolean allowedIn(SmtpConditions session) {
        return implemented && rules.stream().allMatch(rule -> rule.holds(session));
    }

    /**
     * The command line, without CRLF, with these arguments in the order of {@link #arguments()}; missing
     * ones count as blank. Values are stripped; a blank optional argument is left out; a path gets exactly
     * one pair of angle brackets, whether or not they were typed (RFC 5321 §4.1.2).
     */
    public String line(String... values) {
        if (values.length > arguments.size()) {
            throw new IllegalArgumentException(keyword + " takes " + arguments.size() + " arguments, not " + values.length);
        }
        StringBuilder line = new StringBuilder(keyword);
        for (int i = 0; i < arguments.size(); i++) {
            SmtpArgument argument = arguments.get(i);
            String value = i < values.length && values[i] != null ? values[i].strip() : "";
            if (argument.path()) {
                line.append(' ').append(argument.prefix()).append('<').append(unbracketed(value)).append('>');
            } else if (!value.isEmpty() || !argument.optional()) {
                line.append(' ').append(value);
            }
        }
        return line.toString();
    }

    /** The command line with the arguments in a list, as {@link #line(String...)}. */
    public String line(List<String> values) {
        return line(values.toArray(String[]::new));
    }

    /** The verbs Mailbench implements, in the order of a normal dialogue. */
    public static List<SmtpVerb> implemented() {
        return Arrays.stream(values()).filter(SmtpVerb::isImplemented).toList();
    }

    /** The verb a command line starts with; verbs are case-insensitive (RFC 5321 §2.4). */
    public static Optional<SmtpVerb> of(String commandLine) {
        String word = firstWord(commandLine);
        for (SmtpVerb verb : values()) {
            if (verb.keyword.equals(word)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }

    /**
     * The implemented verb a command line with an unknown first word most likely meant ({@code RCTP} →
     * {@code RCPT}, {@code MAI} → {@code MAIL}); empty when the word is a verb Mailbench knows, or nothing
     * is near it.
     */
    public static Optional<SmtpVerb> nearest(String commandLine) {
        return of(commandLine).isPresent() ? Optional.empty() : NearestVerb.to(firstWord(commandLine), implemented());
    }

    /** The first word of a command line, upper-cased ({@code "mail from:<a>"} → {@code "MAIL"}). */
    public static String firstWord(String commandLine) {
        String trimmed = commandLine.stripLeading();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != ':') {
            end++;
        }
        return trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }

    static String unbracketed(String typed) {
        String address = typed.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address;
    }
}
