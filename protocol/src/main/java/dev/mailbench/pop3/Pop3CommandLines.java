package dev.mailbench.pop3;

import dev.mailbench.sasl.ApopDigest;

/**
 * The command lines of RFC 1939 (and CAPA, STLS) as a client writes them, without CRLF: what a guided
 * form shows before it sends, and what {@link Pop3ClientSession#command} then sends unchanged.
 */
public final class Pop3CommandLines {

    private Pop3CommandLines() {
    }

    /** {@code USER name} (RFC 1939 §7). */
    public static String user(String name) {
        return "USER " + name.strip();
    }

    /** {@code PASS string} (RFC 1939 §7); the password is sent as typed, spaces included. */
    public static String pass(String password) {
        return "PASS " + password;
    }

    /** {@code APOP name digest} (RFC 1939 §7), the digest computed from the greeting's timestamp. */
    public static String apop(String name, String timestamp, String secret) {
        return "APOP " + name.strip() + " " + ApopDigest.of(timestamp, secret);
    }

    /** {@code LIST [msg]}, {@code UIDL [msg]} (RFC 1939 §5, §7): a blank number asks for every message. */
    public static String withOptionalNumber(Pop3Verb verb, String message) {
        return message == null || message.isBlank() ? verb.name() : verb.name() + " " + message.strip();
    }

    /** {@code RETR msg}, {@code DELE msg} (RFC 1939 §5). */
    public static String withNumber(Pop3Verb verb, String message) {
        return verb.name() + " " + message.strip();
    }

    /** {@code TOP msg n} (RFC 1939 §7). */
    public static String top(String message, String lines) {
        return "TOP " + message.strip() + " " + lines.strip();
    }

    /** A command that takes no argument: CAPA, STLS, STAT, RSET, NOOP, QUIT. */
    public static String bare(Pop3Verb verb) {
        return switch (verb) {
            case CAPA, STLS, STAT, RSET, NOOP, QUIT, LIST, UIDL -> verb.name();
            default -> throw new IllegalArgumentException(verb + " takes an argument");
        };
    }
}
