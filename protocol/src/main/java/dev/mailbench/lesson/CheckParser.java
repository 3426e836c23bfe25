package dev.mailbench.lesson;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslServerMechanism;
import dev.mailbench.smtp.SmtpVerb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads the lines of a {@code check} block, strictly: each line is {@code key: value} (or a bare key), the keys
 * are the vocabulary below, verbs are those of {@link SmtpVerb} and {@link Pop3Verb}, patterns are Java regular
 * expressions, matched case-insensitively. Every problem is reported with its line; a line with a problem is
 * left out of the check.
 */
final class CheckParser {

    /** The keys of a check block, as the README's "Writing a lesson" documents them. */
    static final List<String> KEYS = List.of("sent", "reply", "order", "dotted-line", "auth", "retrieved", "tls",
            "after-tls", "delivered", "delivered-unnamed", "needs");

    private static final Set<String> VERBS = new TreeSet<>(Stream.concat(
            Arrays.stream(SmtpVerb.values()).map(SmtpVerb::keyword),
            Arrays.stream(Pop3Verb.values()).map(Pop3Verb::keyword)).toList());

    private final List<Condition> conditions = new ArrayList<>();
    private final List<ServerSetting> needs = new ArrayList<>();
    private final Problems problems;

    /** Where problems go, with the file they are in. */
    interface Problems {
        void at(int line, String message);
    }

    private boolean problemFound;

    CheckParser(Problems problems) {
        this.problems = (line, message) -> {
            problemFound = true;
            problems.at(line, message);
        };
    }

    /** Whether a line of the block had a problem (already reported). */
    boolean problemFound() {
        return problemFound;
    }

    List<Condition> conditions() {
        return conditions;
    }

    List<ServerSetting> needs() {
        return needs;
    }

    /** Reads one line of the block; {@code number} is its line in the file. */
    void line(String text, int number) {
        String line = text.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int colon = line.indexOf(':');
        String key = (colon < 0 ? line : line.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : line.substring(colon + 1).strip();
        if (!KEYS.contains(key)) {
            problems.at(number, "unknown check \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
            return;
        }
        Consumer<String> problem = message -> problems.at(number, message);
        String[] words = value.isEmpty() ? new String[0] : value.split("\\s+");
        switch (key) {
            case "sent" -> {
                if (require(words, 1, key, "a verb", problem)) {
                    verb(words[0], problem).ifPresent(verb -> rest(value, 1, problem)
                            .ifPresent(pattern -> conditions.add(new Condition.Sent(verb, pattern))));
                }
            }
            case "reply" -> reply(value, words, problem);
            case "order" -> order(value, problem);
            case "dotted-line" -> none(words, key, problem).ifPresent(x -> conditions.add(new Condition.DottedLine()));
            case "tls" -> none(words, key, problem).ifPresent(x -> conditions.add(new Condition.TlsStarted()));
            case "auth" -> auth(words, problem);
            case "retrieved" -> retrieved(words, problem);
            case "after-tls" -> {
                if (require(words, 1, key, "a verb", problem) && words.length == 1) {
                    verb(words[0], problem).ifPresent(v -> conditions.add(new Condition.AfterTls(v)));
                } else if (words.length > 1) {
                    problem.accept("after-tls takes one verb, not \"" + value + "\"");
                }
            }
            case "delivered" -> delivered(value, words, problem);
            case "delivered-unnamed" -> {
                if (require(words, 1, key, "a mailbox", problem) && words.length == 1) {
                    conditions.add(new Condition.DeliveredUnnamed(words[0]));
                } else if (words.length > 1) {
                    problem.accept("delivered-unnamed takes one mailbox, not \"" + value + "\"");
                }
            }
            case "needs" -> needs(words, problem);
            default -> throw new IllegalStateException(key);
        }
    }

    private void reply(String value, String[] words, Consumer<String> problem) {
        if (!require(words, 2, "reply", "a verb and a code (reply: RCPT 250)", problem)) {
            return;
        }
        String target = words[0].toLowerCase(Locale.ROOT);
        Optional<String> verb = target.equals(Check.GREETING) || target.equals(Check.END_OF_DATA)
                ? Optional.of(target) : verb(words[0], problem);
        List<ReplyCode> codes = new ArrayList<>();
        int i = 1;
        for (; i < words.length; i++) {
            Optional<ReplyCode> code = ReplyCode.parse(words[i]);
            if (code.isEmpty()) {
                break;
            }
            codes.add(code.get());
        }
        if (codes.isEmpty()) {
            problem.accept("bad reply code \"" + words[1]
                    + "\" (write 250, 2xx, an enhanced code such as 5.7.1, +OK or -ERR)");
            return;
        }
        Optional<Optional<Pattern>> pattern = rest(value, i, problem);
        if (verb.isPresent() && pattern.isPresent()) {
            conditions.add(new Condition.ReplyCame(verb.get(), codes, pattern.get()));
        }
    }

    private void order(String value, Consumer<String> problem) {
        String[] items = value.split("\\s*,\\s*");
        if (value.isEmpty() || items.length < 2) {
            problem.accept("order needs two verbs or more, separated by commas (order: DELE, RSET)");
            return;
        }
        List<String> verbs = new ArrayList<>();
        for (String item : items) {
            Optional<String> verb = verb(item, problem);
            if (verb.isEmpty()) {
                return;
            }
            verbs.add(verb.get());
        }
        conditions.add(new Condition.Order(verbs));
    }

    private void auth(String[] words, Consumer<String> problem) {
        if (!require(words, 1, "auth", "a mechanism (auth: LOGIN typed)", problem)) {
            return;
        }
        boolean typed = words.length == 2 && words[1].equalsIgnoreCase("typed");
        if (words.length > 2 || (words.length == 2 && !typed)) {
            problem.accept("auth takes a mechanism and, optionally, the word typed");
            return;
        }
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        if (!mechanism.matches("[A-Z0-9_-]{1,20}")) { // RFC 4422 §3.1: a mechanism name
            problem.accept("bad mechanism \"" + words[0] + "\"");
            return;
        }
        if (!SaslServerMechanism.NAMES.contains(mechanism)) {
            // a step the practice server can never let a student meet
            problem.accept("unknown mechanism \"" + words[0] + "\" (the practice server offers "
                    + String.join(", ", SaslServerMechanism.NAMES) + ")");
            return;
        }
        conditions.add(new Condition.Authenticated(mechanism, typed));
    }

    private void retrieved(String[] words, Consumer<String> problem) {
        if (!require(words, 1, "retrieved", "a message number (retrieved: TOP 1)", problem) || words.length > 2) {
            if (words.length > 2) {
                problem.accept("retrieved takes RETR or TOP and a message number");
            }
            return;
        }
        Optional<String> verb = Optional.empty();
        if (words.length == 2) {
            String v = words[0].toUpperCase(Locale.ROOT);
            if (!v.equals(Pop3Verb.RETR.keyword()) && !v.equals(Pop3Verb.TOP.keyword())) {
                problem.accept("retrieved takes RETR or TOP, not \"" + words[0] + "\"");
                return;
            }
            verb = Optional.of(v);
        }
        String number = words[words.length - 1];
        if (!number.matches("[1-9]\\d{0,8}")) {
            problem.accept("bad message number \"" + number + "\" (RFC 1939 §5: message numbers start at 1)");
            return;
        }
        conditions.add(new Condition.Retrieved(verb, Integer.parseInt(number)));
    }

    private void delivered(String value, String[] words, Consumer<String> problem) {
        if (!require(words, 1, "delivered", "a mailbox (delivered: alice Subject hello)", problem)) {
            return;
        }
        Optional<String> field = words.length > 1 ? Optional.of(words[1]) : Optional.empty();
        if (field.isPresent() && !field.get().matches("[!-9;-~]+")) { // RFC 5322 §3.6.8: a field name
            problem.accept("bad header field name \"" + field.get() + "\"");
            return;
        }
        rest(value, 2, problem).ifPresent(pattern ->
                conditions.add(new Condition.Delivered(words[0], field, pattern)));
    }

    private void needs(String[] words, Consumer<String> problem) {
        if (!require(words, 2, "needs", "a setting and its value (needs: smtp-after-pop 10)", problem)) {
            return;
        }
        Optional<ServerSetting.Name> name = ServerSetting.Name.of(words[0]);
        if (name.isEmpty()) {
            problem.accept("unknown server setting \"" + words[0] + "\" (known: " + ServerSetting.Name.known() + ")");
            return;
        }
        if (words.length > 2) {
            problem.accept("needs takes one setting and one value");
            return;
        }
        ServerSetting setting = new ServerSetting(name.get(), words[1]);
        setting.problem().ifPresentOrElse(problem, () -> needs.add(setting));
    }

    /** The verb, upper-cased, when SMTP or POP3 has it. */
    private static Optional<String> verb(String written, Consumer<String> problem) {
        String verb = written.toUpperCase(Locale.ROOT);
        if (!VERBS.contains(verb)) {
            problem.accept("unknown verb \"" + written + "\" (SMTP and POP3 verbs: " + String.join(", ", VERBS) + ")");
            return Optional.empty();
        }
        return Optional.of(verb);
    }

    /** The pattern in {@code value} after {@code skip} words, if any; empty on a bad pattern (reported). */
    private static Optional<Optional<Pattern>> rest(String value, int skip, Consumer<String> problem) {
        String rest = value;
        for (int i = 0; i < skip && !rest.isEmpty(); i++) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        if (rest.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(Pattern.compile(rest, Pattern.CASE_INSENSITIVE)));
        } catch (PatternSyntaxException e) {
            problem.accept("bad pattern \"" + rest + "\": " + e.getDescription());
            return Optional.empty();
        }
    }

    private static boolean require(String[] words, int count, String key, String what, Consumer<String> problem) {
        if (words.length < count) {
            problem.accept(key + " needs " + what);
            return false;
        }
        return true;
    }

    private static Optional<Boolean> none(String[] words, String key, Consumer<String> problem) {
        if (words.length > 0) {
            problem.accept(key + " takes no value");
            return Optional.empty();
        }
        return Optional.of(true);
    }
}
