package dev.mailbench.pop3;

/**
 * One argument of a POP3 command, as a form asks for it.
 *
 * @param name     the name a form reads it by ({@code message})
 * @param label    what a form calls it ({@code Message})
 * @param optional whether the command may be given without it ({@code LIST [msg]}, RFC 1939 §5)
 * @param secret   whether it is a password: typed unseen, and sent exactly as typed, spaces included
 *                 (RFC 1939 §7)
 */
public record Pop3Argument(String name, String label, boolean optional, boolean secret) {

    static Pop3Argument required(String name, String label) {
        return new Pop3Argument(name, label, false, false);
    }

    static Pop3Argument optional(String name, String label) {
        return new Pop3Argument(name, label, true, false);
    }

    static Pop3Argument secret(String name, String label) {
        return new Pop3Argument(name, label, false, true);
    }
}
