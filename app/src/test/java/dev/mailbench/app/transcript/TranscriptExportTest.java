package dev.mailbench.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import org.junit.jupiter.api.Test;

/**
 * A saved transcript a colleague can rely on: a header that says where, how, when and by which Mailbench; a mark on
 * every line that travelled inside TLS; octets that are not UTF-8 in hex, never U+FFFD; a bare LF or CR visible.
 */
class TranscriptExportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2025-03-04T14:05:09.123Z");

    private final Transcript transcript = new Transcript(Clock.fixed(NOW, BERLIN));
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
    private final TranscriptFormat format = new TranscriptFormat(BERLIN);
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final TranscriptExport.Header header = new TranscriptExport.Header("Mailbench transcript: SMTP <mx>",
            "mx.example.test:587 (SMTP)", "STARTTLS", ZonedDateTime.ofInstant(NOW, BERLIN), "1.4.0");

    /** A session upgraded by STARTTLS, then a sender that is not UTF-8, a bare LF, and a reply with a bare CR. */
    private List<StyledLine> session(RenderOptions options) {
        wire(Direction.SERVER, false, "220 mx.example.test ESMTP\r\n");
        wire(Direction.CLIENT, false, "EHLO client.example.test\r\n");
        wire(Direction.SERVER, false, "250 STARTTLS\r\n");
        wire(Direction.CLIENT, false, "STARTTLS\r\n");
        wire(Direction.SERVER, false, "220 2.0.0 Ready to start TLS\r\n");
        entries.add(entry(transcript.note("TLS established: TLSv1.3")));
        wire(Direction.CLIENT, true, "EHLO client.example.test\r\n");
        wire(Direction.SERVER, true, "250 mx.example.test\r\n");
        byte[] latin1 = "MAIL FROM:<caf\u00e9@example.test>\r\n".getBytes(StandardCharsets.ISO_8859_1);
        entries.add(entry(transcript.record(Direction.CLIENT, latin1, true, Set.of(), null)));
        wire(Direction.SERVER, true, "250 2.1.0 Ok\r\n");
        wire(Direction.CLIENT, true, "NOOP\n");
        wire(Direction.SERVER, true, "250 2.0.0 O\rk\r\n");
        List<StyledLine> lines = new ArrayList<>();
        entries.forEach(entry -> lines.add(format.renderSaved(entry, options)));
        return lines;
    }

    @Test
    void theTextHasTheHeaderTheTlsMarksAndEveryOctetVisible() {
        String text = TranscriptExport.plainText(header, session(new RenderOptions(false, false, false)));

        assertThat(text).isEqualTo("""
                Mailbench transcript: SMTP <mx>
                Server: mx.example.test:587 (SMTP)
                TLS mode: STARTTLS
                Saved: 2025-03-04 15:05:09 +01:00 (Europe/Berlin)
                Mailbench: 1.4.0
                Marks: TLS before C: or S: = the line travelled inside TLS; ⟨CR⟩ ⟨LF⟩ ⟨NUL⟩ … = a control octet; \
                ⟨C3⟩ = an octet that is not UTF-8, in hex

                S: 220 mx.example.test ESMTP
                C: EHLO client.example.test
                S: 250 STARTTLS
                C: STARTTLS
                S: 220 2.0.0 Ready to start TLS
                *  TLS established: TLSv1.3
                TLS C: EHLO client.example.test
                TLS S: 250 mx.example.test
                TLS C: MAIL FROM:<caf⟨E9⟩@example.test>
                TLS S: 250 2.1.0 Ok
                TLS C: NOOP⟨LF⟩
                TLS S: 250 2.0.0 O⟨CR⟩k
                """);
        assertThat(text).doesNotContain("\uFFFD");
    }

    @Test
    void withTimesTheTlsMarkComesAfterTheTimeAndBeforeWhoSentIt() {
        List<StyledLine> lines = session(RenderOptions.DEFAULT);

        assertThat(lines.get(6).shown()).isEqualTo("15:05:09.123           TLS C: EHLO client.example.test");
        assertThat(lines.get(1).shown()).isEqualTo("15:05:09.123           C: EHLO client.example.test");
        // the pane draws no TLS mark: its badge says it
        assertThat(format.render(entries.get(6), RenderOptions.DEFAULT).shown()).doesNotContain("TLS");
    }

    @Test
    void theHtmlHasTheSameHeaderAndMarksEscapedAndLoadsNothing() {
        String html = TranscriptExport.html(header, session(new RenderOptions(false, false, false)));

        assertThat(html).contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
                "<title>Mailbench transcript: SMTP &lt;mx&gt;</title>",
                "<h1>Mailbench transcript: SMTP &lt;mx&gt;</h1>",
                "<dt>Server</dt><dd>mx.example.test:587 (SMTP)</dd>",
                "<dt>TLS mode</dt><dd>STARTTLS</dd>",
                "<dt>Saved</dt><dd>2025-03-04 15:05:09 +01:00 (Europe/Berlin)</dd>",
                "<dt>Mailbench</dt><dd>1.4.0</dd>",
                "<dt>Marks</dt><dd>TLS before C: or S: = the line travelled inside TLS;",
                "\n<span class=\"client\">C: STARTTLS</span>\n",
                "\n<span class=\"tls\">TLS </span><span class=\"client\">C: EHLO client.example.test</span>\n",
                "<span class=\"tls\">TLS </span><span class=\"client\">C: MAIL FROM:&lt;caf</span>"
                        + "<span class=\"client control\">⟨E9⟩</span><span class=\"client\">@example.test&gt;</span>\n",
                "<span class=\"tls\">TLS </span><span class=\"client\">C: NOOP</span><span class=\"client control\">⟨LF⟩</span>\n",
                "<span class=\"reply-2xx\">S: 250 2.0.0 O</span><span class=\"reply-2xx control\">⟨CR⟩</span>"
                        + "<span class=\"reply-2xx\">k</span>\n",
                ".tls {");
        assertThat(html).doesNotContain("\uFFFD", "<script", "src=", "href=");
    }

    private void wire(Direction direction, boolean tls, String line) {
        entries.add(entry(transcript.record(direction, line.getBytes(StandardCharsets.UTF_8), tls, Set.of(), null)));
    }

    private TranscriptEntry entry(TranscriptEvent event) {
        return new TranscriptEntry(event, explainer.accept(event), explainer);
    }
}
