package dev.mailbench.wire;

/** Receives transcript events, in order, on the thread that produced them. */
@FunctionalInterface
public interface TranscriptListener {
    void onEvent(TranscriptEvent event);
}
