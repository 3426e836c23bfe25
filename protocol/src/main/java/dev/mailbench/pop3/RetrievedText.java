package dev.mailbench.pop3;

/**
 * Where the message a RETR or TOP response carried lies in a transcript (RFC 1939 §5, §7): the server lines
 * after its status line, up to its terminating dot.
 *
 * @param command  sequence number of the RETR or TOP line
 * @param status   sequence number of the +OK status line; the text starts after it
 * @param end      sequence number of the last line read of the response: the terminating dot when complete
 * @param complete whether the terminating dot arrived (false: the text is still arriving, or the connection ended)
 */
public record RetrievedText(long command, long status, long end, boolean complete) {

    /** Whether the line with this sequence number is the command, the status line or a line of the text. */
    public boolean covers(long sequence) {
        return sequence == command || sequence >= status && sequence <= end;
    }
}
