package dev.mailbench.reproduce;

import dev.mailbench.explain.EventText;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.TranscriptListener;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Prints a transcript as it grows, one line a line: {@code C: }, {@code S: } or {@code *  } as in
 * {@link Transcript#toPlainText()}, the line as the window shows it (passwords masked, a bare LF visible), and the
 * latency after the first line of each reply.
 */
final class TranscriptPrinter implements TranscriptListener {

    private final Consumer<String> out;
    private Direction previous = Direction.NOTE;

    TranscriptPrinter(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(TranscriptEvent event) {
        out.accept(format(event, previous != Direction.SERVER));
        previous = event.direction();
    }

    /** One event as a line of plain text; {@code withLatency}: followed by its latency in brackets, if known. */
    static String format(TranscriptEvent event, boolean withLatency) {
        StringBuilder line = new StringBuilder(Transcript.plainPrefix(event.direction()))
                .append(event.isNote() ? event.line() : EventText.display(event, false, false));
        Duration latency = event.sinceCommand();
        if (withLatency && event.direction() == Direction.SERVER && latency != null) {
            line.append("   [").append(Durations.human(latency)).append(']');
        }
        return line.toString();
    }
}
