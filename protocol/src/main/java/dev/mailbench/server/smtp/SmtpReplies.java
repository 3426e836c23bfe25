package dev.mailbench.server.smtp;

import dev.mailbench.server.Personality;
import dev.mailbench.smtp.EnhancedStatus;
import dev.mailbench.smtp.SmtpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * Every reply the practice SMTP server gives, by name, shared by the server and its tests (as aiosmtpd's
 * {@code statuscodes.py}). The reply code and the enhanced status code (RFC 3463) are fixed here; the words
 * come from the {@link Personality}, under {@code smtp.<key>}, so a class sees Postfix's or Exchange's
 * wording with the same codes.
 *
 * <p>RFC 2034 §3: every 2xx, 4xx and 5xx reply except the greeting and the answers to HELO and EHLO carries
 * an enhanced status code, whether or not the client used EHLO; 3xx replies carry none.
 */
public enum SmtpReplies {
    // ---- connection ----
    S220_GREETING(220, null, "greeting"),
    S221_BYE(221, "2.0.0", "bye"),
    S421_UNAVAILABLE(421, "4.3.2", "unavailable"),
    S421_TOO_MANY_CONNECTIONS(421, "4.7.0", "too-many-connections"),
    S421_TIMEOUT(421, "4.4.2", "timeout"),
    S421_TOO_MANY_ERRORS(421, "4.7.0", "too-many-errors"),
    S421_TOO_MANY_AUTH_FAILURES(421, "4.7.0", "too-many-auth-failures"),
    /** A student already has as many connections open as a class allows ({@code StudentLimits}). */
    S421_STUDENT_CONNECTIONS(421, "4.7.0", "student-connections"),

    // ---- positive ----
    S250_HELO(250, null, "helo"),
    S250_EHLO(250, null, "ehlo"),
    S250_OK(250, "2.0.0", "ok"),
    S250_SENDER_OK(250, "2.1.0", "sender-ok"),
    S250_RECIPIENT_OK(250, "2.1.5", "recipient-ok"),
    /** A recipient in another domain, let through by SMTP after POP: the words say so, and who logged in. */
    S250_RELAY_AFTER_POP(250, "2.1.5", "relay-after-pop"),
    S250_QUEUED(250, "2.0.0", "queued"),
    S250_VRFY(250, "2.1.5", "vrfy"),
    S250_EXPN(250, "2.1.5", "expn"),
    S251_ETRN_NOTHING_WAITING(251, "2.0.0", "etrn-nothing-waiting"),
    S214_HELP(214, "2.0.0", "help"),
    S214_HELP_TOPIC(214, "2.0.0", "help-topic"),
    S220_READY_FOR_TLS(220, "2.0.0", "starttls"),
    S235_AUTHENTICATED(235, "2.7.0", "authenticated"),
    S354_START_INPUT(354, null, "start-input"),

    // ---- syntax (RFC 5321 §4.2.2: 500-504) ----
    S500_UNKNOWN_COMMAND(500, "5.5.2", "unknown-command"),
    S500_LINE_TOO_LONG(500, "5.5.2", "line-too-long"),
    S500_TEXT_LINE_TOO_LONG(500, "5.5.2", "text-line-too-long"),
    S500_BARE_LINE_ENDING(500, "5.5.2", "bare-line-ending"),
    S501_SYNTAX(501, "5.5.4", "syntax"),
    S501_BAD_SENDER(501, "5.1.7", "bad-sender"),
    S501_BAD_RECIPIENT(501, "5.1.3", "bad-recipient"),
    S501_BAD_SIZE(501, "5.5.4", "bad-size"),
    S501_AUTH_CANCELLED(501, "5.0.0", "auth-cancelled"),
    S501_AUTH_NOT_BASE64(501, "5.5.2", "auth-not-base64"),
    S501_AUTH_MALFORMED(501, "5.5.2", "auth-malformed"),
    S502_NOT_IMPLEMENTED(502, "5.5.1", "not-implemented"),
    S503_NEED_HELO(503, "5.5.1", "need-helo"),
    S503_NEED_MAIL(503, "5.5.1", "need-mail"),
    S503_NEED_RCPT(503, "5.5.1", "need-rcpt"),
    S503_NESTED_MAIL(503, "5.5.1", "nested-mail"),
    S503_ALREADY_AUTHENTICATED(503, "5.5.1", "already-authenticated"),
    S503_TRANSACTION_IN_PROGRESS(503, "5.5.1", "transaction-in-progress"),
    S503_TLS_ALREADY_ACTIVE(503, "5.5.1", "tls-already-active"),
    S504_UNKNOWN_MECHANISM(504, "5.5.4", "unknown-mechanism"),
    S504_UNKNOWN_HELP_TOPIC(504, "5.5.4", "unknown-help-topic"),
    S555_UNSUPPORTED_PARAMETER(555, "5.5.4", "unsupported-parameter"),

    // ---- policy ----
    S530_AUTH_REQUIRED(530, "5.7.0", "auth-required"),
    S535_AUTH_FAILED(535, "5.7.8", "auth-failed"),
    S550_UNKNOWN_USER(550, "5.1.1", "unknown-user"),
    S550_RELAY_DENIED(550, "5.7.1", "relay-denied"),
    S550_VRFY_UNKNOWN(550, "5.1.1", "vrfy-unknown"),
    S550_NOT_A_LIST(550, "5.1.1", "not-a-list"),
    S550_BARE_LINE_ENDING_IN_DATA(550, "5.6.0", "bare-line-ending-in-data"),
    S554_PLAINTEXT_AFTER_STARTTLS(554, "5.5.1", "plaintext-after-starttls"),
    S458_ETRN_REFUSED(458, "4.3.0", "etrn-refused"),
    S454_TLS_UNAVAILABLE(454, "4.7.0", "tls-unavailable"),
    /** RFC 4954 §4: the server requires TLS before this mechanism (and, here, before any). */
    S538_ENCRYPTION_REQUIRED(538, "5.7.11", "encryption-required"),
    /** RFC 4954 §6 "temporary authentication failure": logins to this account pause after too many failures. */
    S454_LOGINS_PAUSED(454, "4.7.0", "logins-paused"),
    /** A student started more messages in the last minute than a class allows (RFC 3463 X.7.1: not allowed now). */
    S451_STUDENT_RATE(451, "4.7.1", "student-rate"),
    /** RFC 3463 X.2.2: the recipient's mailbox is full (a student's mailbox size in a class). */
    S552_MAILBOX_FULL(552, "5.2.2", "mailbox-full"),

    // ---- limits ----
    S552_TOO_BIG(552, "5.3.4", "too-big"),
    S452_TOO_MANY_RECIPIENTS(452, "4.5.3", "too-many-recipients"),

    // ---- temporary failures (real or injected) ----
    S450_GREYLISTED(450, "4.7.1", "greylisted"),
    S451_RECIPIENT_TEMPORARY(451, "4.3.0", "recipient-temporary"),
    S452_INSUFFICIENT_STORAGE(452, "4.3.1", "insufficient-storage"),
    S451_LOCAL_ERROR(451, "4.3.0", "local-error");

    /** The prefix of this protocol's keys in a personality's texts. */
    public static final String KEY_PREFIX = "smtp.";

    private final int code;
    private final EnhancedStatus enhanced;
    private final String key;

    SmtpReplies(int code, String enhanced, String key) {
        this.code = code;
        this.enhanced = enhanced == null ? null : EnhancedStatus.parse(enhanced);
        this.key = key;
        if (this.enhanced != null && this.enhanced.klass() != code / 100) {
            throw new IllegalStateException(name() + ": RFC 3463 §2 requires the same class as the reply code");
        }
    }

    public int code() {
        return code;
    }

    public Optional<EnhancedStatus> enhanced() {
        return Optional.ofNullable(enhanced);
    }

    /** The key of the reply's words in a personality, {@code smtp.<key>}. */
    public String personalityKey() {
        return KEY_PREFIX + key;
    }

    /** The reply worded by a personality, placeholders filled from {@code values}. */
    public SmtpReply render(Personality personality, Map<String, String> values) {
        return SmtpReply.of(code, prefixed(personality.text(personalityKey(), values)));
    }

    /**
     * A multi-line reply: the personality's lines {@code smtp.<key>.1}, {@code .2}, … (RFC 2034 §4: the
     * enhanced status code starts every line).
     */
    public SmtpReply renderLines(Personality personality, Map<String, String> values) {
        return withLines(personality.lines(personalityKey(), values));
    }

    /** This reply's code and enhanced status with lines the server composed (EHLO, EXPN). */
    public SmtpReply withLines(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name() + " needs at least one line");
        }
        List<String> prefixed = new ArrayList<>(lines.size());
        for (String line : lines) {
            prefixed.add(prefixed(line));
        }
        return SmtpReply.of(code, prefixed.toArray(String[]::new));
    }

    private String prefixed(String text) {
        return enhanced == null ? text : enhanced + " " + text;
    }

    /** Whether a reply has this reply's code and enhanced status code, whatever its words. */
    public boolean matches(SmtpReply reply) {
        return reply.code() == code && Objects.equals(reply.enhancedStatus().orElse(null), enhanced);
    }

    /** RFC 5321 §4.2.2 / Postfix's error budget: the syntax and sequence errors 500 to 504. */
    public static boolean isSyntaxOrSequenceError(SmtpReply reply) {
        return reply.code() >= 500 && reply.code() <= 504;
    }

    @Override
    public String toString() {
        return code + (enhanced == null ? "" : " " + enhanced) + " (" + name() + ")";
    }
}
