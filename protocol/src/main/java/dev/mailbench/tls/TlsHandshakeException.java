package dev.mailbench.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * TLS could not be set up on a connection. The {@link Kind} says what went wrong in terms a user can act on
 * and the message says it in a sentence, naming the peer.
 */
public final class TlsHandshakeException extends IOException {

    /** What went wrong. */
    public enum Kind {
        /** The peer answered, but not in TLS: most likely a plain-text port. */
        NOT_TLS,
        /** The peer did not complete the handshake within the time allowed. */
        TIMEOUT,
        /** The peer closed or reset the connection during the handshake. */
        CLOSED_BY_PEER,
        /** The two sides have no TLS version in common. */
        NO_COMMON_PROTOCOL,
        /** The peer refused the handshake with a TLS alert (no common cipher suite, for example). */
        REFUSED_BY_PEER,
        /** Plain text arrived after STARTTLS/STLS and before the handshake: refused, RFC 3207 §4. */
        PLAINTEXT_BEFORE_HANDSHAKE,
        /** Anything else; the message carries the details. */
        OTHER
    }

    private final Kind kind;

    TlsHandshakeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Turns what the JDK threw during a handshake with {@code peer} into a kind and a sentence. */
    static TlsHandshakeException fromHandshakeFailure(String peer, Duration timeout, IOException failure,
            boolean deadlinePassed) {
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String lower = detail.toLowerCase(Locale.ROOT);
        if (deadlinePassed || causedBy(failure, SocketTimeoutException.class)) {
            return new TlsHandshakeException(Kind.TIMEOUT, "No TLS handshake with " + peer + " within "
                    + seconds(timeout) + ": the peer sent no TLS answer in time", failure);
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return new TlsHandshakeException(Kind.NOT_TLS,
                    peer + " did not answer in TLS; it seems to speak plain text on this port", failure);
        }
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")) {
            return new TlsHandshakeException(Kind.NO_COMMON_PROTOCOL,
                    "No TLS version in common with " + peer + " (" + detail + ")", failure);
        }
        if (lower.contains("received fatal alert")) {
            return new TlsHandshakeException(Kind.REFUSED_BY_PEER,
                    peer + " refused the TLS handshake (" + detail + ")", failure);
        }
        if (causedBy(failure, EOFException.class) || causedBy(failure, SocketException.class)
                || lower.contains("remote host terminated")) {
            return new TlsHandshakeException(Kind.CLOSED_BY_PEER,
                    peer + " closed the connection during the TLS handshake (" + detail + ")", failure);
        }
        return new TlsHandshakeException(Kind.OTHER, "TLS handshake with " + peer + " failed: " + detail, failure);
    }

    /** RFC 3207 §4, RFC 2595 §4: nothing may come between the command's reply and the TLS handshake. */
    static TlsHandshakeException plaintextBeforeHandshake(String peer, byte[] plaintext) {
        return new TlsHandshakeException(Kind.PLAINTEXT_BEFORE_HANDSHAKE,
                "Refusing to start TLS with " + peer + ": " + plaintext.length + " byte(s) of plain text arrived"
                        + " after the command and before the TLS handshake (" + preview(plaintext) + "); they would"
                        + " otherwise be taken as protected commands, so the connection must not go on",
                null);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String preview(byte[] bytes) {
        int shown = Math.min(bytes.length, 40);
        String text = new String(bytes, 0, shown, StandardCharsets.ISO_8859_1);
        StringBuilder escaped = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        escaped.append(String.format("\\x%02X", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.append(shown < bytes.length ? "...\"" : "\"").toString();
    }
}
