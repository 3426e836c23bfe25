package dev.mailbench.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of a step's {@code check} block: a predicate over what the dialogues showed ({@link Facts}) and,
 * for delivery, the mail store. The vocabulary is documented in the README ("Writing a lesson") and parsed by
 * {@link CheckParser}.
 */
sealed interface Condition {

    boolean holds(Facts facts, MailboxView mailboxes);

    /** The verbs the condition is about: a negative reply to one of them is a recognisable mistake. */
    Set<String> verbs();

    /** {@code sent: VERB [PATTERN]}: the client sent the verb, its argument matching the pattern if one is given. */
    record Sent(String verb, Optional<Pattern> argument) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.exchanges().stream().anyMatch(e -> e.isCommand(verb)
                    && argument.map(p -> p.matcher(e.argument).find()).orElse(true));
        }

        @Override
        public Set<String> verbs() {
            return Set.of(verb);
        }
    }

    /**
     * {@code reply: TARGET CODE… [PATTERN]}: a reply answered the verb (or the {@code greeting}, the
     * {@code end-of-data}) matching every code given ({@code 2xx}, {@code 250}, {@code 5.7.1}, {@code +OK},
     * {@code -ERR}), and the command's argument matched the pattern if one is given.
     */
    record ReplyCame(String target, List<ReplyCode> codes, Optional<Pattern> argument) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.exchanges().stream().anyMatch(e -> target.equals(e.target())
                    && argument.map(p -> p.matcher(e.argument).find()).orElse(true)
                    && e.reply().filter(r -> codes.stream().allMatch(c -> c.matches(r))).isPresent());
        }

        @Override
        public Set<String> verbs() {
            return Set.of(target);
        }
    }

    /** {@code order: A, B, …}: the client sent these verbs in this order, other lines allowed between. */
    record Order(List<String> sequence) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            int next = 0;
            for (Exchange e : facts.exchanges()) {
                if (next < sequence.size() && e.isCommand(sequence.get(next))) {
                    next++;
                }
            }
            return next == sequence.size();
        }

        @Override
        public Set<String> verbs() {
            return Set.copyOf(sequence);
        }
    }

    /** {@code dotted-line}: the message text had a line beginning with "." (RFC 5321 §4.5.2). */
    record DottedLine() implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.hadDottedLine();
        }

        @Override
        public Set<String> verbs() {
            return Set.of("DATA", Check.END_OF_DATA);
        }
    }

    /**
     * {@code auth: MECHANISM [typed]}: an AUTH exchange with that mechanism succeeded (RFC 4954 §4, RFC 5034 §4);
     * with {@code typed}, its responses each came on their own line after a challenge, none with the command.
     */
    record Authenticated(String mechanism, boolean typed) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.authAttempts().stream().anyMatch(a -> a.mechanism().equals(mechanism) && a.succeeded()
                    && (!typed || (!a.initialResponse() && a.responses() > 0)));
        }

        @Override
        public Set<String> verbs() {
            return Set.of("AUTH");
        }
    }

    /** {@code retrieved: [RETR|TOP] N}: RETR or TOP of message N was answered +OK (RFC 1939 §7). */
    record Retrieved(Optional<String> verb, int message) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.exchanges().stream().anyMatch(e -> e.positive()
                    && verb.map(e::isCommand).orElse(e.isCommand("RETR") || e.isCommand("TOP"))
                    && e.argument.split("\\s+")[0].equals(Integer.toString(message)));
        }

        @Override
        public Set<String> verbs() {
            return verb.map(Set::of).orElse(Set.of("RETR", "TOP"));
        }
    }

    /** {@code tls}: STARTTLS (RFC 3207 §4) or STLS (RFC 2595 §4) was accepted and TLS started. */
    record TlsStarted() implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.anyTlsStarted();
        }

        @Override
        public Set<String> verbs() {
            return Set.of("STARTTLS", "STLS");
        }
    }

    /** {@code after-tls: VERB}: the verb was sent inside the TLS a STARTTLS began, and accepted (RFC 3207 §4.2). */
    record AfterTls(String verb) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return facts.exchanges().stream().anyMatch(e -> e.isCommand(verb) && e.tls && e.positive()
                    && facts.tlsStartedInSession(e.session));
        }

        @Override
        public Set<String> verbs() {
            return Set.of(verb);
        }
    }

    /**
     * {@code delivered: MAILBOX [FIELD PATTERN]}: a message reached the mailbox, with a header field of that name
     * whose value matches the pattern if they are given.
     */
    record Delivered(String mailbox, Optional<String> field, Optional<Pattern> value) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            return messages(mailboxes, mailbox).stream().anyMatch(headers -> field.isEmpty()
                    || values(headers, field.get()).stream().anyMatch(v -> value.map(p -> p.matcher(v).find())
                            .orElse(true)));
        }

        @Override
        public Set<String> verbs() {
            return Set.of("RCPT", Check.END_OF_DATA);
        }
    }

    /**
     * {@code delivered-unnamed: MAILBOX}: a message reached the mailbox though no header field names it, as a Bcc
     * recipient's copy (RFC 5322 §3.6.3): the envelope, not the header, decides where mail goes.
     */
    record DeliveredUnnamed(String mailbox) implements Condition {
        @Override
        public boolean holds(Facts facts, MailboxView mailboxes) {
            Pattern named = Pattern.compile("\\b" + Pattern.quote(mailbox) + "@", Pattern.CASE_INSENSITIVE);
            return messages(mailboxes, mailbox).stream().anyMatch(headers -> headers.entrySet().stream()
                    .filter(f -> !f.getKey().equalsIgnoreCase("Received")
                            && !f.getKey().regionMatches(true, 0, "X-", 0, 2)
                            && !f.getKey().equalsIgnoreCase("Return-Path"))
                    .flatMap(f -> f.getValue().stream()).noneMatch(v -> named.matcher(v).find()));
        }

        @Override
        public Set<String> verbs() {
            return Set.of("RCPT", Check.END_OF_DATA);
        }
    }

    private static List<Map<String, List<String>>> messages(MailboxView mailboxes, String mailbox) {
        try {
            return mailboxes.headers(mailbox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mailbox " + mailbox, e);
        }
    }

    private static List<String> values(Map<String, List<String>> headers, String field) {
        return headers.entrySet().stream().filter(f -> f.getKey().equalsIgnoreCase(field))
                .flatMap(f -> f.getValue().stream()).toList();
    }
}
