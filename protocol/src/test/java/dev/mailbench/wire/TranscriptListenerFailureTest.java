package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener that throws does not stop the transcript or the other listeners. */
class TranscriptListenerFailureTest {

    @Test
    void aThrowingListenerIsIsolated() throws Exception {
        Transcript transcript = new Transcript();
        List<String> seen = new ArrayList<>();
        transcript.addListener(event -> {
            throw new IllegalStateException("a broken view");
        });
        transcript.addListener(event -> seen.add(event.line()));
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            transcript.note("first");
            transcript.note("second");
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }
        assertThat(seen).containsExactly("first", "second");
        assertThat(transcript.size()).isEqualTo(2);
        assertThat(reported).hasSize(2).allSatisfy(e -> assertThat(e).hasMessage("a broken view"));
    }
}
