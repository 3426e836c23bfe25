package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares a transcript with expected lines, in order. Each expectation is the line as
 * {@link Transcript#toPlainText()} prints it ({@code C: EHLO x}, {@code S: 250 OK}, {@code *  note}), where
 * {@code *} stands for any text, so that server names, ports and timings need not be spelled out.
 */
public final class TranscriptAssert {
    private TranscriptAssert() {
    }

    public static void assertTranscript(Transcript transcript, String... expected) {
        List<String> actual = Arrays.asList(transcript.toPlainText().split("\n"));
        String listing = String.join("\n", actual);
        assertThat(actual).as("transcript:\n%s", listing).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i))
                    .as("line %d of transcript:\n%s", i + 1, listing)
                    .matches(glob(expected[i]));
        }
    }

    /** Only the client and server lines, without notes: for dialogues where notes vary. */
    public static List<String> wireLines(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> !e.isNote())
                .map(e -> (e.direction() == Direction.CLIENT ? "C: " : "S: ") + e.line())
                .collect(Collectors.toList());
    }

    /** Waits until an event matching the predicate is recorded (or was already), failing after the timeout. */
    public static TranscriptEvent awaitEvent(Transcript transcript, java.util.function.Predicate<TranscriptEvent> matching,
                                             java.time.Duration timeout) throws InterruptedException {
        java.util.concurrent.CompletableFuture<TranscriptEvent> found = new java.util.concurrent.CompletableFuture<>();
        TranscriptListener listener = event -> {
            if (matching.test(event)) {
                found.complete(event);
            }
        };
        transcript.addListenerWithHistory(listener);
        try {
            return found.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no matching event within " + timeout + " in:\n" + transcript.toPlainText(), e);
        } finally {
            transcript.removeListener(listener);
        }
    }

    static Pattern glob(String expectation) {
        String regex = Arrays.stream(expectation.split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.DOTALL);
    }
}
