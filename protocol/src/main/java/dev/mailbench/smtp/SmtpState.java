package dev.mailbench.smtp;

import java.util.EnumSet;
import java.util.Set;

/**
 * A snapshot of an SMTP session that tells which commands are legal now. Illegal commands can still be
 * sent (that is how a student meets {@code 503 Bad sequence of commands}); this only says which ones a
 * correct client would use.
 *
 * @param phase          position in the command sequence
 * @param tls            whether the connection is protected by TLS
 * @param authenticated  whether AUTH succeeded
 * @param capabilities   what the last EHLO reply advertised (none after HELO or before EHLO)
 * @param recipients     recipients accepted in the current transaction
 */
public record SmtpState(SmtpPhase phase, boolean tls, boolean authenticated, EhloCapabilities capabilities,
                        int recipients) {

    /** RFC 5321 §4.1.4: these may be used at any time during a session. */
    private static final Set<SmtpVerb> ANYTIME =
            EnumSet.of(SmtpVerb.NOOP, SmtpVerb.HELP, SmtpVerb.VRFY, SmtpVerb.EXPN, SmtpVerb.RSET, SmtpVerb.QUIT);

    public static SmtpState disconnected() {
        return new SmtpState(SmtpPhase.DISCONNECTED, false, false, EhloCapabilities.none(), 0);
    }

    public SmtpState withPhase(SmtpPhase newPhase) {
        return new SmtpState(newPhase, tls, authenticated, capabilities, newPhase == SmtpPhase.RECIPIENTS_GIVEN ? recipients : 0);
    }

    /** The commands a correct client may send now. */
    public Set<SmtpVerb> legalVerbs() {
        EnumSet<SmtpVerb> legal = EnumSet.noneOf(SmtpVerb.class);
        switch (phase) {
            case GREETED -> {
                legal.add(SmtpVerb.EHLO);
                legal.add(SmtpVerb.HELO);
                legal.addAll(ANYTIME);
            }
            case READY -> {
                legal.add(SmtpVerb.EHLO);
                legal.add(SmtpVerb.HELO);
                legal.add(SmtpVerb.MAIL);
                legal.addAll(ANYTIME);
                // RFC 3207 §4.2: STARTTLS only once, and only if offered.
                if (!tls && capabilities.has("STARTTLS")) {
                    legal.add(SmtpVerb.STARTTLS);
                }
                // RFC 4954 §4: AUTH only if offered, only once, not during a transaction.
                if (!authenticated && capabilities.has("AUTH")) {
                    legal.add(SmtpVerb.AUTH);
                }
                // RFC 1985 §4: ETRN only if offered.
                if (capabilities.has("ETRN")) {
                    legal.add(SmtpVerb.ETRN);
                }
            }
            case MAIL_GIVEN -> {
                legal.add(SmtpVerb.RCPT);
                legal.addAll(ANYTIME);
            }
            case RECIPIENTS_GIVEN -> {
                legal.add(SmtpVerb.RCPT);
                legal.add(SmtpVerb.DATA);
                legal.addAll(ANYTIME);
            }
            default -> {
                // Not connected, waiting for the greeting, inside DATA or an AUTH exchange, or closing:
                // no command is legal (inside DATA and AUTH the next line is text or a response).
            }
        }
        return legal;
    }

    public boolean isLegal(SmtpVerb verb) {
        return legalVerbs().contains(verb);
    }
}
