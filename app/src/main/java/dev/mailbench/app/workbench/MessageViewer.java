package dev.mailbench.app.workbench;

import dev.mailbench.retrieval.RetrievedMessage;

/** Shows a message a RETR or TOP brought back: the window opens it in a MIME viewer tab. */
@FunctionalInterface
public interface MessageViewer {
    void show(RetrievedMessage message);
}
