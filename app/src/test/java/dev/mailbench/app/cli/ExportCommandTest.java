package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.mailbench.app.export.HandoutTest;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import picocli.CommandLine;

/** {@code mailbench export}: a saved session as an HTML or PDF handout, passwords masked. */
class ExportCommandTest {

    private static final String PLAIN = Base64.getEncoder()
            .encodeToString("\0bob\0bob-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;
    private Path session;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A session saved with its passwords kept: the handout must mask them all the same. */
    @BeforeEach
    void saveASession() throws Exception {
        Transcript transcript = new Transcript();
        transcript.note("Connected to 127.0.0.1:2525");
        for (String line : List.of("S220 practice ESMTP", "CEHLO client.example.test", "S250-practice", "S250 AUTH PLAIN",
                "CAUTH PLAIN " + PLAIN, "S235 2.7.0 Authentication succeeded", "CMAIL FROM:<bob@example.test>",
                "S550 5.7.1 Not here", "CQUIT", "S221 2.0.0 Bye")) {
            transcript.record(line.charAt(0) == 'C' ? Direction.CLIENT : Direction.SERVER,
                    (line.substring(1) + "\r\n").getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        }
        session = dir.resolve("talk.mbsession");
        SessionFile.write(SessionRecord.of(new SessionConnection(new SessionSettings(MailProtocol.SMTP, "127.0.0.1",
                2525, TlsMode.NONE, Optional.empty()), transcript), "test"), session, true);
        assertThat(Files.readString(session)).contains(PLAIN);
    }

    private int export(String... arguments) {
        return new CommandLine(new ExportCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(arguments);
    }

    @Test
    void htmlGoesToStandardOutputWithEveryLineColouredExplainedAndThePasswordMasked() {
        assertThat(export(session.toString(), "--as", "html")).isZero();

        Document page = Jsoup.parse(out.toString());
        List<String> lines = page.select("td.line").eachText();
        assertThat(lines).contains("C: EHLO client.example.test", "S: 250 AUTH PLAIN", "C: AUTH PLAIN ••••••",
                "S: 550 5.7.1 Not here", "* Connected to 127.0.0.1:2525"); // jsoup reads the two spaces as one
        Element refused = page.select("tr.reply-5xx").first();
        assertThat(refused.select("td.kind").text()).isEqualTo("permanent");
        assertThat(refused.select("td.explanation").text()).isNotBlank();
        // a reply of two lines is explained once, beside its first line
        assertThat(page.select("tr:has(td.line:contains(250-practice)) td.explanation").text()).isNotBlank();
        assertThat(page.select("tr:has(td.line:contains(250 AUTH PLAIN)) td.explanation").text()).isBlank();
        assertThat(page.select("style").html()).contains(".reply-5xx { color: #");
        assertThat(out.toString()).doesNotContain(PLAIN).doesNotContain("bob-secret");
        assertThat(page.select("script, link, img")).isEmpty();
        // the ladder inline, above the transcript, without an XML declaration inside the page
        assertThat(page.select("section.connection > div.ladder > svg + *")).isEmpty();
        assertThat(String.join("\n", page.select("section.connection > div.ladder > svg text").eachText()))
                .contains("EHLO", "QUIT");
        assertThat(out.toString()).doesNotContain("<?xml");
    }

    @Test
    void theLadderAsSvgParsesAndNamesTheVerbsEachConnectionStacked() throws Exception {
        Path svg = dir.resolve("ladder.svg");
        assertThat(export(session.toString(), "--as", "svg", "-o", svg.toString())).isZero();
        assertThat(String.join("\n", texts(svg))).contains("EHLO", "AUTH", "MAIL", "QUIT", "550");

        // two connections: one document, the second ladder below the first
        SessionRecord one = SessionFile.read(session);
        Path two = dir.resolve("two.mbsession");
        SessionFile.write(SessionRecord.of(List.of(one.connections().get(0), one.connections().get(0)), "test"), two,
                true);
        assertThat(export(two.toString(), "--as", "svg")).isZero();
        Path stacked = dir.resolve("stacked.svg");
        Files.writeString(stacked, out.toString());
        org.w3c.dom.Document document = parse(stacked);
        assertThat(document.getDocumentElement().getElementsByTagName("svg").getLength()).isEqualTo(2);
        assertThat(texts(stacked)).contains("Connection 1: SMTP 127.0.0.1:2525", "Connection 2: SMTP 127.0.0.1:2525");
    }

    @Test
    void theLadderAsPngDecodes() throws Exception {
        Path png = dir.resolve("ladder.png");
        assertThat(export(session.toString(), "--as", "png", "-o", png.toString())).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(400);
        assertThat(ExportCommand.beside(session, ExportFormat.PNG)).isEqualTo(dir.resolve("talk.png"));
    }

    private static org.w3c.dom.Document parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Path svg) throws Exception {
        NodeList texts = parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            found.add(texts.item(i).getTextContent());
        }
        return found;
    }

    @Test
    void aPdfCarriesTheSameLinesAsText() throws Exception {
        Path pdf = dir.resolve("handout.pdf");

        assertThat(export(session.toString(), "--as", "pdf", "-o", pdf.toString())).isZero();

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("EHLO client.example.test", "550 5.7.1 Not here", "AUTH PLAIN", "permanent")
                    .doesNotContain(PLAIN).doesNotContain("bob-secret");
            assertThat(HandoutTest.images(document)).as("the ladder, a PNG image").hasSize(1);
        }
    }

    @Test
    void aPdfWithoutAnOutputGoesNextToTheSession() {
        // not rendered a second time: a PDF takes seconds on a busy machine
        assertThat(ExportCommand.beside(session, ExportFormat.PDF)).isEqualTo(dir.resolve("talk.pdf"));
    }

    @Test
    void aFormatThisBuildCannotWriteIsAUsageError() {
        assertThat(export(session.toString(), "--as", "gif")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'gif', expected one of html, pdf, svg, png");
    }

    @Test
    void aSessionCutShortIsExportedAsFarAsItGoesAndSaysWhy() throws Exception {
        String whole = Files.readString(session);
        Files.writeString(session, whole.substring(0, whole.indexOf("MAIL FROM")));

        assertThat(export(session.toString(), "--as", "html")).isZero();

        assertThat(err.toString()).contains("ends too soon");
        assertThat(Jsoup.parse(out.toString()).select("td.line").eachText()).contains("C: EHLO client.example.test")
                .noneMatch(line -> line.contains("MAIL FROM"));
    }
}
