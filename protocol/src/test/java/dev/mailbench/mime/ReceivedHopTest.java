package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Received: fields (RFC 5321 §4.4) into hops. */
class ReceivedHopTest {

    private static List<ReceivedHop> chain(String... received) {
        StringBuilder m = new StringBuilder();
        for (String r : received) {
            m.append("Received: ").append(r).append("\r\n");
        }
        return MessageAnalyzer.analyze(m.append("\r\n").toString().getBytes(UTF_8)).receivedChain();
    }

    @Test
    void theTimeStampIsWhateverFollowsTheLastSemicolonOutsideComments() {
        ReceivedHop hop = chain("from a (odd; comment) by b (c; d) with LMTP; Tue, 1 Oct 2024 10:00:00 -0700 (PDT)")
                .get(0);

        assertThat(hop.from()).isEqualTo("a (odd; comment)");
        assertThat(hop.by()).isEqualTo("b (c; d)");
        assertThat(hop.with()).isEqualTo("LMTP");
        assertThat(hop.dateText()).isEqualTo("Tue, 1 Oct 2024 10:00:00 -0700 (PDT)");
        assertThat(hop.timestamp()).isEqualTo(Instant.parse("2024-10-01T17:00:00Z"));
    }

    @Test
    void missingOrUnreadableDatesLeaveTheDelayUnknown() {
        List<ReceivedHop> hops = chain("by c; Tue, 1 Oct 2024 10:00:30 +0000", "by b; sometime",
                "by a; Tue, 1 Oct 2024 10:00:00 +0000", "by origin");

        assertThat(hops).extracting(ReceivedHop::by).containsExactly("origin", "a", "b", "c");
        assertThat(hops).extracting(ReceivedHop::dateText).containsExactly(null, "Tue, 1 Oct 2024 10:00:00 +0000",
                "sometime", "Tue, 1 Oct 2024 10:00:30 +0000");
        assertThat(hops).extracting(ReceivedHop::delay).containsExactly(null, null, null, null);
    }

    @Test
    void aClockBehindTheLastHopGivesANegativeDelay() {
        List<ReceivedHop> hops = chain("by b; Tue, 1 Oct 2024 09:59:00 +0000", "by a; Tue, 1 Oct 2024 10:00:00 +0000");

        assertThat(hops.get(1).delay()).isEqualTo(Duration.ofSeconds(-60));
    }
}
