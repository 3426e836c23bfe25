package dev.mailbench.app.workbench;

import dev.mailbench.explain.RetrievedMessage;

/**
 * Shows a message a RETR or TOP brought back. Today it is the raw source ({@link RawMessageView}); the
 * MIME viewer plugs in here.
 */
@FunctionalInterface
public interface MessageViewer {
    void show(RetrievedMessage message);
}
