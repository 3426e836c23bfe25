package dev.mailbench.wire;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Why a connection could not be made, in the words of the note that says so. The notes' texts are defined here,
 * once, as {@link TlsModeHints} defines its own; the explainer recognises them by {@link #kindOf} and adds the
 * catalogue's sentence (keys {@code event.note.<kind>}).
 */
public final class ConnectFailures {

    /** How every note of a failed connection starts: {@code Could not connect to host:25: …}. */
    static final String PREFIX = "Could not connect to ";

    /** The kinds of failure a user can act on, each with the words its note uses. */
    private enum Kind {
        /** The name has no address: DNS (or the hosts file) does not know it. No packet went to the host. */
        UNKNOWN_HOST("unknown-host", "unknown host, the name does not resolve to an address"),
        /** The host answered with a TCP reset: it is there, but nothing listens on that port. */
        REFUSED("connection-refused", "connection refused, nothing listens on that port"),
        /** No answer at all before the connect timeout: dropped by a firewall, or the host is off. */
        TIMED_OUT("connect-timeout", "no answer within the connect timeout"),
        /** The network itself cannot reach the host (no route, network unreachable). */
        NO_ROUTE("no-route", "no route to the host, the network cannot reach it");

        private final String key;
        private final String words;

        Kind(String key, String words) {
            this.key = key;
            this.words = words;
        }
    }

    private ConnectFailures() {
    }

    /**
     * The note that says why connecting to {@code host:port} failed: {@code Could not connect to host:25:
     * connection refused, nothing listens on that port (Connection refused)}.
     *
     * @param how what was tried besides TCP, such as {@code " with TLS"}; empty for plain TCP
     */
    public static String note(String host, int port, String how, IOException failure) {
        Kind kind = kindOf(failure);
        String detail = WireConnection.describe(failure);
        String where = PREFIX + host + ":" + port + how + ": ";
        if (kind == null) {
            return where + detail;
        }
        // the system's own words follow in brackets, unless they only repeat ours or name the host again
        boolean repeats = kind == Kind.UNKNOWN_HOST || kind.words.toLowerCase(Locale.ROOT)
                .contains(detail.toLowerCase(Locale.ROOT));
        return where + kind.words + (repeats ? "" : " (" + detail + ")");
    }

    /**
     * The same failure with the note's words as its message (the window shows it), of the same class, so that a
     * caller that tells failures apart by class still can.
     */
    static IOException explained(String note, IOException failure) {
        Kind kind = kindOf(failure);
        if (kind == null) {
            return failure;
        }
        IOException explained = switch (kind) {
            case UNKNOWN_HOST -> new UnknownHostException(note);
            case REFUSED -> new ConnectException(note);
            case TIMED_OUT -> new SocketTimeoutException(note);
            case NO_ROUTE -> failure instanceof NoRouteToHostException ? new NoRouteToHostException(note)
                    : new ConnectException(note);
        };
        explained.initCause(failure);
        return explained;
    }

    /** Whether {@code note} is one of these: a connection that could not be made. */
    public static boolean isFailure(String note) {
        return note.startsWith(PREFIX);
    }

    /**
     * Which failure a note reports ({@code unknown-host}, {@code connection-refused}, {@code connect-timeout},
     * {@code no-route}), or null.
     */
    public static String kindOf(String note) {
        if (!isFailure(note)) {
            return null;
        }
        for (Kind kind : Kind.values()) {
            if (note.contains(": " + kind.words)) {
                return kind.key;
            }
        }
        return null;
    }

    private static Kind kindOf(IOException failure) {
        if (failure instanceof UnknownHostException) {
            return Kind.UNKNOWN_HOST;
        }
        if (failure instanceof SocketTimeoutException) {
            return Kind.TIMED_OUT;
        }
        if (failure instanceof NoRouteToHostException) {
            return Kind.NO_ROUTE;
        }
        if (failure instanceof ConnectException) {
            String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
            // a ConnectException is a refusal (a TCP reset) unless the system says the network was unreachable
            return message.contains("unreachable") ? Kind.NO_ROUTE : Kind.REFUSED;
        }
        return null;
    }
}
