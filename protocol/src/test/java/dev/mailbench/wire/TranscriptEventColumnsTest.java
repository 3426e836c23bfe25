package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A transcript keeps its events as columns ({@link EventColumns}) and makes an event when asked: every field
 * reads back as recorded, on either side of a block's edge, and a reader on another thread may ask for any
 * event already recorded while more are being recorded.
 */
class TranscriptEventColumnsTest {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00.123456789Z");

    @Test
    void everyFieldReadsBackAsRecordedOnBothSidesOfABlocksEdge() {
        Transcript transcript = new Transcript(Clock.fixed(NOON, ZoneOffset.UTC));
        int count = EventColumns.BLOCK * 2 + 3;
        for (int i = 0; i < count; i++) {
            Direction direction = Direction.values()[i % 3];
            Set<LineIssue> issues = i % 5 == 0 ? EnumSet.of(LineIssue.BARE_LF, LineIssue.SPLIT) : Set.of();
            Annotation annotation = i % 7 == 0 ? Annotation.of("decoded " + i) : null;
            transcript.record(direction, ascii("line " + i + "\r\n"), i % 2 == 0, issues, annotation);
        }

        assertThat(transcript.size()).isEqualTo(count);
        for (int i : new int[] {0, 1, EventColumns.BLOCK - 1, EventColumns.BLOCK, EventColumns.BLOCK + 1, count - 1}) {
            TranscriptEvent event = transcript.event(i);
            assertThat(event.sequence()).isEqualTo(i);
            assertThat(event.transcript()).isSameAs(transcript);
            assertThat(event.direction()).isEqualTo(Direction.values()[i % 3]);
            assertThat(event.line()).isEqualTo("line " + i);
            assertThat(event.tls()).isEqualTo(i % 2 == 0);
            assertThat(event.issues()).isEqualTo(i % 5 == 0 ? Set.of(LineIssue.BARE_LF, LineIssue.SPLIT) : Set.of());
            assertThat(event.decoded().map(Annotation::decoded))
                    .isEqualTo(i % 7 == 0 ? Optional.of("decoded " + i) : Optional.empty());
            assertThat(event.time()).isEqualTo(NOON);
            assertThat(event).isEqualTo(transcript.events().get(i)).isNotEqualTo(transcript.event(i == 0 ? 1 : 0));
        }
        assertThatThrownBy(() -> transcript.event(count)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aReplyLatencyIsTheTimeSinceTheLastClientLineAndNoneComesBeforeTheFirst() throws Exception {
        Transcript transcript = new Transcript();
        TranscriptEvent greeting = transcript.record(Direction.SERVER, ascii("220 ready\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, ascii("NOOP\r\n"), false, Set.of(), null);
        Thread.sleep(5);
        TranscriptEvent reply = transcript.record(Direction.SERVER, ascii("250 OK\r\n"), false, Set.of(), null);

        assertThat(greeting.latency()).isEmpty();
        assertThat(transcript.event(2).latency()).get().isEqualTo(reply.sinceCommand());
        assertThat(reply.sinceCommand()).isGreaterThanOrEqualTo(Duration.ofMillis(5));
    }

    @Test
    void aReaderOnAnotherThreadSeesEveryRecordedEventWholeWhileMoreArrive() throws Exception {
        Transcript transcript = new Transcript();
        int count = EventColumns.BLOCK * 40;
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            List<String> wrong = new ArrayList<>();
            int checked = 0;
            while (checked < count && wrong.isEmpty()) {
                int size = transcript.size();
                for (; checked < size; checked++) {
                    TranscriptEvent event = transcript.event(checked);
                    if (!event.line().equals("line " + checked) || event.direction() != Direction.SERVER) {
                        wrong.add(checked + ": " + event);
                    }
                }
            }
            return wrong;
        });
        for (int i = 0; i < count; i++) {
            transcript.record(Direction.SERVER, ascii("line " + i + "\r\n"), false, Set.of(), null);
        }

        assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
