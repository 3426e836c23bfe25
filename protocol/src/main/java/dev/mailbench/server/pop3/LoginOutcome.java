package dev.mailbench.server.pop3;

import dev.mailbench.server.MailBackend.Maildrop;

/**
 * What came of a login attempt: the mailbox, now locked for this session, or the refusal to send.
 *
 * @param mailbox           the open mailbox, or null when refused
 * @param mailboxName       the canonical user name of the mailbox, or null when refused
 * @param refusal           the reply when refused, or null
 * @param wrongCredentials  whether the refusal counts against the failed-login budget (a mailbox in use or
 *                          a temporary failure does not: the client did nothing wrong)
 */
record LoginOutcome(Maildrop mailbox, String mailboxName, Pop3ServerReply refusal, boolean wrongCredentials) {

    static LoginOutcome loggedIn(Maildrop mailbox) {
        return new LoginOutcome(mailbox, mailbox.mailbox(), null, false);
    }

    static LoginOutcome refused(Pop3ServerReply refusal, boolean wrongCredentials) {
        return new LoginOutcome(null, null, refusal, wrongCredentials);
    }

    boolean succeeded() {
        return mailbox != null;
    }
}
