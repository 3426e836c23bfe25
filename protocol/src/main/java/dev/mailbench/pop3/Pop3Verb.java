package dev.mailbench.pop3;

import static dev.mailbench.pop3.Pop3Phase.AUTHORIZATION;
import static dev.mailbench.pop3.Pop3Phase.TRANSACTION;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.NearestVerb;
import dev.mailbench.wire.Verb;

/**
 * The POP3 commands Mailbench knows, and everything known about each: its syntax, its arguments, where it
 * is defined, whether its answer is multi-line, and when it is legal. The client's guidance
 * ({@link Pop3State#legalVerbs()}), the practice server's dispatcher and the step buttons all read this one
 * table.
 *
 * <p>Legality has two parts. The states (RFC 1939 §3): a command is valid in AUTHORIZATION, in TRANSACTION
 * or in both, and a server answers {@code -ERR} in any other. The {@linkplain Pop3Condition conditions}: what
 * else a correct client waits for (USER before PASS, STLS only once), which a server may answer in its own
 * way.
 */
public enum Pop3Verb implements Verb {
    /** RFC 2449 §5: valid in both states. */
    CAPA("CAPA", "RFC 2449 §5", Set.of(AUTHORIZATION, TRANSACTION), Answer.MULTI_LINE, List.of()),
    /** RFC 2595 §4: only in AUTHORIZATION, and not once TLS is active. */
    STLS("STLS", "RFC 2595 §4", Set.of(AUTHORIZATION), Answer.ONE_LINE,
            List.of(Pop3Condition.BEFORE_TLS, Pop3Condition.STLS_OFFERED)),
    USER("USER name", "RFC 1939 §7", Set.of(AUTHORIZATION), Answer.ONE_LINE, List.of(),
            Pop3Argument.required("user", "User")),
    PASS("PASS string", "RFC 1939 §7", Set.of(AUTHORIZATION), Answer.ONE_LINE, List.of(Pop3Condition.AFTER_USER),
            Pop3Argument.secret("password", "Password")),
    APOP("APOP name digest", "RFC 1939 §7", Set.of(AUTHORIZATION), Answer.ONE_LINE,
            List.of(Pop3Condition.APOP_TIMESTAMP),
            Pop3Argument.required("user", "User"), Pop3Argument.required("digest", "Digest")),
    AUTH("AUTH mechanism [initial-response]", "RFC 5034 §4", Set.of(AUTHORIZATION), Answer.ONE_LINE,
            List.of(Pop3Condition.SASL_OFFERED),
            Pop3Argument.required("mechanism", "Mechanism"),
            Pop3Argument.optional("initial-response", "Initial response")),
    STAT("STAT", "RFC 1939 §5", Set.of(TRANSACTION), Answer.ONE_LINE, List.of()),
    LIST("LIST [msg]", "RFC 1939 §5", Set.of(TRANSACTION), Answer.MULTI_LINE_WITHOUT_ARGUMENT, List.of(),
            Pop3Argument.optional("message", "Message (blank: all)")),
    UIDL("UIDL [msg]", "RFC 1939 §7", Set.of(TRANSACTION), Answer.MULTI_LINE_WITHOUT_ARGUMENT,
            List.of(Pop3Condition.UIDL_OFFERED),
            Pop3Argument.optional("message", "Message (blank: all)")),
    RETR("RETR msg", "RFC 1939 §5", Set.of(TRANSACTION), Answer.MULTI_LINE, List.of(),
            Pop3Argument.required("message", "Message")),
    TOP("TOP msg n", "RFC 1939 §7", Set.of(TRANSACTION), Answer.MULTI_LINE, List.of(Pop3Condition.TOP_OFFERED),
            Pop3Argument.required("message", "Message"), Pop3Argument.required("lines", "Body lines")),
    DELE("DELE msg", "RFC 1939 §5", Set.of(TRANSACTION), Answer.ONE_LINE, List.of(),
            Pop3Argument.required("message", "Message")),
    RSET("RSET", "RFC 1939 §5", Set.of(TRANSACTION), Answer.ONE_LINE, List.of()),
    NOOP("NOOP", "RFC 1939 §5", Set.of(TRANSACTION), Answer.ONE_LINE, List.of()),
    /** RFC 1939 §4 and §6: QUIT ends the session in either state. */
    QUIT("QUIT", "RFC 1939 §6", Set.of(AUTHORIZATION, TRANSACTION), Answer.ONE_LINE, List.of());

    /** The shape of a positive answer (RFC 1939 §3). */
    private enum Answer {
        ONE_LINE,
        MULTI_LINE,
        /** LIST and UIDL: a listing of every message without an argument, one line for one message. */
        MULTI_LINE_WITHOUT_ARGUMENT
    }

    private final String syntax;
    private final String rfcSection;
    private final Set<Pop3Phase> phases;
    private final Answer answer;
    private final List<Pop3Condition> conditions;
    private final List<Pop3Argument> arguments;

    Pop3Verb(String syntax, String rfcSection, Set<Pop3Phase> phases, Answer answer, List<Pop3Condition> conditions,
             Pop3Argument... arguments) {
        this.syntax = syntax;
        this.rfcSection = rfcSection;
        this.phases = phases;
        this.answer = answer;
        this.conditions = conditions;
        this.arguments = List.of(arguments);
    }

    /** The command as it is written on the wire: its name, {@code RETR}. */
    @Override
    public String keyword() {
        return name();
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.POP3;
    }

    /** RFC 1939 §7: PASS and APOP; RFC 5034 §4: AUTH and the exchange it opens. */
    @Override
    public boolean givesCredentials() {
        return this == PASS || this == APOP || this == AUTH;
    }

    /** The command as its RFC writes it: {@code TOP msg n}, {@code LIST [msg]}. */
    public String syntax() {
        return syntax;
    }

    /** Where the command is defined, and the states it is valid in said. */
    public String rfcSection() {
        return rfcSection;
    }

    /** The states the command is valid in (RFC 1939 §3); a server answers {@code -ERR} in any other. */
    public Set<Pop3Phase> phases() {
        return phases;
    }

    /** What a correct client also waits for before sending the command. */
    public List<Pop3Condition> conditions() {
        return conditions;
    }

    /** The arguments, in the order the command line carries them. */
    public List<Pop3Argument> arguments() {
        return arguments;
    }

    /** Whether the command is valid in this state of the server (RFC 1939 §3). */
    public boolean isValidIn(Pop3Phase phase) {
        return phases.contains(phase);
    }

    /** Whether a correct client would send the command now: valid in the state, and every condition holds. */
    public boolean isLegalIn(Pop3State state) {
        return isValidIn(state.phase()) && conditions.stream().allMatch(condition -> condition.holdsIn(state));
    }

    /**
     * The command line, without CRLF, for these argument values in order. A blank optional argument is left
     * out ({@code LIST}); the others are stripped, except a password, which is sent as typed (RFC 1939 §7).
     *
     * @throws IllegalArgumentException if a required argument is not given, or one too many is
     */
    public String line(String... values) {
        long required = arguments.stream().filter(argument -> !argument.optional()).count();
        if (values.length < required || values.length > arguments.size()) {
            throw new IllegalArgumentException(keyword() + " takes " + syntax + ", not " + values.length + " argument(s)");
        }
        StringBuilder line = new StringBuilder(keyword());
        for (int i = 0; i < values.length; i++) {
            Pop3Argument argument = arguments.get(i);
            String value = values[i] == null ? "" : values[i];
            if (argument.optional() && value.isBlank()) {
                continue;
            }
            line.append(' ').append(argument.secret() ? value : value.strip());
        }
        return line.toString();
    }

    /** The command line for values by {@linkplain Pop3Argument#name() argument name}; a missing one is blank. */
    public String line(Map<String, String> values) {
        return line(arguments.stream().map(argument -> values.getOrDefault(argument.name(), "")).toArray(String[]::new));
    }

    /** The verb a command line starts with; keywords are case-insensitive (RFC 1939 §3). */
    public static Optional<Pop3Verb> of(String commandLine) {
        return named(firstWord(commandLine));
    }

    /**
     * The verb a command line with an unknown first word most likely meant ({@code RTER} → {@code RETR},
     * {@code US} → {@code USER}); empty when the word is a verb, or nothing is near it.
     */
    public static Optional<Pop3Verb> nearest(String commandLine) {
        return NearestVerb.to(firstWord(commandLine), List.of(values()));
    }

    public static String firstWord(String commandLine) {
        String trimmed = commandLine.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a positive answer to this command line is multi-line (RFC 1939 §3): LIST and UIDL without an
     * argument, RETR, TOP, and CAPA (RFC 2449 §5).
     */
    public static boolean expectsMultiLine(String commandLine) {
        String[] words = commandLine.strip().split("\\s+");
        return named(words[0].toUpperCase(Locale.ROOT)).map(verb -> switch (verb.answer) {
            case ONE_LINE -> false;
            case MULTI_LINE -> true;
            case MULTI_LINE_WITHOUT_ARGUMENT -> words.length == 1;
        }).orElse(false);
    }

    private static Optional<Pop3Verb> named(String keyword) {
        for (Pop3Verb verb : values()) {
            if (verb.keyword().equals(keyword)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
