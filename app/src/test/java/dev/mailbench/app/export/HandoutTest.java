package dev.mailbench.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeColours;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The handout page: the ladder where one is given, the theme's colours, kinds in words for black and white. */
public class HandoutTest {

    private static SessionRecord pop3Session() {
        Transcript transcript = new Transcript();
        for (String line : List.of("S+OK ready", "CUSER alice", "S+OK", "CPASS alice-pass", "S-ERR [AUTH] no")) {
            transcript.record(line.charAt(0) == 'C' ? Direction.CLIENT : Direction.SERVER,
                    (line.substring(1) + "\r\n").getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        }
        return SessionRecord.of(new SessionConnection(new SessionSettings(MailProtocol.POP3, "127.0.0.1", 1110,
                TlsMode.NONE, Optional.empty()), transcript), "test");
    }

    @Test
    void aLadderGivenIsPlacedAboveItsConnectionsTranscript() {
        String page = new Handout(Catalogue.english(), ZoneOffset.UTC, Theme.LIGHT,
                connection -> Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"ladder-"
                        + connection.settings().port() + "\"></svg>")).html(pop3Session());

        Document document = Jsoup.parse(page);
        assertThat(document.select("section.connection > div.ladder > svg#ladder-1110")).hasSize(1);
        assertThat(document.select("section.connection > div.ladder + table.transcript")).hasSize(1);
    }

    /** A POP3 session of {@code lists} LIST commands after the greeting: two ladder rows each. */
    private static SessionRecord longSession(int lists) {
        Transcript transcript = new Transcript();
        transcript.record(Direction.SERVER, "+OK ready\r\n".getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        for (int i = 0; i < lists; i++) {
            transcript.record(Direction.CLIENT, "NOOP\r\n".getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
            transcript.record(Direction.SERVER, "+OK\r\n".getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        }
        return SessionRecord.of(new SessionConnection(new SessionSettings(MailProtocol.POP3, "127.0.0.1", 1110,
                TlsMode.NONE, Optional.empty()), transcript), "test");
    }

    @Test
    void theHtmlLadderIsInlineSvgWithoutAnXmlDeclaration() {
        Document document = Jsoup.parse(new Handout(Catalogue.english(), ZoneOffset.UTC, Theme.LIGHT, LadderDrawings.SVG)
                .html(pop3Session()));

        assertThat(document.html()).doesNotContain("<?xml");
        assertThat(String.join(" ", document.select("div.ladder > svg text").eachText())).contains("USER", "PASS");
    }

    @Test
    void thePdfLadderIsImagesAPageOfRowsEachCappedWithALineSayingWhereTheRestIs() throws Exception {
        int rows = LadderDrawings.ladderOf(longSession(200).connections().get(0)).size();
        assertThat(rows).isGreaterThan(LadderDrawings.MAX_ROWS);
        Document capped = Jsoup.parse(LadderDrawings.PNG.ladderHtml(longSession(200).connections().get(0)).orElseThrow());
        assertThat(capped.select("img")).hasSize(1 + (LadderDrawings.MAX_ROWS - LadderDrawings.ROWS_FIRST_IMAGE
                + LadderDrawings.ROWS_PER_IMAGE - 1) / LadderDrawings.ROWS_PER_IMAGE);
        assertThat(capped.select("img").first().attr("src")).startsWith("data:image/png;base64,");
        assertThat(capped.select("p.ladder-cut").text())
                .isEqualTo("The ladder's first 300 of " + rows + " rows are drawn; the rest is in the transcript below.");

        // 15 NOOPs: 31 rows, two images (12 rows and 19), none cut by a page break
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        HtmlToPdf.write(new Handout(Catalogue.english(), ZoneOffset.UTC, Theme.LIGHT, LadderDrawings.PNG)
                .html(longSession(15)), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(images(document)).hasSize(2);
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(new PDFTextStripper().getText(document)).contains("NOOP", "Connection 1: POP3 to 127.0.0.1:1110")
                    .doesNotContain("the rest is in the transcript");
        }
    }

    /** The images a PDF holds, each once however many pages share a resource dictionary. */
    public static Set<COSBase> images(PDDocument document) throws IOException {
        Set<COSBase> images = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                PDXObject object = page.getResources().getXObject(name);
                if (object instanceof PDImageXObject) {
                    images.add(object.getCOSObject());
                }
            }
        }
        return images;
    }

    @Test
    void withoutALadderThePageHasNoPlaceForOneAndReadsInBlackAndWhite() {
        Document document = Jsoup.parse(new Handout(Catalogue.english(), ZoneOffset.UTC, Theme.LIGHT, LadderDrawing.NONE)
                .html(pop3Session()));

        assertThat(document.select("div.ladder")).isEmpty();
        assertThat(document.select("td.kind").eachText()).containsExactly("success", "client", "success", "client",
                "permanent");
        assertThat(document.select("td.line").eachText()).contains("C: PASS ••••••").noneMatch(l -> l.contains("alice-pass"));
        assertThat(document.select("h2").text()).isEqualTo("Connection 1: POP3 to 127.0.0.1:1110, no TLS, user alice");
        String css = document.select("style").html();
        assertThat(css).contains(".reply-5xx { color: " + ThemeColours.of(Theme.LIGHT).get("reply-5xx") + "; }",
                "tr.reply-5xx td.kind { border-left: 3px dotted", "tr.reply-2xx td.kind { border-left: 3px solid");
    }
}
