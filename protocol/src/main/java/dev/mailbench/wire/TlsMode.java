package dev.mailbench.wire;

/** How a client session protects its connection. */
public enum TlsMode {
    /** Plain text throughout (a STARTTLS/STLS upgrade can still be requested by hand). */
    NONE,
    /** Plain text first, then STARTTLS (RFC 3207) or STLS (RFC 2595) on request. */
    STARTTLS,
    /** TLS from the first byte: SMTPS on 465 (RFC 8314 §3.3), POP3S on 995 (RFC 8314 §3.3). */
    IMPLICIT
}
