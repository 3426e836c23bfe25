package dev.mailbench.pop3;

/**
 * How a {@link Pop3Dialogue} read one transcript line.
 *
 * @param role             the part the line plays
 * @param leadingDot       for a line of a response's text: it starts with a transparency dot, added by the server
 *                         and removed by the client (RFC 1939 §3)
 * @param answers          for a server line: the turn its response answers, or null when none was waiting
 * @param status           for a status line: the status read (its text, if any follows, is not in it); else null
 * @param multiLine        for a server line: whether its response carries a dot-terminated text
 * @param completesResponse whether this line ends its response
 */
public record Pop3LineReading(Pop3LineRole role, boolean leadingDot, Pop3Turn answers, Pop3Reply status,
                              boolean multiLine, boolean completesResponse) {

    static final Pop3LineReading NOTE = new Pop3LineReading(Pop3LineRole.NOTE, false, null, null, false, false);
    static final Pop3LineReading PARTIAL = new Pop3LineReading(Pop3LineRole.PARTIAL, false, null, null, false, false);
    static final Pop3LineReading COMMAND = new Pop3LineReading(Pop3LineRole.COMMAND, false, null, null, false, false);
    static final Pop3LineReading AUTH_RESPONSE =
            new Pop3LineReading(Pop3LineRole.AUTH_RESPONSE, false, null, null, false, false);
}
