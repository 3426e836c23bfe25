package dev.mailbench.smtp;

import java.util.regex.Pattern;

/** The syntax of a mailbox, {@code local-part@domain}, in an SMTP path (RFC 5321 §4.1.2). */
public final class Mailbox {

    // RFC 5321 §4.1.2: Dot-string / Quoted-string, and Domain / address-literal.
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final Pattern LOCAL_PART = Pattern.compile(
            ATEXT + "+(?:\\." + ATEXT + "+)*|\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\"");
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[\\x21-\\x5A\\x5E-\\x7E]+]");
    /** RFC 5321 §4.5.3.1: local part 64, domain 255, whole path 256 octets. */
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_PATH = 256;

    private Mailbox() {
    }

    /** Whether the text is {@code local-part@domain} within RFC 5321's limits. */
    public static boolean isMailbox(String mailbox) {
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || at == mailbox.length() - 1 || mailbox.length() > MAX_PATH) {
            return false;
        }
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        return local.length() <= MAX_LOCAL && domain.length() <= MAX_DOMAIN
                && LOCAL_PART.matcher(local).matches() && DOMAIN.matcher(domain).matches();
    }
}
