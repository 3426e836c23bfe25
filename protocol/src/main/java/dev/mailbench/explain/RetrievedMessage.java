package dev.mailbench.explain;

import dev.mailbench.mime.MessageSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message as a POP3 RETR or TOP response carried it: its exact bytes with the transparency dots removed.
 *
 * <p>A RETR may be 20 MB: the message is held once, and read through {@link #source()} without a copy;
 * {@link #content()} hands out a copy of its own.
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
