package dev.mailbench.authenticity;

import static dev.mailbench.authenticity.Resources.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.mime.MessageAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedTimelineTest {

    @Test
    void hopsComeOldestFirstWithDelaysAndWarnings() {
        String message = ""
                + "Received: from c.example by d.example; Tue, 1 Oct 2024 09:30:00 +0000\r\n"
                + "Received: from b.example by c.example; Tue, 1 Oct 2024 10:00:05\r\n"
                + "Received: from a.example by b.example; Tue, 1 Oct 2024 10:00:00 +0000\r\n"
                + "Received: from origin.example by a.example; Tue, 1 Oct 2024 08:00:00 +0000 (UTC)\r\n"
                + "From: a@example.test\r\n\r\nHi\r\n";
        ReceivedTimeline timeline = AuthenticationCheck.check(MessageAnalyzer.analyze(latin1(message)),
                KeySource.NONE, List.of()).receivedTimeline();

        assertThat(timeline.hops()).extracting(h -> h.hop().by())
                .containsExactly("a.example", "b.example", "c.example", "d.example");
        assertThat(timeline.hops().get(0).warnings()).isEmpty();
        assertThat(timeline.hops().get(1).warnings()).singleElement().asString().startsWith("a gap of 2 h");
        assertThat(timeline.hops().get(2).warnings()).anySatisfy(w -> assertThat(w).contains("no time zone"));
        assertThat(timeline.hops().get(3).warnings()).anySatisfy(w -> assertThat(w).startsWith("earlier than the hop"));
    }

    @Test
    void aDelayAlwaysHasItsSignAndAHopBeforeItsPredecessorIsNegative() {
        assertThat(ReceivedTimeline.describe(java.time.Duration.ofSeconds(5))).isEqualTo("+5 s");
        assertThat(ReceivedTimeline.describe(java.time.Duration.ofSeconds(605))).isEqualTo("+10 min 5 s");
        assertThat(ReceivedTimeline.describe(java.time.Duration.ofSeconds(-605))).isEqualTo("−10 min 5 s");
        assertThat(ReceivedTimeline.describe(java.time.Duration.ofHours(2))).isEqualTo("+2 h");
    }
}
