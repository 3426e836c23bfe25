package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.app.task.DeferredTaskExecutor;
import dev.mailbench.mime.ByteRange;
import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.PartNode;
import dev.mailbench.mime.Problem;
import dev.mailbench.mime.ReceivedHop;
import dev.mailbench.mime.SampleMessages;
import dev.mailbench.mime.SampleMessages.Sample;

import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The viewer's state over the sample corpus, without a window; background work runs on the test's thread. */
class MimeViewerViewModelTest {

    @TempDir
    Path temp;

    private final MimeViewerViewModel viewer = new MimeViewerViewModel(new CurrentThreadTaskExecutor());

    static Stream<Sample> samples() {
        return SampleMessages.list().stream();
    }

    private MessageAnalysis open(String sample) {
        viewer.open(sample, SampleMessages.get(sample).bytes());
        assertThat(viewer.statusProperty().get()).isEmpty();
        return viewer.analysisProperty().get();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleOpensAndEveryPartHighlightsExactlyItsBytes(Sample sample) {
        byte[] bytes = sample.bytes();
        viewer.open(sample.fileName(), bytes);

        MessageAnalysis analysis = viewer.analysisProperty().get();
        assertThat(analysis).as("a broken message still opens").isNotNull();
        assertThat(viewer.loadingProperty().get()).isFalse();
        assertThat(viewer.selectedPartProperty().get()).isEqualTo(analysis.root());
        assertThat(viewer.rawTextProperty().get().bytes()).isEqualTo(new ByteRange(0, bytes.length));
        assertThat(viewer.problems()).containsExactlyElementsOf(analysis.problems());
        if (sample.isBroken()) {
            assertThat(viewer.problems()).as("what makes it broken is listed").isNotEmpty();
        }
        for (boolean marks : new boolean[] {false, true}) {
            viewer.showMarksProperty().set(marks);
            for (PartNode part : analysis.parts()) {
                viewer.selectedPartProperty().set(part);
                assertThat(viewer.bodyProperty().get()).as("part %s has a body to show", part.label())
                        .isNotInstanceOf(PartBody.Pending.class);
                RawSourceText raw = viewer.rawTextProperty().get();
                String expected = RawSourceText.of(slice(bytes, part.range()), part.range().start(), marks).text();
                assertThat(highlighted(viewer.rawStyles(), raw.text()))
                        .as("part %s, marks %s", part.label(), marks).isEqualTo(expected);
            }
        }
    }

    @Test
    void theHighlightOfAnAsciiPartIsItsSourceWithLineBreaksForCrlf() {
        MessageAnalysis analysis = open("mixed-attachments.eml");
        PartNode html = analysis.part("1.2").orElseThrow();
        viewer.selectedPartProperty().set(html);

        String highlighted = highlighted(viewer.rawStyles(), viewer.rawTextProperty().get().text());
        assertThat(highlighted).isEqualTo("Content-Type: text/html; charset=utf-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n"
                + "<p>The r=C3=A9sum=C3=A9 is attached, and a red dot: <img src=3D\"cid:dot@exa=\n"
                + "mple.test\"></p>");
        int start = viewer.selectionStartInRaw();
        assertThat(viewer.rawTextProperty().get().text().substring(start)).startsWith("Content-Type: text/html");
    }

    @Test
    void theTreeNamesEveryPartsTypeCharsetEncodingDispositionFileNameAndSize() {
        MessageAnalysis analysis = open("mixed-attachments.eml");

        assertThat(analysis.parts().stream().map(PartDescriptions::label)).containsExactly(
                "message  multipart/mixed · 1.5 KiB",
                "1  multipart/alternative · 358 bytes",
                "1.1  text/plain; charset=utf-8 · quoted-printable · 40 bytes",
                "1.2  text/html; charset=utf-8 · quoted-printable · 80 bytes",
                "2  image/png · base64 · inline “dot.png” · 74 bytes",
                "3  application/pdf · base64 · attachment “résumé (final).pdf” · 224 bytes");
    }

    @Test
    void textIsDecodedWithItsCharsetAndHtmlIsShownAsSource() {
        MessageAnalysis analysis = open("mixed-attachments.eml");

        viewer.selectPart("1.1");
        PartBody.Text text = (PartBody.Text) viewer.bodyProperty().get();
        assertThat(text.text()).isEqualTo("The résumé is attached, and a red dot.");
        assertThat(text.charsetNote()).isEqualTo("UTF-8, as declared");
        assertThat(text.html()).isFalse();

        viewer.selectPart("1.2");
        PartBody.Text html = (PartBody.Text) viewer.bodyProperty().get();
        assertThat(html.html()).isTrue();
        assertThat(html.text()).isEqualTo("<p>The résumé is attached, and a red dot: <img src=\"cid:dot@example.test\"></p>");

        viewer.selectPart("2");
        PartBody.Picture picture = (PartBody.Picture) viewer.bodyProperty().get();
        assertThat(picture.contentType()).isEqualTo("image/png");
        assertThat(slice(picture.bytes(), new ByteRange(1, 4))).isEqualTo("PNG".getBytes(StandardCharsets.US_ASCII));

        viewer.selectPart("1");
        assertThat(viewer.bodyProperty().get()).isInstanceOf(PartBody.Composite.class);
        assertThat(viewer.canSaveSelected()).isFalse();
        assertThat(analysis).isNotNull();
    }

    @Test
    void anAttachmentIsSavedDecodedUnderItsOwnName() throws IOException {
        open("mixed-attachments.eml");
        viewer.selectPart("3");
        assertThat(viewer.bodyProperty().get()).isInstanceOf(PartBody.Opaque.class);
        assertThat(viewer.canSaveSelected()).isTrue();
        assertThat(viewer.suggestedFileName()).isEqualTo("résumé (final).pdf");

        Path target = temp.resolve(viewer.suggestedFileName());
        viewer.saveSelected(target);

        assertThat(Files.readString(target, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        assertThat(viewer.statusProperty().get()).isEqualTo("Saved part 3 (224 bytes) to " + target);
        assertThat(viewer.savingProperty().get()).isFalse();
    }

    @Test
    void aFailedSaveSaysWhy() {
        open("mixed-attachments.eml");
        viewer.selectPart("3");
        Path target = temp.resolve("no-such-folder").resolve("x.pdf");

        viewer.saveSelected(target);

        assertThat(viewer.statusProperty().get()).startsWith("Could not save part 3 to " + target);
    }

    @Test
    void headersAreListedRawAndDecodedInOrderWithDuplicatesAndTheReceivedChainAsHops() {
        MessageAnalysis analysis = open("plain-text.eml");

        assertThat(viewer.headers()).extracting(HeaderRow::name)
                .containsExactlyElementsOf(analysis.headers().stream().map(h -> h.name()).toList());
        assertThat(viewer.headers().stream().filter(h -> h.name().equals("Received"))).hasSize(3);
        List<ReceivedHop> hops = viewer.hops();
        assertThat(hops).hasSize(3).containsExactlyElementsOf(analysis.receivedChain());
        assertThat(hops).allSatisfy(hop -> assertThat(hop.timestamp()).isNotNull());
        assertThat(hops.get(0).timestamp()).isBefore(hops.get(2).timestamp());
        assertThat(MimeViewerView.hopTime(hops.get(0))).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");

        open("encoded-words.eml");
        HeaderRow subject = viewer.headers().stream().filter(h -> h.name().equals("Subject")).findFirst().orElseThrow();
        assertThat(subject.encoded()).isTrue();
        assertThat(subject.raw()).contains("=?");
        assertThat(subject.decoded()).doesNotContain("=?");
    }

    @Test
    void aHeaderFieldSelectedInTheTableIsMarkedInTheRawSource() {
        open("plain-text.eml");
        HeaderRow subject = viewer.headers().stream().filter(h -> h.name().equals("Subject")).findFirst().orElseThrow();

        viewer.selectedHeaderProperty().set(subject);

        String text = viewer.rawTextProperty().get().text();
        assertThat(marked(viewer.rawStyles(), text, RawSourceText.SELECTED_FIELD)).isEqualTo(subject.raw() + "\n");
        assertThat(text.substring(viewer.selectionStartInRaw())).startsWith("Subject:");

        viewer.selectPart("1");
        assertThat(viewer.selectedHeaderProperty().get()).isNull();
        assertThat(marked(viewer.rawStyles(), text, RawSourceText.SELECTED_FIELD)).isEmpty();
    }

    private static String marked(StyleSpans<Collection<String>> spans, String text, String styleClass) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (span.getStyle().contains(styleClass)) {
                out.append(text, at, at + span.getLength());
            }
            at += span.getLength();
        }
        return out.toString();
    }

    @Test
    void aForwardedMessageOpensAsASubtreeWithItsOwnHeaders() {
        MessageAnalysis analysis = open("forwarded.eml");
        PartNode embedded = analysis.parts().stream().filter(p -> p.contentType().equals("message/rfc822"))
                .findFirst().orElseThrow();
        assertThat(embedded.children()).isNotEmpty();
        assertThat(PartDescriptions.label(embedded)).contains("message/rfc822").contains("Subject: ");

        viewer.selectedPartProperty().set(embedded);

        assertThat(viewer.headers()).extracting(HeaderRow::section)
                .contains("part " + embedded.path(), "message in part " + embedded.path());
        assertThat(viewer.bodyProperty().get()).isInstanceOf(PartBody.Composite.class);
    }

    @Test
    void aForwardedMessageIsSavedAsAMessageFileThatOpensAgain() throws IOException {
        MessageAnalysis analysis = open("forwarded.eml");
        PartNode attached = analysis.part("3").orElseThrow();
        assertThat(attached.contentType()).isEqualTo("message/rfc822");
        viewer.selectedPartProperty().set(attached);
        assertThat(viewer.canSaveSelected()).isTrue();
        assertThat(viewer.suggestedFileName()).isEqualTo("note.eml");

        Path saved = temp.resolve(viewer.suggestedFileName());
        viewer.saveSelected(saved);
        viewer.open(saved);

        assertThat(viewer.analysisProperty().get().headers()).extracting(h -> h.name())
                .containsExactlyElementsOf(attached.embedded().headers().stream().map(h -> h.name()).toList());
    }

    @Test
    void aProblemSelectedInTheListSelectsItsPartAndMarksItsLine() {
        byte[] bytes = SampleMessages.get("broken-bad-base64.eml").bytes();
        open("broken-bad-base64.eml");
        Problem problem = viewer.problems().stream().filter(p -> !p.partPath().isEmpty()).findFirst().orElseThrow();

        viewer.selectProblem(problem);

        assertThat(viewer.selectedPartProperty().get().path()).isEqualTo(problem.partPath());
        String text = viewer.rawTextProperty().get().text();
        String line = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\n|\r", -1)[(int) problem.line() - 1];
        assertThat(marked(viewer.rawStyles(), text, RawSourceText.PROBLEM_MARK)).isEqualTo(line).isNotEmpty();
        assertThat(viewer.selectionStartInRaw()).isEqualTo(viewer.rawTextProperty().get().charOffset(problem.offset()));

        viewer.selectedHeaderProperty().set(viewer.headers().get(0));
        assertThat(viewer.selectedProblemProperty().get()).isNull();
        assertThat(marked(viewer.rawStyles(), text, RawSourceText.PROBLEM_MARK)).isEmpty();
    }

    @Test
    void marksShowLineEndingsAndBareOnesStandOut() {
        open("broken-bare-lf.eml");
        assertThat(viewer.rawTextProperty().get().text()).doesNotContain("⟨LF⟩");

        viewer.showMarksProperty().set(true);

        RawSourceText raw = viewer.rawTextProperty().get();
        assertThat(raw.text()).contains("⟨CR⟩⟨LF⟩\n", "⟨LF⟩\n");
        assertThat(styleClasses(viewer.rawStyles())).contains(RawSourceText.BARE_ENDING, RawSourceText.CONTROL);
    }

    @Test
    void eightBitBytesShowAsHexOnDemand() {
        open("encoded-words.eml");
        viewer.showMarksProperty().set(true);
        assertThat(styleClasses(viewer.rawStyles())).contains(RawSourceText.NON_ASCII);
        assertThat(viewer.rawTextProperty().get().text()).containsPattern("⟨[89A-F][0-9A-F]⟩");
    }

    @Test
    void openingReturnsAtOnceAndTheAnalysisArrivesLater() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MimeViewerViewModel deferred = new MimeViewerViewModel(executor);

        deferred.open("forwarded.eml", SampleMessages.get("forwarded.eml").bytes());

        assertThat(deferred.loadingProperty().get()).isTrue();
        assertThat(deferred.analysisProperty().get()).isNull();
        assertThat(deferred.statusProperty().get()).isEqualTo("Reading forwarded.eml…");
        executor.runAll();
        assertThat(deferred.loadingProperty().get()).isFalse();
        assertThat(deferred.analysisProperty().get()).isNotNull();
        assertThat(deferred.statusProperty().get()).isEmpty();
    }

    @Test
    void aBodyDecodedLateForAPartNoLongerSelectedIsDropped() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MimeViewerViewModel deferred = new MimeViewerViewModel(executor);
        deferred.open("mixed-attachments.eml", SampleMessages.get("mixed-attachments.eml").bytes());
        executor.runAll();

        deferred.selectPart("1.1");
        deferred.selectPart("1.2");
        executor.run(1); // 1.2's body first
        executor.run(0); // then the stale one for 1.1

        assertThat(((PartBody.Text) deferred.bodyProperty().get()).html()).isTrue();
    }

    @Test
    void aFileThatCannotBeReadSaysSo() {
        Path missing = temp.resolve("missing.eml");

        viewer.open(missing);

        assertThat(viewer.analysisProperty().get()).isNull();
        assertThat(viewer.loadingProperty().get()).isFalse();
        assertThat(viewer.statusProperty().get()).startsWith("Could not read missing.eml: ");
    }

    @Test
    void aLargeMessageShowsAWindowAroundTheSelectedPartAndSavesByStreaming() throws Exception {
        Path file = temp.resolve("large.eml");
        byte[] digest = LargeMessages.write(file, 24 * 1024 * 1024);
        long size = Files.size(file);

        viewer.open(file);

        MessageAnalysis analysis = viewer.analysisProperty().get();
        assertThat(analysis.source().file()).as("read where it lies").isPresent();
        RawSourceText first = viewer.rawTextProperty().get();
        assertThat(first.bytes().start()).isZero();
        assertThat(first.bytes().length()).isEqualTo(MimeViewerViewModel.WINDOW_BYTES);
        assertThat(viewer.rawHeadingProperty().get()).contains("around the selected part").contains(String.format(
                java.util.Locale.ROOT, "%,d", size));

        PartNode last = analysis.part("3").orElseThrow();
        viewer.selectedPartProperty().set(last);

        RawSourceText moved = viewer.rawTextProperty().get();
        assertThat(moved.bytes().contains(last.range().start())).isTrue();
        assertThat(moved.bytes().length()).isLessThanOrEqualTo(MimeViewerViewModel.WINDOW_BYTES);
        assertThat(moved.text().substring(viewer.selectionStartInRaw())).startsWith("Content-Type: application/octet-stream");
        assertThat(viewer.bodyProperty().get()).isInstanceOf(PartBody.Opaque.class);

        Path saved = temp.resolve(viewer.suggestedFileName());
        viewer.saveSelected(saved);
        assertThat(saved.getFileName().toString()).isEqualTo("big.bin");
        assertThat(LargeMessages.sha256(saved)).isEqualTo(digest);

        viewer.selectPart("1");
        PartBody.Text text = (PartBody.Text) viewer.bodyProperty().get();
        assertThat(text.truncated()).isTrue();
        assertThat(text.text().length()).isLessThanOrEqualTo(MimeViewerViewModel.TEXT_PREVIEW_BYTES);
    }

    private static byte[] slice(byte[] bytes, ByteRange range) {
        return java.util.Arrays.copyOfRange(bytes, (int) range.start(), (int) range.end());
    }

    /** The characters styled as the selected part, which must be one unbroken run. */
    static String highlighted(StyleSpans<Collection<String>> spans, String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        int runs = 0;
        boolean inside = false;
        for (StyleSpan<Collection<String>> span : spans) {
            boolean selected = span.getStyle().contains(RawSourceText.SELECTED_PART);
            if (selected) {
                out.append(text, at, at + span.getLength());
                if (!inside) {
                    runs++;
                }
            }
            inside = selected;
            at += span.getLength();
        }
        assertThat(runs).as("the highlight is one run").isLessThanOrEqualTo(1);
        return out.toString();
    }

    private static List<String> styleClasses(StyleSpans<Collection<String>> spans) {
        return spans.stream().flatMap(span -> span.getStyle().stream()).distinct().toList();
    }

    @Test
    void theSelectedHeaderFieldIsExplainedAndAFileThatIsNoMessageSaysSo() {
        open("mixed-attachments.eml");
        assertThat(viewer.headerExplanationProperty().get()).isEmpty();
        assertThat(viewer.notAMessageProperty().get()).isEmpty();
        HeaderRow subject = viewer.headers().stream().filter(row -> row.name().equals("Subject")).findFirst().orElseThrow();

        viewer.selectedHeaderProperty().set(subject);

        assertThat(viewer.headerExplanationProperty().get()).startsWith("Subject (RFC 5322 §3.6.5)");
        assertThat(viewer.explainHeader("X-Spam-Flag")).startsWith("X-Spam-Flag: ").contains("RFC 6648");
        viewer.selectedHeaderProperty().set(null);
        assertThat(viewer.headerExplanationProperty().get()).isEmpty();

        viewer.open("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        assertThat(viewer.notAMessageProperty().get())
                .startsWith("This does not look like an e-mail message: it starts like a PNG image.");
        assertThat(viewer.problems()).isNotEmpty();
    }
}
