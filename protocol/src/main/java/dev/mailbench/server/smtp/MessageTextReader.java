package dev.mailbench.server.smtp;

import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineIssue;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the message text after DATA for {@link DataCommand}, keeping the connection's transcript readable
 * and small: the first {@value #SHOWN_OCTETS} octets are recorded line by line, after that only the lines
 * worth a look (a bare CR or LF, a NUL, an over-long line, the end of data), with a note counting what was
 * left out. Without this, a 25 MB message would be kept in memory a second time, as transcript events.
 */
final class MessageTextReader {
    static final long SHOWN_OCTETS = 64 * 1024;
    private static final Set<LineIssue> WORTH_SHOWING = EnumSet.of(LineIssue.BARE_LF, LineIssue.BARE_CR,
            LineIssue.NUL, LineIssue.OVERLONG, LineIssue.UNTERMINATED);

    private final SmtpCommandContext connection;
    private final SmtpMessageInput input;
    private long shown;
    private long hiddenLines;
    private long hiddenOctets;

    MessageTextReader(SmtpCommandContext connection) {
        this.connection = connection;
        this.input = connection.messageInput();
    }

    Line next() throws IOException {
        if (shown < SHOWN_OCTETS) {
            Line line = input.readLine();
            shown += line.rawLength();
            return line;
        }
        Line line = input.readLineUnrecorded();
        if (line.isTerminator() || !Collections.disjoint(line.issues(), WORTH_SHOWING)) {
            noteHidden();
            input.recordIncoming(line);
        } else {
            hiddenLines++;
            hiddenOctets += line.rawLength();
        }
        return line;
    }

    /** Notes the lines left out since the last recorded one, if any. */
    void noteHidden() {
        if (hiddenLines > 0) {
            connection.note("… " + hiddenLines + " more line(s), " + hiddenOctets
                    + " octets of message text received, not shown here");
            hiddenLines = 0;
            hiddenOctets = 0;
        }
    }
}
