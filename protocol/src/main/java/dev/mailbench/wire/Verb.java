package dev.mailbench.wire;

/**
 * A command of a mail protocol, as its specification defines it ({@code SmtpVerb}, {@code Pop3Verb}): what
 * the window's step buttons, their legality and the forms' remembered values are keyed by, so that no
 * verb is ever named by a string that could be misspelt.
 */
public interface Verb {

    /** The verb as it is written on the wire: {@code MAIL}, {@code X-EXPS}, {@code RETR}. */
    String keyword();

    /** The protocol whose command it is. */
    MailProtocol protocol();

    /**
     * True when the command, or the exchange it opens, gives the server a password or another credential: what must
     * not cross a connection in clear that was meant to be encrypted first (RFC 3207 §4, RFC 2595 §2.1).
     */
    boolean givesCredentials();
}
