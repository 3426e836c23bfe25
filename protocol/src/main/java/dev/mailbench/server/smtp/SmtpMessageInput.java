package dev.mailbench.server.smtp;

import dev.mailbench.wire.Line;
import java.io.IOException;

/** The message text after DATA's {@code 354} (RFC 5321 §4.1.1.4), as {@link DataCommand} reads it. */
public interface SmtpMessageInput {

    /** The next line, recorded in the transcript. */
    Line readLine() throws IOException;

    /** The next line without recording it (bulk message text); see {@link MessageTextReader}. */
    Line readLineUnrecorded() throws IOException;

    /** Records a line read unrecorded after all. */
    void recordIncoming(Line line);

    /** Closes the connection at once, without a reply (an injected fault), noting why. */
    void drop(String why);
}
