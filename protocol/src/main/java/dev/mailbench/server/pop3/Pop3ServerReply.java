package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Reply.Status;
import dev.mailbench.server.Personality;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reply the POP3 side of the practice server gives, by name, so that the server and its tests speak of
 * the same thing ({@code NO_SUCH_MESSAGE}, not a string). The status and the response code in brackets
 * (RFC 2449 §8, RFC 3206) belong to the protocol and are fixed here; the human text after them is worded by
 * the {@link Personality} ({@code pop3.*} keys), except where an RFC fixes the format so that clients can
 * parse it (STAT, LIST n and UIDL n, RFC 1939 §5 and §7).
 *
 * <p>Texts may use placeholders: {@code {host}} always, and what each reply documents.
 */
public enum Pop3ServerReply {
    /** RFC 1939 §4, §7: the greeting, with the APOP timestamp as {@code {timestamp}}. */
    GREETING(Status.OK, null, "pop3.greeting", null),
    /** The "refuse connections" fault: RFC 3206 §4 SYS/TEMP, then the server closes. */
    SERVICE_UNAVAILABLE(Status.ERR, "SYS/TEMP", "pop3.serviceUnavailable", null),
    /** Over the connection limit; then the server closes. */
    TOO_MANY_CONNECTIONS(Status.ERR, "SYS/TEMP", "pop3.tooManyConnections", null),

    /** CAPA (RFC 2449 §5); the capabilities follow as a multi-line body. */
    CAPABILITIES(Status.OK, null, "pop3.capabilities", null),
    /** USER accepted ({@code {user}}); the password is checked only at PASS, so nothing leaks about users. */
    USER_ACCEPTED(Status.OK, null, "pop3.userAccepted", null),
    /** RFC 1939 §7: PASS may only follow a successful USER. */
    PASS_WITHOUT_USER(Status.ERR, null, "pop3.passWithoutUser", null),
    /** Logged in: {@code {user}}, {@code {count}} messages, {@code {octets}} octets. */
    LOGGED_IN(Status.OK, null, "pop3.loggedIn", null),
    /** Wrong name or password, digest or SASL response (RFC 3206 §4 AUTH). */
    AUTH_FAILED(Status.ERR, "AUTH", "pop3.authFailed", null),
    /** APOP or CRAM-MD5 ({@code {mechanism}}) for an account that keeps no recoverable secret. */
    SHARED_SECRET_NOT_ENABLED(Status.ERR, "AUTH", "pop3.sharedSecretNotEnabled", null),
    /** The last failed login the connection is allowed; the server then closes. */
    TOO_MANY_AUTH_FAILURES(Status.ERR, "AUTH", "pop3.tooManyAuthFailures", null),
    /** The POP3 login fault (RFC 3206 §4 SYS/TEMP): try again later. */
    LOGIN_TEMPORARY_FAILURE(Status.ERR, "SYS/TEMP", "pop3.loginTemporaryFailure", null),
    /**
     * USER/PASS or a SASL mechanism that sends the password in clear, before STLS on a server that requires TLS
     * for passwords (RFC 2595 §4 LOGINDISABLED in spirit; RFC 3206 §4 AUTH: the credentials are the problem).
     */
    PLAINTEXT_DISALLOWED(Status.ERR, "AUTH", "pop3.plaintextDisallowed", null),
    /** A class's student's account had too many failed logins: logins pause ({@code {user}}, {@code {seconds}}). */
    LOGINS_PAUSED(Status.ERR, "AUTH", "pop3.loginsPaused", null),
    /** A class's student already has as many connections as allowed (RFC 2449 §8 IN-USE); then the server closes. */
    STUDENT_CONNECTIONS(Status.ERR, "IN-USE", "pop3.studentConnections", null),
    /** Another session holds the mailbox (RFC 2449 §8 IN-USE). */
    MAILBOX_IN_USE(Status.ERR, "IN-USE", "pop3.mailboxInUse", null),
    /** The mailbox could not be opened for another reason (disk trouble). */
    MAILBOX_UNAVAILABLE(Status.ERR, "SYS/TEMP", "pop3.mailboxUnavailable", null),

    /** AUTH without a mechanism; {@code {mechanisms}} lists the ones offered. */
    AUTH_MECHANISM_REQUIRED(Status.ERR, null, "pop3.authMechanismRequired", null),
    /** AUTH with a mechanism this server does not offer ({@code {mechanism}}). */
    AUTH_MECHANISM_UNKNOWN(Status.ERR, null, "pop3.authMechanismUnknown", null),
    /** RFC 5034 §4: a server challenge, {@code + base64}; the text is the base64 itself. */
    AUTH_CHALLENGE(Status.CONTINUATION, null, null, "{challenge}"),
    /** RFC 5034 §4: the client answered "*". */
    AUTH_CANCELLED(Status.ERR, null, "pop3.authCancelled", null),
    /** A SASL message without the mechanism's form: {@code {mechanism}}, {@code {explanation}}. */
    AUTH_MALFORMED(Status.ERR, null, "pop3.authMalformed", null),
    /** A SASL response that is not base64. */
    AUTH_INVALID_BASE64(Status.ERR, null, "pop3.authInvalidBase64", null),

    /** RFC 2595 §4: the TLS handshake may begin. */
    STLS_READY(Status.OK, null, "pop3.stlsReady", null),
    /** STLS when TLS is already active. */
    TLS_ALREADY_ACTIVE(Status.ERR, null, "pop3.tlsAlreadyActive", null),
    /** STLS on a server without a certificate. */
    TLS_UNAVAILABLE(Status.ERR, null, "pop3.tlsUnavailable", null),
    /**
     * Plain text already sent behind STLS, before the handshake: it could have been injected by anyone on the
     * path and would pass for a command sent under TLS, so it is refused and the server closes.
     */
    STLS_PIPELINED(Status.ERR, null, "pop3.stlsPipelined", null),

    /** RFC 1939 §5 STAT: exactly "+OK count octets". */
    MAILDROP_STATUS(Status.OK, null, null, "{count} {octets}"),
    /** LIST without argument; {@code {count}} and {@code {octets}}; "number size" lines follow. */
    SCAN_LISTING(Status.OK, null, "pop3.scanListing", null),
    /** RFC 1939 §5 LIST n: exactly "+OK number size". */
    SCAN_LINE(Status.OK, null, null, "{number} {octets}"),
    /** UIDL without argument; "number unique-id" lines follow. */
    UNIQUE_ID_LISTING(Status.OK, null, "pop3.uniqueIdListing", null),
    /** RFC 1939 §7 UIDL n: exactly "+OK number unique-id". */
    UNIQUE_ID_LINE(Status.OK, null, null, "{number} {uid}"),
    /** RETR: {@code {number}}, {@code {octets}}; the message follows. */
    MESSAGE_FOLLOWS(Status.OK, null, "pop3.messageFollows", null),
    /** TOP: {@code {number}}, {@code {lines}}; the header and the first lines follow. */
    TOP_FOLLOWS(Status.OK, null, "pop3.topFollows", null),
    /** The message file could not be read. */
    MESSAGE_UNAVAILABLE(Status.ERR, "SYS/TEMP", "pop3.messageUnavailable", null),
    /** DELE {@code {number}}. */
    MARKED_DELETED(Status.OK, null, "pop3.markedDeleted", null),
    /** RSET: {@code {count}} messages, {@code {octets}} octets again. */
    RESET(Status.OK, null, "pop3.reset", null),
    NOOP(Status.OK, null, "pop3.noop", null),
    /** RFC 1939 §5: a number that names no message, or a deleted one ({@code {number}}). */
    NO_SUCH_MESSAGE(Status.ERR, null, "pop3.noSuchMessage", null),
    /** QUIT; in the TRANSACTION state after the deletions ({@code {deleted}}) were made. */
    LOGOUT(Status.OK, null, "pop3.logout", null),
    /** RFC 1939 §6: some messages marked deleted could not be removed. */
    DELETIONS_FAILED(Status.ERR, "SYS/TEMP", "pop3.deletionsFailed", null),

    /** Arguments missing, extra or malformed; {@code {usage}} shows the syntax. */
    INVALID_ARGUMENTS(Status.ERR, null, "pop3.invalidArguments", null),
    /** Not a POP3 command ({@code {verb}}). */
    UNKNOWN_COMMAND(Status.ERR, null, "pop3.unknownCommand", null),
    /** A command not valid in this state ({@code {verb}}, {@code {state}}), RFC 1939 §3. */
    WRONG_STATE(Status.ERR, null, "pop3.wrongState", null),
    /** RFC 2449 §4: a command line is at most 255 octets. */
    LINE_TOO_LONG(Status.ERR, null, "pop3.lineTooLong", null),
    /** The error budget is spent; the server closes. */
    TOO_MANY_ERRORS(Status.ERR, null, "pop3.tooManyErrors", null),
    /** RFC 1939 §3: the autologout timer expired; the server closes without deleting anything. */
    AUTOLOGOUT(Status.ERR, null, "pop3.autologout", null);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Status status;
    private final String responseCode;
    private final String personalityKey;
    private final String fixedText;

    Pop3ServerReply(Status status, String responseCode, String personalityKey, String fixedText) {
        this.status = status;
        this.responseCode = responseCode;
        this.personalityKey = personalityKey;
        this.fixedText = fixedText;
    }

    public Status status() {
        return status;
    }

    /** The RFC 2449 §8 response code without brackets, or null. */
    public String responseCode() {
        return responseCode;
    }

    /** The personality key of the human text, or null when an RFC fixes the text. */
    public String personalityKey() {
        return personalityKey;
    }

    /** The whole reply line without CRLF, e.g. {@code -ERR [IN-USE] Mailbox is locked by another POP3 session.} */
    public String line(Personality personality, Map<String, String> values) {
        String text = personalityKey != null ? personality.text(personalityKey, values) : fill(fixedText, values);
        if (status == Status.CONTINUATION) {
            return "+ " + text; // RFC 5034 §4: "+" SP [base64], even when the challenge is empty
        }
        StringBuilder line = new StringBuilder(status.indicator());
        if (responseCode != null) {
            line.append(" [").append(responseCode).append(']');
        }
        if (!text.isEmpty()) {
            line.append(' ').append(text);
        }
        return line.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
