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
                        int recipients) implements SmtpConditions {

    /** The phases in which the client sends commands (not inside DATA or an AUTH exchange, nor unconnected). */
    private static final Set<SmtpPhase> TAKING_COMMANDS = EnumSet.of(
            SmtpPhase.GREETED, SmtpPhase.READY, SmtpPhase.MAIL_GIVEN, SmtpPhase.RECIPIENTS_GIVEN);

    public static SmtpState disconnected() {
        return new SmtpState(SmtpPhase.DISCONNECTED, false, false, EhloCapabilities.none(), 0);
    }

    public SmtpState withPhase(SmtpPhase newPhase) {
        return new SmtpState(newPhase, tls, authenticated, capabilities, newPhase == SmtpPhase.RECIPIENTS_GIVEN ? recipients : 0);
    }

    /**
     * The commands a correct client may send now: those whose {@link SmtpVerb#rules()} hold. Not connected,
     * waiting for the greeting, inside DATA or an AUTH exchange, or closing, none is (inside DATA and AUTH
     * the next line is text or a response).
     */
    public Set<SmtpVerb> legalVerbs() {
        EnumSet<SmtpVerb> legal = EnumSet.noneOf(SmtpVerb.class);
        if (TAKING_COMMANDS.contains(phase)) {
            for (SmtpVerb verb : SmtpVerb.values()) {
                if (verb.allowedIn(this)) {
                    legal.add(verb);
                }
            }
        }
        return legal;
    }

    /**
     * The legal commands that move a normal dialogue forward now, the next steps of sending a message,
     * as against those merely allowed (NOOP, HELP, RSET, VRFY …): greeted, EHLO (RFC 5321 §3.2: a client
     * that can, uses EHLO); introduced, MAIL, and STARTTLS or AUTH when offered, AUTH only once TLS is active
     * where STARTTLS is offered (a password is not sent in clear when it need not be: RFC 4954 §4, RFC 3207
     * §6); after MAIL, RCPT; with recipients, more RCPT or DATA (RFC 5321 §3.3).
     */
    public Set<SmtpVerb> forwardVerbs() {
        Set<SmtpVerb> forward = switch (phase) {
            case GREETED -> EnumSet.of(SmtpVerb.EHLO);
            case READY -> EnumSet.of(SmtpVerb.STARTTLS, SmtpVerb.AUTH, SmtpVerb.MAIL);
            case MAIL_GIVEN -> EnumSet.of(SmtpVerb.RCPT);
            case RECIPIENTS_GIVEN -> EnumSet.of(SmtpVerb.RCPT, SmtpVerb.DATA);
            default -> EnumSet.noneOf(SmtpVerb.class);
        };
        if (!tls && offers("STARTTLS")) {
            forward.remove(SmtpVerb.AUTH);
        }
        forward.removeIf(verb -> !isLegal(verb));
        return forward;
    }

    public boolean isLegal(SmtpVerb verb) {
        return TAKING_COMMANDS.contains(phase) && verb.allowedIn(this);
    }

    @Override
    public boolean introduced() {
        return phase == SmtpPhase.READY || inTransaction();
    }

    @Override
    public boolean inTransaction() {
        return phase == SmtpPhase.MAIL_GIVEN || hasRecipients();
    }

    @Override
    public boolean hasRecipients() {
        return phase == SmtpPhase.RECIPIENTS_GIVEN;
    }

    /** What the last EHLO advertised: nothing after HELO, so AUTH, STARTTLS and ETRN are not offered then. */
    @Override
    public boolean offers(String capability) {
        return capabilities.has(capability);
    }
}
