package dev.mailbench.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineClass;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import org.junit.jupiter.api.Test;

class TranscriptFormatTest {

    private final Transcript transcript = new Transcript(Clock.fixed(Instant.parse("2025-03-04T14:05:09.123Z"), ZoneOffset.UTC));
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
    private final TranscriptFormat format = new TranscriptFormat(ZoneOffset.UTC);

    @Test
    void eachLineHasItsTimeItsLatencyAndWhoSentIt() {
        TranscriptEntry greeting = record(Direction.SERVER, "220 mx.example.test ESMTP\r\n");
        TranscriptEntry ehlo = record(Direction.CLIENT, "EHLO client.example.test\r\n");
        TranscriptEntry reply = record(Direction.SERVER, "250 mx.example.test\r\n");

        StyledLine first = format.render(greeting, RenderOptions.DEFAULT);
        assertThat(first.text()).isEqualTo("14:05:09.123           S: 220 mx.example.test ESMTP");
        assertThat(format.render(ehlo, RenderOptions.DEFAULT).text()).isEqualTo("14:05:09.123           C: EHLO client.example.test");
        StyledLine answered = format.render(reply, RenderOptions.DEFAULT);
        assertThat(answered.text()).matches("14:05:09\\.123 +\\+[0-9.]+ (ms|s) S: 250 mx\\.example\\.test");
        assertThat(answered.segments()).extracting(StyledLine.Segment::styleClass)
                .containsExactly(TranscriptFormat.TIMESTAMP, TranscriptFormat.LATENCY, "reply-2xx");
        assertThat(answered.segments().get(1).text()).hasSize(10);
    }

    @Test
    void everyLineClassHasTheStyleClassTheThemesColour() {
        assertThat(List.of(LineClass.values())).extracting(TranscriptFormat::styleClass).containsExactly(
                "client", "reply-2xx", "reply-3xx", "reply-4xx", "reply-5xx", "malformed", "note");
    }

    @Test
    void showingLineEndingsMarksTheTransparencyDot() {
        record(Direction.SERVER, "220 hi\r\n");
        record(Direction.CLIENT, "DATA\r\n");
        record(Direction.SERVER, "354 go\r\n");
        TranscriptEntry dotted = record(Direction.CLIENT, "..dotted\r\n");

        assertThat(format.render(dotted, RenderOptions.DEFAULT).segments()).hasSize(3);
        StyledLine shown = format.render(dotted, new RenderOptions(true, false, true));
        assertThat(shown.segments()).extracting(StyledLine.Segment::text).endsWith("C: ", ".", ".dotted␍␊");
        assertThat(shown.segments().get(3).styleClass()).isEqualTo(TranscriptFormat.STUFFING_DOT);
        assertThat(shown.lineStyle()).isEqualTo("client");
    }

    @Test
    void timesCanBeLeftOut() {
        TranscriptEntry greeting = record(Direction.SERVER, "220 mx.example.test ESMTP\r\n");

        assertThat(format.render(greeting, new RenderOptions(false, false, false)).text())
                .isEqualTo("S: 220 mx.example.test ESMTP");
    }

    @Test
    void latenciesAreShort() {
        assertThat(TranscriptFormat.latency(Duration.ofNanos(420_000))).isEqualTo("+0.4 ms");
        assertThat(TranscriptFormat.latency(Duration.ofNanos(999_000))).isEqualTo("+1 ms");
        assertThat(TranscriptFormat.latency(Duration.ofMillis(12))).isEqualTo("+12 ms");
        assertThat(TranscriptFormat.latency(Duration.ofMillis(2_540))).isEqualTo("+2.5 s");
        assertThat(TranscriptFormat.latency(Duration.ofSeconds(130))).isEqualTo("+2 min");
    }

    @Test
    void htmlKeepsTheClassesAndEscapesTheText() {
        TranscriptEntry line = record(Direction.CLIENT, "MAIL FROM:<alice@example.test>\r\n");

        TranscriptExport.Header header = new TranscriptExport.Header("SMTP <test>", "mx.example.test:25 (SMTP)",
                "no TLS", Instant.parse("2025-03-04T14:05:09Z").atZone(ZoneOffset.UTC), "1.0");
        String html = TranscriptExport.html(header, List.of(format.render(line, RenderOptions.DEFAULT)));

        assertThat(html).contains("<title>SMTP &lt;test&gt;</title>", ".client {",
                "<span class=\"client\">C: MAIL FROM:&lt;alice@example.test&gt;</span>");
        assertThat(TranscriptExport.plainText(header, List.of(format.render(line, RenderOptions.DEFAULT))))
                .endsWith("C: MAIL FROM:<alice@example.test>\n");
    }

    private TranscriptEntry record(Direction direction, String text) {
        TranscriptEvent event = transcript.record(direction, text.getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        return new TranscriptEntry(event, explainer.accept(event), explainer);
    }

    @Test
    void theTimeOfDayIsTheZonesToTheMillisecondAcrossSecondsAndAChangeOfOffset() {
        TranscriptFormat berlin = new TranscriptFormat(java.time.ZoneId.of("Europe/Berlin"));

        assertThat(berlin.timeOfDay(Instant.parse("2025-03-04T14:05:09.123Z"))).isEqualTo("15:05:09.123");
        assertThat(berlin.timeOfDay(Instant.parse("2025-03-04T14:05:09.007Z"))).isEqualTo("15:05:09.007");
        assertThat(berlin.timeOfDay(Instant.parse("2025-03-04T14:05:10.999Z"))).isEqualTo("15:05:10.999");
        // clocks go forward at 01:00 UTC on the last Sunday of March
        assertThat(berlin.timeOfDay(Instant.parse("2025-03-30T00:59:59.500Z"))).isEqualTo("01:59:59.500");
        assertThat(berlin.timeOfDay(Instant.parse("2025-03-30T01:00:00.000Z"))).isEqualTo("03:00:00.000");
    }
}
