package dev.mailbench.pop3;

/** The states of a POP3 session (RFC 1939 §3), plus the moments around them. */
public enum Pop3Phase {
    DISCONNECTED("not connected"),
    AWAITING_GREETING("waiting for the server's greeting"),
    /** RFC 1939 §4: identify yourself with USER and PASS, APOP or AUTH. */
    AUTHORIZATION("authorization: log in with USER and PASS (or APOP, AUTH)"),
    /** RFC 5034 §4: a "+ " challenge was sent; answer in base64 or cancel with "*". */
    AUTH_EXCHANGE("authenticating: answer the challenge in base64, or * to cancel"),
    /** RFC 1939 §5: the mailbox is open and locked for this session. */
    TRANSACTION("transaction: the mailbox is open; STAT, LIST, RETR, DELE …"),
    /** RFC 1939 §6: QUIT was accepted; deletions are applied and the server closes. */
    UPDATE("update: deletions are being applied and the connection closes"),
    CLOSED("connection closed");

    private final String description;

    Pop3Phase(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
