package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.mime.ByteRange;
import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import dev.mailbench.mime.SampleMessages;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer in the real window: a message sent to the practice server over SMTP, retrieved by typing
 * RETR in a POP3 session, opened from the transcript; then parts clicked in the tree, and what the body
 * pane, the raw source's highlight and a saved attachment show.
 */
class MimeViewerWindowTest {

    @TempDir
    Path temp;

    private PracticeServer server;
    private WindowDriver window;
    private byte[] stored;

    @BeforeEach
    void deliverAMessageAndOpenTheWindow() throws Exception {
        server = PracticeServer.start(DataDirectory.at(temp.resolve("server")).loadOrCreateConfig().withPorts(0, 0));
        try (SmtpClientSession smtp = new SmtpClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
            smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE);
            smtp.ehlo("client.example.test");
            smtp.mailFrom("bob@example.test");
            smtp.rcptTo("alice@example.test");
            assertThat(smtp.data(SampleMessages.get("mixed-attachments.eml").bytes()).code()).isEqualTo(250);
            smtp.quit();
        }
        try (InputStream in = server.store().listMessages("alice").get(0).open()) {
            stored = in.readAllBytes();
        }
        window = new WindowDriver(temp.resolve("config"), Optional.of(new ConnectionSettings("127.0.0.1",
                server.pop3Port(), MailProtocol.POP3, TlsMode.NONE)));
    }

    @AfterEach
    void closeTheWindowAndTheServer() throws Exception {
        window.close();
        server.close();
    }

    @Test
    void aMessageRetrievedByRetrOpensWithItsPartTreeAndTheSelectedPartHighlighted() throws Exception {
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        enter("USER alice");
        enter("PASS alice-pass");
        window.awaitState(Pop3Phase.TRANSACTION.description());
        enter("RETR 1");
        int subject = window.awaitLine(line -> line.endsWith("S: Subject: Report and a picture"), "the message");
        window.awaitLine(line -> line.endsWith("S: ."), "the end of the message");

        window.clickLine(subject);
        window.await(() -> window.shown("#open-message"), "the Open as Message button");
        window.click("#open-message");
        window.await(() -> treeLabels().size() == 6, "the part tree");

        Tab front = WindowDriver.onFx(() -> ((TabPane) window.node("#session-tabs")).getSelectionModel().getSelectedItem());
        assertThat(front.getText()).isEqualTo("Message: RETR 1");
        MessageAnalysis expected = MessageAnalyzer.analyze(stored);
        assertThat(treeLabels()).containsExactly(
                "message  multipart/mixed · " + PartDescriptions.size(stored.length),
                "1  multipart/alternative · 358 bytes",
                "1.1  text/plain; charset=utf-8 · quoted-printable · 40 bytes",
                "1.2  text/html; charset=utf-8 · quoted-printable · 80 bytes",
                "2  image/png · base64 · inline “dot.png” · 74 bytes",
                "3  application/pdf · base64 · attachment “résumé (final).pdf” · 224 bytes");
        assertThat(window.text("#mime-summary")).startsWith(PartDescriptions.size(stored.length) + " · 5 parts · ");
        // the whole message is selected at first: all of it is highlighted
        awaitHighlight(new ByteRange(0, stored.length));

        // a header field clicked in the table is marked in the raw source
        javafx.scene.control.TableRow<?> subjectRow = WindowDriver.onFx(() -> window.robot()
                .lookup("#mime-headers .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(row -> row.getItem() instanceof HeaderRow h && h.name().equals("Subject")).findFirst().orElseThrow());
        window.click(subjectRow);
        window.await(() -> fieldText().equals("Subject: Report and a picture"), "the Subject field marked");

        clickPart("1.2  text/html");
        ByteRange html = expected.part("1.2").orElseThrow().range();
        awaitHighlight(html);
        assertThat(highlightedText()).startsWith("Content-Type: text/html; charset=utf-8\n")
                .endsWith("mple.test\"></p>");
        assertThat(highlightIsOnScreen()).as("the highlighted part is scrolled into view").isTrue();

        window.click("#mime-body-tab");
        window.await(() -> window.shown("#mime-body-text")
                && !WindowDriver.onFx(() -> ((StyleClassedTextArea) window.node("#mime-body-text")).getText()).isEmpty(),
                "the body text");
        assertThat(WindowDriver.onFx(() -> ((StyleClassedTextArea) window.node("#mime-body-text")).getText()))
                .isEqualTo("<p>The résumé is attached, and a red dot: <img src=\"cid:dot@example.test\"></p>");
        assertThat(window.text("#mime-body-note")).startsWith("HTML, shown as its source");

        // rendered on request: the text drawn, its cid: image taken from the message's own part (RFC 2392)
        window.click("#mime-render-html");
        window.await(() -> window.shown("#mime-body-html") && WindowDriver.onFx(() -> {
            var document = ((javafx.scene.web.WebView) window.node("#mime-body-html")).getEngine().getDocument();
            return document != null && document.getDocumentElement().getTextContent().contains("The résumé is attached");
        }), "the rendered HTML");
        assertThat(WindowDriver.onFx(() -> {
            var engine = ((javafx.scene.web.WebView) window.node("#mime-body-html")).getEngine();
            return engine.isJavaScriptEnabled() + " " + engine.getDocument().getElementsByTagName("img").getLength()
                    + " " + ((org.w3c.dom.Element) engine.getDocument().getElementsByTagName("img").item(0)).getAttribute("src")
                    .substring(0, 22);
        })).isEqualTo("false 1 data:image/png;base64,");
        window.click("#mime-render-html");
        window.await(() -> window.shown("#mime-body-text"), "the source again");

        clickPart("2  image/png");
        window.await(() -> WindowDriver.onFx(() -> {
            javafx.scene.image.Image drawn = ((javafx.scene.image.ImageView) window.node("#mime-body-image")).getImage();
            return drawn != null && drawn.getWidth() == 8 && window.shown("#mime-body-image");
        }), "the picture drawn");
        assertThat(window.text("#mime-body-note")).startsWith("image/png, 8 × 8 pixels, 74 bytes decoded; shown 8 times");

        clickPart("3  application/pdf");
        awaitHighlight(expected.part("3").orElseThrow().range());
        Path saved = temp.resolve("saved.pdf");
        window.answerSaveWith(saved);
        window.click("#mime-save");
        window.await(() -> window.text("#mime-status").startsWith("Saved part 3"), "the saved attachment");
        assertThat(new String(Files.readAllBytes(saved), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");

        window.click("#mime-show-marks");
        window.await(() -> rawText().contains("⟨CR⟩⟨LF⟩"), "the line endings shown");
        awaitHighlight(expected.part("3").orElseThrow().range());
        assertThat(highlightedText()).startsWith("Content-Type: application/pdf⟨CR⟩⟨LF⟩\n");
    }

    @Test
    void aRetrievedMessageOpensFromItsReplyWithoutAClickOnALineAndItsHeaderFieldsAreExplained() throws Exception {
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        enter("USER alice");
        enter("PASS alice-pass");
        window.awaitState(Pop3Phase.TRANSACTION.description());
        assertThat(window.shown("#open-retrieved-message")).as("nothing retrieved yet").isFalse();
        enter("RETR 1");
        window.awaitLine(line -> line.endsWith("S: ."), "the end of the message");

        // no line of the message was clicked: the way to open it is there as soon as it has arrived
        window.await(() -> window.shown("#open-retrieved-message"), "the Open as Message button");
        assertThat(WindowDriver.onFx(() -> ((javafx.scene.control.Button) window.node("#open-retrieved-message")).getText()))
                .isEqualTo("Open as Message (RETR 1)");
        assertThat(window.shown("#explanation-placeholder")).as("no line selected").isTrue();
        window.click("#open-retrieved-message");
        window.await(() -> treeLabels().size() == 6, "the part tree");
        Tab front = WindowDriver.onFx(() -> ((TabPane) window.node("#session-tabs")).getSelectionModel().getSelectedItem());
        assertThat(front.getText()).isEqualTo("Message: RETR 1");

        assertThat(window.text("#mime-header-explanation")).isEqualTo("Select a header field to read what it is for.");
        clickHeader("Subject");
        window.await(() -> window.text("#mime-header-explanation").startsWith("Subject (RFC 5322 §3.6.5)"),
                "the Subject field explained");
        clickHeader("Return-Path");
        window.await(() -> window.text("#mime-header-explanation").startsWith("Return-Path (RFC 5321 §4.4"),
                "the Return-Path field explained");
        clickHeader("Received");
        window.await(() -> window.text("#mime-header-explanation").startsWith("Received (RFC 5321 §4.4"),
                "the Received field explained");
        assertThat(WindowDriver.onFx(() -> headerRow("Received").getTooltip().getText()))
                .isEqualTo(window.text("#mime-header-explanation"));
    }

    @Test
    void aPngOpenedAsAMessageSaysFirstThatItIsNoMessageAndKeepsItsProblemsBelow() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(48, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path png = temp.resolve("screenshot.png");
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        window.openMessageFromTheMenu(png);

        window.await(() -> window.robot().lookup("#mime-verdict").tryQuery().isPresent()
                && window.shown("#mime-verdict"), "the verdict");
        assertThat(window.text("#mime-verdict"))
                .startsWith("This does not look like an e-mail message: it starts like a PNG image.");
        window.await(() -> !WindowDriver.onFx(() -> ((ListView<?>) window.node("#mime-problems")).getItems()).isEmpty(),
                "the problems");
        double verdictY = WindowDriver.onFx(() -> window.node("#mime-verdict")
                .localToScene(window.node("#mime-verdict").getBoundsInLocal()).getMinY());
        double problemsY = WindowDriver.onFx(() -> window.node("#mime-problems")
                .localToScene(window.node("#mime-problems").getBoundsInLocal()).getMinY());
        assertThat(verdictY).as("the verdict comes before the problems").isLessThan(problemsY);
    }

    @Test
    void aHeaderFieldClickedInAMessageFileIsExplainedWithItsRfcUnderTheTable() throws Exception {
        Path file = temp.resolve("encoded-words.eml");
        Files.write(file, SampleMessages.get("encoded-words.eml").bytes());
        window.openMessageFromTheMenu(file);
        window.await(() -> window.robot().lookup("#mime-headers").tryQuery().isPresent()
                && !WindowDriver.onFx(() -> ((javafx.scene.control.TableView<?>) window.node("#mime-headers")).getItems())
                .isEmpty(), "the header table");
        assertThat(window.shown("#mime-verdict")).as("a message gets no verdict").isFalse();

        clickHeader("From");
        window.await(() -> window.text("#mime-header-explanation").startsWith("From (RFC 5322 §3.6.2)"),
                "the From field explained");
        clickHeader("Subject");
        window.await(() -> window.text("#mime-header-explanation").startsWith("Subject (RFC 5322 §3.6.5)"),
                "the Subject field explained");
        assertThat(window.text("#mime-header-explanation")).contains("RFC 2047");
    }

    private javafx.scene.control.TableRow<?> headerRow(String name) {
        return window.robot().lookup("#mime-headers .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(row -> row.getItem() instanceof HeaderRow h && h.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private void clickHeader(String name) {
        javafx.scene.control.TableRow<?> row = WindowDriver.onFx(() -> headerRow(name));
        window.robot().clickOn(row);
    }

    @Test
    void aBrokenMessageFileOpenedFromTheMenuShowsWhatCouldBeReadAndItsProblems() throws Exception {
        openSampleFromTheMenu("broken-bare-lf.eml");

        Tab front = WindowDriver.onFx(() -> ((TabPane) window.node("#session-tabs")).getSelectionModel().getSelectedItem());
        assertThat(front.getText()).isEqualTo("broken-bare-lf.eml");
        List<String> problems = WindowDriver.onFx(() -> ((ListView<?>) window.node("#mime-problems")).getItems()
                .stream().map(Object::toString).toList());
        assertThat(problems).anyMatch(p -> p.contains("BARE_LF")).anyMatch(p -> p.contains("BARE_CR"));
        // a message with problems says so where the eye is, in the warning colour: its summary and the tab's title
        window.await(() -> WindowDriver.onFx(() -> window.node("#mime-summary").getStyleClass()
                .contains(MimeViewerView.HAS_PROBLEMS)), "the summary's warning");
        assertThat(window.text("#mime-summary")).endsWith(problems.size() + " problems");
        Tab problemsTab = WindowDriver.onFx(() -> ((TabPane) window.node("#mime-lower-tabs")).getTabs().get(0));
        assertThat(WindowDriver.onFx(problemsTab::getText)).isEqualTo("Problems (" + problems.size() + ")");
        assertThat(WindowDriver.onFx(() -> List.copyOf(problemsTab.getStyleClass()))).contains("problems-tab-found");
        // and the problems get the room the one-part tree above them does not need
        assertThat(WindowDriver.onFx(() -> ((javafx.scene.control.SplitPane) ((javafx.scene.control.SplitPane)
                window.node("#mime-columns")).getItems().get(0)).getDividerPositions()[0])).isLessThan(0.5);
        window.await(() -> rawText().startsWith("From:") || rawText().contains("\nFrom:"), "the raw source");

        // a problem clicked in the list selects its part and marks where it was found
        javafx.scene.control.ListCell<?> bareCr = WindowDriver.onFx(() -> window.robot().lookup("#mime-problems .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> cell.getItem() != null && cell.getItem().toString().contains("BARE_CR")).findFirst()
                .orElseThrow());
        window.click(bareCr);
        window.await(() -> markedParagraphs(RawSourceText.PROBLEM_MARK).size() == 1, "the problem marked");
        int line = markedParagraphs(RawSourceText.PROBLEM_MARK).get(0);
        assertThat(WindowDriver.onFx(() -> raw().getParagraph(line).getText())).isEqualTo("And this one has a bare CR");
        assertThat(window.text("#mime-title")).isEqualTo("broken-bare-lf.eml");

        window.click("#mime-show-marks");
        window.await(() -> rawText().contains("⟨LF⟩\n"), "the line endings marked");
        java.util.regex.Matcher bare = java.util.regex.Pattern.compile("(?<!⟨CR⟩)⟨LF⟩\n").matcher(rawText());
        assertThat(bare.find()).as("a bare LF").isTrue();
        assertThat(classesAt(bare.start())).contains(RawSourceText.BARE_ENDING);
        assertThat(classesAt(rawText().indexOf("⟨CR⟩⟨LF⟩"))).contains(RawSourceText.CONTROL)
                .doesNotContain(RawSourceText.BARE_ENDING);
    }

    /** Values a column cuts are whole in their cells' tooltips; the Received tab's hops show their whole times. */
    @Test
    void cutValuesAreWholeInTooltipsAndTheHopsShowTheirWholeTimes() throws Exception {
        openSampleFromTheMenu("signed-dkim-arc.eml");
        // the header table's values too: a long ARC-Seal, cut by its column, is whole in its cell's tooltip
        window.await(() -> cellsOf("#mime-headers").stream().anyMatch(cell -> cell.getText().startsWith("ARC-Seal:")),
                "the header fields");
        TableCell<?, ?> seal = cellsOf("#mime-headers").stream().filter(cell -> cell.getText().startsWith("ARC-Seal:"))
                .findFirst().orElseThrow();
        assertThat(WindowDriver.onFx(() -> seal.getTooltip().getText())).isEqualTo(seal.getText()).contains("b=");

        window.click(WindowDriver.onFx(() -> window.robot().lookup(".tab-label").queryAllAs(Labeled.class).stream()
                .filter(label -> label.getText() != null && label.getText().startsWith("Received (")).findFirst()
                .orElseThrow()));
        window.await(() -> !cellsOf("#mime-hops").isEmpty(), "the hops");
        List<TableCell<?, ?>> cells = cellsOf("#mime-hops");
        TableCell<?, ?> time = cells.stream().filter(cell -> cell.getText() != null
                && cell.getText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC")).findFirst().orElseThrow();
        assertThat(WindowDriver.onFx(() -> time.getTooltip().getText())).isEqualTo(time.getText());
        // the column is wide enough for the whole time: the cell shows it without an ellipsis
        assertThat(WindowDriver.onFx(() -> ((Text) time.lookup(".text")).getText())).isEqualTo(time.getText());
    }

    /** A sample message saved as a file and opened with File ▸ Open Message…, as a user does; waits for its tree. */
    private void openSampleFromTheMenu(String sample) throws Exception {
        Path file = temp.resolve(sample);
        Files.write(file, SampleMessages.get(sample).bytes());
        window.openMessageFromTheMenu(file);
        window.await(() -> window.robot().lookup("#mime-tree").tryQuery().isPresent() && !treeLabels().isEmpty(),
                "the message from the file");
    }

    private List<TableCell<?, ?>> cellsOf(String table) {
        return WindowDriver.onFx(() -> window.node(table).lookupAll(".table-cell").stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null)
                .<TableCell<?, ?>>map(node -> (TableCell<?, ?>) node).toList());
    }

    private void enter(String line) {
        window.click("#command-line");
        window.robot().write(line);
        window.robot().push(KeyCode.ENTER);
        window.awaitLine(shown -> shown.endsWith("C: " + (line.startsWith("PASS") ? "PASS ••••••" : line)),
                "the line " + line);
    }

    private List<String> treeLabels() {
        return WindowDriver.onFx(() -> window.robot().lookup("#mime-tree .tree-cell").queryAllAs(TreeCell.class)
                .stream().filter(cell -> cell.getItem() != null).sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .map(cell -> cell.getText()).toList());
    }

    private void clickPart(String labelStart) {
        TreeCell<?> cell = WindowDriver.onFx(() -> window.robot().lookup("#mime-tree .tree-cell")
                .queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().startsWith(labelStart)).findFirst().orElseThrow());
        window.click(cell);
    }

    private StyleClassedTextArea raw() {
        return window.node("#mime-raw");
    }

    private String rawText() {
        return WindowDriver.onFx(() -> raw().getText());
    }

    /** Waits until the raw source's highlight is exactly the text of {@code range}, as the area shows it. */
    private void awaitHighlight(ByteRange range) {
        window.await(() -> {
            int[] run = highlightRun();
            String text = raw().getText();
            String before = shownText(0, range.start());
            // a line break at the end has no style of its own to show
            String part = shownText(range.start(), range.end()).replaceAll("\n+$", "");
            return run != null && run[0] == before.length() && text.substring(run[0], run[1]).equals(part);
        }, "the highlight of bytes " + range + "; highlighted now: " + Arrays.toString(WindowDriver.onFx(this::highlightRun)));
    }

    /** The bytes as the area shows them, marks on or off, computed from the message as stored. */
    private String shownText(long from, long to) {
        boolean marks = WindowDriver.onFx(() -> window.robot().lookup("#mime-show-marks")
                .queryAs(javafx.scene.control.CheckBox.class).isSelected());
        return RawSourceText.of(Arrays.copyOfRange(stored, (int) from, (int) to), from, marks).text();
    }

    /**
     * Start and end of the one run of characters styled as the selected part, or null. Read paragraph by
     * paragraph: a line break has no style of its own in the area, so it neither starts, ends nor breaks a run.
     */
    private int[] highlightRun() {
        StyleClassedTextArea area = raw();
        int start = -1;
        int end = -1;
        boolean ended = false;
        int at = 0;
        for (int p = 0; p < area.getParagraphs().size(); p++) {
            for (var span : area.getParagraph(p).getStyleSpans()) {
                if (span.getLength() == 0) {
                    continue;
                }
                if (span.getStyle().contains(RawSourceText.SELECTED_PART)) {
                    if (ended) {
                        return null; // two runs
                    }
                    if (start < 0) {
                        start = at;
                    }
                    end = at + span.getLength();
                } else if (start >= 0) {
                    ended = true;
                }
                at += span.getLength();
            }
            at++; // the line break
        }
        return start < 0 ? null : new int[] {start, end};
    }

    private String highlightedText() {
        return WindowDriver.onFx(() -> {
            int[] run = highlightRun();
            return raw().getText().substring(run[0], run[1]);
        });
    }

    /** The paragraphs holding text in {@code styleClass}. */
    private List<Integer> markedParagraphs(String styleClass) {
        return WindowDriver.onFx(() -> {
            List<Integer> found = new ArrayList<>();
            StyleClassedTextArea area = raw();
            for (int p = 0; p < area.getParagraphs().size(); p++) {
                for (var span : area.getParagraph(p).getStyleSpans()) {
                    if (span.getLength() > 0 && span.getStyle().contains(styleClass)) {
                        found.add(p);
                        break;
                    }
                }
            }
            return found;
        });
    }

    /** The text marked as the selected header field, paragraph by paragraph without line breaks. */
    private String fieldText() {
        StyleClassedTextArea area = raw();
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < area.getParagraphs().size(); p++) {
            int at = 0;
            for (var span : area.getParagraph(p).getStyleSpans()) {
                if (span.getStyle().contains(RawSourceText.SELECTED_FIELD)) {
                    out.append(area.getParagraph(p).getText(), at, at + span.getLength());
                }
                at += span.getLength();
            }
        }
        return out.toString();
    }

    private Collection<String> classesAt(int offset) {
        return WindowDriver.onFx(() -> new ArrayList<>(raw().getStyleAtPosition(offset + 1)));
    }

    /** Whether the first highlighted line lies in the part of the area on screen. */
    private boolean highlightIsOnScreen() {
        return WindowDriver.onFx(() -> {
            int paragraph = raw().offsetToPosition(highlightRun()[0],
                    org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
            Optional<Bounds> line = raw().getParagraphBoundsOnScreen(paragraph);
            Bounds area = raw().localToScreen(raw().getBoundsInLocal());
            return line.isPresent() && area.contains(line.get().getMinX() + 1, line.get().getMinY() + 1);
        });
    }
}
