package dev.mailbench.explain;

/**
 * A message as a POP3 RETR or TOP response carried it: its exact bytes with the transparency dots removed.
 *
 * @param command  the command line that asked for it, e.g. {@code RETR 1}
 * @param content  the message's bytes, line endings as received, without the final "." line
 * @param complete whether the terminating "." arrived (false: the connection ended first)
 */
public record RetrievedMessage(String command, byte[] content, boolean complete) {
    public RetrievedMessage {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
