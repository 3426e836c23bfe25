package dev.mailbench.app.transcript;

import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.wire.TranscriptEvent;

/**
 * One line of a tab's transcript pane: the event, how the protocol reads it, and the explainer of the
 * connection it belongs to (a tab shows every connection it has made, one after the other).
 */
public record TranscriptEntry(TranscriptEvent event, LineInfo info, EventExplainer explainer) {
}
