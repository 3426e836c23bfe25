package dev.mailbench.smtp;

import java.util.Objects;

/**
 * One argument of an SMTP command, as a form asks for it.
 *
 * @param name     what the argument is called ({@code address})
 * @param label    what a form calls it ({@code Sender})
 * @param optional whether it may be left blank: then it is left out of the line, or, for a path, is the
 *                 null path {@code <>}
 * @param prefix   for a path the line puts in angle brackets (RFC 5321 §4.1.2), what comes before it
 *                 ({@code FROM:}); null for other arguments
 */
public record SmtpArgument(String name, String label, boolean optional, String prefix) {

    public SmtpArgument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }

    /** Whether the argument is a path in angle brackets. */
    public boolean path() {
        return prefix != null;
    }

    /**
     * Whether a form's value can stand between this path's angle brackets (typed with or without them): a
     * mailbox, {@code local-part@domain} (RFC 5321 §4.1.2); nothing, when the path is optional (MAIL's null
     * reverse-path, §4.5.5); or, for RCPT's forward-path, the bare {@code Postmaster} (§4.1.1.3). Arguments that
     * are not paths accept any value here.
     */
    public boolean accepts(String value) {
        if (!path()) {
            return true;
        }
        String address = SmtpVerb.unbracketed(value == null ? "" : value);
        if (address.isEmpty()) {
            return optional;
        }
        return Mailbox.isMailbox(address) || "TO:".equals(prefix) && address.equalsIgnoreCase("postmaster");
    }

    static SmtpArgument required(String name, String label) {
        return new SmtpArgument(name, label, false, null);
    }

    static SmtpArgument optional(String name, String label) {
        return new SmtpArgument(name, label, true, null);
    }

    static SmtpArgument path(String name, String label, String prefix, boolean optional) {
        return new SmtpArgument(name, label, optional, Objects.requireNonNull(prefix));
    }
}
