package dev.mailbench.wire;

/** How a line read from the wire was terminated. */
public enum LineEnding {
    /** CR LF, the only line ending SMTP and POP3 allow (RFC 5321 §2.3.8, RFC 1939 §3). */
    CRLF("\r\n"),
    /** A bare LF, tolerated by many servers but not by the RFCs. */
    LF("\n"),
    /** No terminator: the peer closed the connection mid-line, or the line was split at the hard limit. */
    NONE("");

    private final String bytes;

    LineEnding(String bytes) {
        this.bytes = bytes;
    }

    public int length() {
        return bytes.length();
    }
}
