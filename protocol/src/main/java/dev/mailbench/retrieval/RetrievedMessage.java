package dev.mailbench.retrieval;

import dev.mailbench.mime.MessageSource;
import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.RetrievedText;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message as a POP3 RETR or TOP response carried it: its exact bytes with the transparency dots removed.
 *
 * <p>A RETR may be 20 MB: the message is held once, and read through {@link #source()} without a copy;
 * {@link #content()} hands out a copy of its own. {@link #read} puts it together from a transcript, where a
 * {@link Pop3Dialogue} found it.
 */
public final class RetrievedMessage {

    private final String command;
    private final byte[] content;
    private final boolean complete;

    /**
     * @param command  the command line that asked for it, e.g. {@code RETR 1}
     * @param content  the message's bytes, line endings as received, without the final "." line; copied
     * @param complete whether the terminating "." arrived (false: the connection ended first)
     */
    public RetrievedMessage(String command, byte[] content, boolean complete) {
        this(command, content.clone(), complete, true);
    }

    private RetrievedMessage(String command, byte[] content, boolean complete, boolean owned) {
        this.command = Objects.requireNonNull(command, "command");
        this.content = Objects.requireNonNull(content, "content");
        this.complete = complete;
    }

    /** As the constructor, but {@code content} is taken, not copied: the caller must not change it afterwards. */
    public static RetrievedMessage taking(String command, byte[] content, boolean complete) {
        return new RetrievedMessage(command, content, complete, true);
    }

    /**
     * The message that lies {@code where} in the transcript: the server lines of the response's text, each without
     * its transparency dot (RFC 1939 §3), line endings as received. Lines the client sent meanwhile and notes are
     * not part of it.
     *
     * <p>Reads the lines where the transcript holds them, twice (to size the message, then to copy it), so a 20 MB
     * message is copied once, into an array of its exact size. Call it off a UI thread.
     *
     * @throws IllegalStateException if the message is too large to hold in one array
     */
    public static RetrievedMessage read(Transcript transcript, RetrievedText where) {
        long last = where.complete() ? where.end() - 1 : where.end(); // the terminating dot is not the message's
        long size = 0;
        boolean lineStart = true;
        for (long sequence = where.status() + 1; sequence <= last; sequence++) {
            TranscriptEvent event = transcript.event(sequence);
            if (event.direction() == Direction.SERVER) {
                size += event.length() - (lineStart && startsWithDot(event) ? 1 : 0);
                lineStart = !event.issues().contains(LineIssue.SPLIT);
            }
        }
        String command = transcript.event(where.command()).line();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the message of " + command + " is too large to hold: " + size + " bytes");
        }
        byte[] content = new byte[(int) size];
        int at = 0;
        lineStart = true;
        for (long sequence = where.status() + 1; sequence <= last; sequence++) {
            TranscriptEvent event = transcript.event(sequence);
            if (event.direction() == Direction.SERVER) {
                at = event.copyTo(lineStart && startsWithDot(event) ? 1 : 0, content, at);
                lineStart = !event.issues().contains(LineIssue.SPLIT);
            }
        }
        return taking(command, content, where.complete());
    }

    private static boolean startsWithDot(TranscriptEvent event) {
        return event.length() > 0 && event.byteAt(0) == '.';
    }

    public String command() {
        return command;
    }

    /** A copy of the message's bytes. */
    public byte[] content() {
        return content.clone();
    }

    /** The message's bytes to read, without a copy. */
    public MessageSource source() {
        return MessageSource.of(content);
    }

    public boolean complete() {
        return complete;
    }

    /** How many bytes the message has. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetrievedMessage that && command.equals(that.command) && complete == that.complete
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, complete, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "RetrievedMessage[" + command + ", " + content.length + " bytes" + (complete ? "" : ", incomplete") + "]";
    }
}
