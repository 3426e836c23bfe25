package dev.mailbench.app.mime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.authenticity.DnsKeys;
import dev.mailbench.authenticity.KeySource;
import dev.mailbench.mime.ByteRange;
import dev.mailbench.mime.DecodedText;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.mime.HeaderField;
import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import dev.mailbench.mime.MessageSource;
import dev.mailbench.mime.PartKind;
import dev.mailbench.mime.PartNode;
import dev.mailbench.mime.Problem;
import dev.mailbench.mime.ReceivedHop;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fxmisc.richtext.model.StyleSpans;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The MIME viewer's state: one message, analysed off the UI thread; the part selected in the tree with
 * its headers, decoded body and highlighted bytes in the raw source; the problems found; saving a part.
 *
 * <p>The message is never held twice: a file is read where it lies (the analysis reads positions in it), a
 * retrieved message is the array the session already holds. The raw source shows at most
 * {@link #WINDOW_BYTES} at a time, a window around the selected part, so a message of tens of megabytes
 * opens as fast as a small one; bodies are decoded up to a limit for display, and saved by streaming.
 */
public final class MimeViewerViewModel {

    /** The most raw source shown at once. */
    public static final int WINDOW_BYTES = 1 << 20;
    /** How much before the selected part a window starts, so its context shows. */
    static final int WINDOW_LEAD = 2048;
    /** The most text decoded for the body pane; the rest is there when the part is saved. */
    public static final int TEXT_PREVIEW_BYTES = 512 * 1024;
    /** The largest image drawn. */
    public static final long IMAGE_PREVIEW_BYTES = 16L * 1024 * 1024;

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyObjectWrapper<MessageAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObjectProperty<PartNode> selectedPart = new SimpleObjectProperty<>(this, "selectedPart");
    private final ReadOnlyObjectWrapper<PartBody> body = new ReadOnlyObjectWrapper<>(this, "body", new PartBody.Pending());
    private final ReadOnlyObjectWrapper<RawSourceText> rawText = new ReadOnlyObjectWrapper<>(this, "rawText");
    private final ReadOnlyStringWrapper rawHeading = new ReadOnlyStringWrapper(this, "rawHeading", "");
    private final BooleanProperty showMarks = new SimpleBooleanProperty(this, "showMarks", false);
    private final ObservableList<HeaderRow> headers = FXCollections.observableArrayList();
    private final ObjectProperty<HeaderRow> selectedHeader = new SimpleObjectProperty<>(this, "selectedHeader");
    private final ReadOnlyObjectWrapper<Problem> selectedProblem = new ReadOnlyObjectWrapper<>(this, "selectedProblem");
    private final ObservableList<ReceivedHop> hops = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();

    private final Catalogue catalogue;
    private final ReadOnlyStringWrapper headerExplanation = new ReadOnlyStringWrapper(this, "headerExplanation", "");
    private final ReadOnlyStringWrapper notAMessage = new ReadOnlyStringWrapper(this, "notAMessage", "");
    /** Bytes picked from the Authentication section (a signature, a tag), marked like a header field. */
    private final ReadOnlyObjectWrapper<ByteRange> selectedRange = new ReadOnlyObjectWrapper<>(this, "selectedRange");
    private final AuthenticationViewModel authentication;

    /** Counts requests, so that a late answer to an earlier one is dropped. */
    private long bodyRequest;
    private long rawRequest;

    public MimeViewerViewModel(TaskExecutor executor) {
        this(executor, Catalogue.english());
    }

    /** A viewer whose header fields are explained from this catalogue, in the user's language. */
    public MimeViewerViewModel(TaskExecutor executor, Catalogue catalogue) {
        this(executor, catalogue, DnsKeys::system);
    }

    /** {@code dns}: where the Authentication section's "Look up in DNS" asks. */
    public MimeViewerViewModel(TaskExecutor executor, Catalogue catalogue, Supplier<KeySource> dns) {
        this.executor = executor;
        this.catalogue = catalogue;
        this.authentication = new AuthenticationViewModel(executor, catalogue, dns);
        selectedPart.addListener((observable, old, part) -> selected(part));
        selectedHeader.addListener((observable, old, field) -> {
            if (field != null) {
                selectedProblem.set(null);
                selectedRange.set(null);
            }
            headerExplanation.set(field == null ? "" : explainHeader(field.name()));
        });
        showMarks.addListener((observable, old, now) -> {
            RawSourceText current = rawText.get();
            if (analysis.get() != null && current != null) {
                loadRaw(current.bytes());
            }
        });
    }

    /** Opens a message held in memory (not copied: it must not change afterwards). */
    public void open(String name, byte[] message) {
        open(name, () -> MessageSource.of(message));
    }

    /** Opens a message already held, e.g. what RETR brought back, without a copy of it. */
    public void open(String name, MessageSource message) {
        open(name, () -> message);
    }

    /** Opens a message file; it is read where it lies, never loaded whole. */
    public void open(Path file) {
        open(file.getFileName().toString(), () -> MessageSource.of(file));
    }

    private void open(String name, SourceOpener opener) {
        title.set(name);
        loading.set(true);
        status.set("Reading " + name + "…");
        boolean marks = showMarks.get();
        executor.execute(BackgroundTask.of(() -> {
            MessageSource source = opener.open();
            MessageAnalysis found = MessageAnalyzer.analyze(source, null);
            ByteRange window = window(source.size(), 0);
            return new Loaded(found, readRaw(found, window, marks));
        }).onSuccess(loaded -> {
            status.set("");
            rawText.set(loaded.raw());
            analysis.set(loaded.analysis());
            notAMessage.set(loaded.analysis().notAMessage().orElse(""));
            problems.setAll(loaded.analysis().problems());
            summary.set(summarise(loaded.analysis()));
            selectedPart.set(loaded.analysis().root());
            updateRawHeading();
            authentication.show(loaded.analysis());
        }).onFailure(e -> status.set("Could not read " + name + ": " + e.getMessage()))
                .onFinished(() -> loading.set(false)));
    }

    private record Loaded(MessageAnalysis analysis, RawSourceText raw) {
    }

    @FunctionalInterface
    private interface SourceOpener {
        MessageSource open() throws IOException;
    }

    // ---- what the view shows ----

    /** The message's name: a file name, or the command that retrieved it. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** e.g. "4.1 KiB · 7 parts · 2 problems". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the viewer is doing or did last: reading, saved, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Null until the message has been read. */
    public ReadOnlyObjectProperty<MessageAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The part shown: the whole message when opened; set it to show another. */
    public ObjectProperty<PartNode> selectedPartProperty() {
        return selectedPart;
    }

    /** Selects the part with this IMAP part number. */
    public void selectPart(String path) {
        Optional.ofNullable(analysis.get()).flatMap(a -> a.part(path)).ifPresent(selectedPart::set);
    }

    /** Selects the problem's part and marks the line it was found on in the raw source. */
    public void selectProblem(Problem problem) {
        MessageAnalysis current = analysis.get();
        if (current == null || problem == null) {
            return;
        }
        selectPart(problem.partPath());
        selectedHeader.set(null);
        selectedRange.set(null);
        selectedProblem.set(problem);
        RawSourceText raw = rawText.get();
        if (raw != null && !windowShowsProblem(raw, problem, current.source().size())) {
            loadRaw(window(current.source().size(), problem.offset()));
        }
    }

    /**
     * Marks bytes of the message's header in the raw source, e.g. a DKIM-Signature field or one of its tags picked
     * in the Authentication section: the whole message is selected and the bytes marked as a header field is.
     */
    public void selectRange(ByteRange range) {
        MessageAnalysis current = analysis.get();
        if (current == null || range == null) {
            return;
        }
        if (selectedPart.get() != current.root()) {
            selectedPart.set(current.root());
        }
        selectedHeader.set(null);
        selectedProblem.set(null);
        selectedRange.set(range);
        RawSourceText raw = rawText.get();
        if (raw != null && !raw.bytes().contains(range.start())) {
            loadRaw(window(current.source().size(), range.start()));
        }
    }

    /** The bytes picked in the Authentication section; cleared when a part, header field or problem is selected. */
    public ReadOnlyObjectProperty<ByteRange> selectedRangeProperty() {
        return selectedRange.getReadOnlyProperty();
    }

    /** The Authentication section's state: DKIM, ARC, Authentication-Results, the Received timeline. */
    public AuthenticationViewModel authentication() {
        return authentication;
    }

    /** The problem marked in the raw source; cleared when a part or a header field is selected. */
    public ReadOnlyObjectProperty<Problem> selectedProblemProperty() {
        return selectedProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PartBody> bodyProperty() {
        return body.getReadOnlyProperty();
    }

    /** The raw source shown: all of it, or a window around the selected part for a large message. */
    public ReadOnlyObjectProperty<RawSourceText> rawTextProperty() {
        return rawText.getReadOnlyProperty();
    }

    /** Which bytes the raw source shows, in words. */
    public ReadOnlyStringProperty rawHeadingProperty() {
        return rawHeading.getReadOnlyProperty();
    }

    /** Whether line endings and 8-bit bytes are written out in the raw source. */
    public BooleanProperty showMarksProperty() {
        return showMarks;
    }

    /**
     * What the selected header field is for, from the catalogue (with its RFC); empty when none is selected.
     */
    public ReadOnlyStringProperty headerExplanationProperty() {
        return headerExplanation.getReadOnlyProperty();
    }

    /** What a header field of this name is for: the catalogue's sentence, named when the catalogue has none of its own. */
    public String explainHeader(String name) {
        return catalogue.headerFieldExact(name).orElseGet(() -> name + ": " + catalogue.headerField(name));
    }

    /**
     * Why the opened file does not look like an e-mail message at all (a PNG, binary data), said before its
     * problems; empty for a message, broken or not.
     */
    public ReadOnlyStringProperty notAMessageProperty() {
        return notAMessage.getReadOnlyProperty();
    }

    /** The selected part's header fields (and, for a message part, the embedded message's). */
    public ObservableList<HeaderRow> headers() {
        return headers;
    }

    /** The header field selected in the table, marked in the raw source; cleared when another part is selected. */
    public ObjectProperty<HeaderRow> selectedHeaderProperty() {
        return selectedHeader;
    }

    /** The Received hops of the message (or embedded message) selected, oldest first. */
    public ObservableList<ReceivedHop> hops() {
        return hops;
    }

    /** Everything the analysis found, by byte offset. */
    public ObservableList<Problem> problems() {
        return problems;
    }

    /** The styles of the raw source: marks, and the selected part's header section and body highlighted. */
    public StyleSpans<Collection<String>> rawStyles() {
        RawSourceText raw = rawText.get();
        if (raw == null) {
            return null;
        }
        PartNode part = selectedPart.get();
        HeaderRow field = selectedHeader.get();
        Problem problem = selectedProblem.get();
        ByteRange marked = field != null ? field.range() : selectedRange.get();
        return part == null ? raw.styles(null, null) : raw.styles(part.headerRange(), part.bodyRange(),
                marked, problem == null ? -1 : problem.offset());
    }

    /**
     * Whether the raw source's window shows where the selected problem, header field or part starts; when not, the
     * window around it is being read.
     */
    public boolean rawShowsSelection() {
        RawSourceText raw = rawText.get();
        MessageAnalysis current = analysis.get();
        PartNode part = selectedPart.get();
        if (raw == null || current == null || part == null) {
            return raw != null;
        }
        Problem problem = selectedProblem.get();
        ByteRange range = selectedRange.get();
        // a header field lies in its part's header, and selecting one reads no window of its own
        return problem != null ? windowShowsProblem(raw, problem, current.source().size())
                : range != null ? raw.bytes().contains(range.start())
                : windowShowsPart(raw, part, current.source().size());
    }

    /**
     * Whether the raw window shows where the part starts: inside it, or at its end when that is the message's
     * end (an empty last part). When not, selecting the part reads the window around it.
     */
    private static boolean windowShowsPart(RawSourceText raw, PartNode part, long messageSize) {
        long start = part.range().start();
        return raw.bytes().contains(start) || raw.bytes().end() == start && raw.bytes().end() == messageSize;
    }

    /** Whether the raw window shows the problem's line, or no window could (found at the message's very end). */
    private static boolean windowShowsProblem(RawSourceText raw, Problem problem, long messageSize) {
        return raw.bytes().contains(problem.offset()) || problem.offset() >= messageSize;
    }

    /** Where in the raw text the selected problem, header field or part starts: to scroll to it. */
    public int selectionStartInRaw() {
        RawSourceText raw = rawText.get();
        PartNode part = selectedPart.get();
        HeaderRow field = selectedHeader.get();
        Problem problem = selectedProblem.get();
        if (raw == null || part == null) {
            return 0;
        }
        ByteRange range = selectedRange.get();
        return raw.charOffset(problem != null ? problem.offset() : field != null ? field.range().start()
                : range != null ? range.start() : part.range().start());
    }

    // ---- saving ----

    /** Whether the selected part can be saved: a leaf, or a forwarded message (saved as an .eml file). */
    public boolean canSaveSelected() {
        PartNode part = selectedPart.get();
        return part != null && (part.kind() == PartKind.LEAF || part.kind() == PartKind.EMBEDDED_MESSAGE)
                && !loading.get();
    }

    /** A name for the file the selected part is saved to. */
    public String suggestedFileName() {
        PartNode part = selectedPart.get();
        return part == null ? "part" : PartDescriptions.suggestedFileName(part);
    }

    /**
     * Writes the selected part's decoded content to {@code target}, off the UI thread, streaming from the
     * source: an attachment of any size costs a small buffer.
     */
    public void saveSelected(Path target) {
        MessageAnalysis current = analysis.get();
        PartNode part = selectedPart.get();
        if (current == null || part == null) {
            return;
        }
        saving.set(true);
        status.set("Saving part " + part.label() + "…");
        executor.execute(BackgroundTask.of(() -> current.saveDecoded(part, target))
                .onSuccess(written -> status.set("Saved part " + part.label() + " (" + PartDescriptions.size(written)
                        + ") to " + target))
                .onFailure(e -> status.set("Could not save part " + part.label() + " to " + target + ": "
                        + e.getMessage()))
                .onFinished(() -> saving.set(false)));
    }

    // ---- selection ----

    private void selected(PartNode part) {
        selectedHeader.set(null);
        selectedProblem.set(null);
        selectedRange.set(null);
        MessageAnalysis current = analysis.get();
        if (part == null || current == null) {
            headers.clear();
            hops.clear();
            body.set(new PartBody.Pending());
            return;
        }
        headers.setAll(headerRows(part));
        hops.setAll(part.isRoot() ? current.receivedChain()
                : part.embeddedMessage().map(m -> ReceivedHop.chain(m.headers())).orElse(List.of()));
        loadBody(current, part);
        RawSourceText raw = rawText.get();
        if (raw != null && !windowShowsPart(raw, part, current.source().size())) {
            loadRaw(window(current.source().size(), part.range().start()));
        }
    }

    static List<HeaderRow> headerRows(PartNode part) {
        List<HeaderRow> rows = new ArrayList<>();
        String own = part.isRoot() ? "message" : "part " + part.path();
        add(rows, own, part.headers());
        part.embeddedMessage().ifPresent(m -> add(rows, "message in part " + part.path(), m.headers()));
        return rows;
    }

    private static void add(List<HeaderRow> rows, String section, List<HeaderField> fields) {
        int number = 1;
        for (HeaderField f : fields) {
            rows.add(new HeaderRow(number++, section, f.name(), f.decoded(),
                    f.raw().replace("\r\n", "\n").replace('\r', '\n'), f.isEncoded(), f.wellFormed(), f.range()));
        }
    }

    private void loadBody(MessageAnalysis current, PartNode part) {
        long request = ++bodyRequest;
        if (part.kind() != PartKind.LEAF) {
            body.set(new PartBody.Composite(composite(part)));
            return;
        }
        body.set(new PartBody.Pending());
        executor.execute(BackgroundTask.of(() -> decode(current, part))
                .onSuccess(decoded -> {
                    if (request == bodyRequest) {
                        body.set(decoded);
                    }
                })
                .onFailure(e -> {
                    if (request == bodyRequest) {
                        body.set(new PartBody.Opaque("Could not decode this part: " + e.getMessage()));
                    }
                }));
    }

    /**
     * An HTML part's text made safe to draw ({@link SafeHtml}), its {@code cid:} images taken from the
     * message's own image parts. Reads the message: call it off the UI thread.
     */
    static String safePage(MessageAnalysis analysis, String html) throws IOException {
        Map<String, String> images = new HashMap<>();
        if (analysis != null) {
            for (PartNode part : analysis.root().flatten()) {
                var id = part.header("Content-ID");
                if (id.isPresent() && part.contentType().startsWith("image/") && isDrawable(part.contentType())
                        && part.decodedSize() <= IMAGE_PREVIEW_BYTES) {
                    String contentId = id.get().value().strip().replaceAll("^<|>$", "");
                    images.put(contentId, "data:" + part.contentType() + ";base64,"
                            + Base64.getEncoder().encodeToString(analysis.decodedBytes(part)));
                }
            }
        }
        return SafeHtml.forDisplay(html, images);
    }

    static PartBody decode(MessageAnalysis analysis, PartNode part) throws IOException {
        String type = part.contentType();
        if (part.isText()) {
            DecodedText text = analysis.text(part, TEXT_PREVIEW_BYTES);
            return new PartBody.Text(text.text(), charsetNote(text), type.equals("text/html"), text.truncated());
        }
        if (type.startsWith("image/") && isDrawable(type)) {
            if (part.decodedSize() > IMAGE_PREVIEW_BYTES) {
                return new PartBody.Opaque(type + ", " + PartDescriptions.size(part.decodedSize())
                        + ": too large to draw here. Save it to look at it.");
            }
            return new PartBody.Picture(analysis.decodedBytes(part), type);
        }
        return new PartBody.Opaque(type + ", " + PartDescriptions.size(part.decodedSize())
                + (part.filename() == null ? "" : ", “" + part.filename() + "”")
                + ". Not shown here: save it to open it with another program.");
    }

    /** The formats JavaFX's Image reads. */
    private static boolean isDrawable(String type) {
        return List.of("image/png", "image/jpeg", "image/jpg", "image/gif", "image/bmp").contains(type);
    }

    private static String charsetNote(DecodedText text) {
        String used = text.charset().name();
        if (text.declaredCharset() == null) {
            return used + ": no charset declared, so US-ASCII is assumed (RFC 2046 §4.1.2)";
        }
        if (text.guessed()) {
            return used + ": a guess, since the declared charset “" + text.declaredCharset() + "” is unknown";
        }
        return used + ", as declared";
    }

    private static String composite(PartNode part) {
        int count = part.children().size();
        String holds = count == 1 ? "1 part" : count + " parts";
        return switch (part.kind()) {
            case MESSAGE -> "The whole message, " + PartDescriptions.size(part.range().length()) + ", with " + holds
                    + ". Select a part in the tree to see its content.";
            case MULTIPART -> part.contentType() + " with " + holds + ". Select one of them to see its content.";
            case EMBEDDED_MESSAGE -> "A message inside this one (" + part.contentType() + "), with " + holds
                    + ". Its header fields are in the Headers tab; save it to open it as a message file.";
            default -> "";
        };
    }

    // ---- the raw source window ----

    /** The bytes to show for a selection starting at {@code partStart}. */
    static ByteRange window(long size, long partStart) {
        if (size <= WINDOW_BYTES) {
            return new ByteRange(0, size);
        }
        long start = Math.max(0, partStart - WINDOW_LEAD);
        long end = Math.min(size, start + WINDOW_BYTES);
        return new ByteRange(Math.max(0, end - WINDOW_BYTES), end);
    }

    private void loadRaw(ByteRange window) {
        MessageAnalysis current = analysis.get();
        long request = ++rawRequest;
        boolean marks = showMarks.get();
        executor.execute(BackgroundTask.of(() -> readRaw(current, window, marks))
                .onSuccess(raw -> {
                    if (request == rawRequest && current == analysis.get()) {
                        rawText.set(raw);
                        updateRawHeading();
                    }
                })
                .onFailure(e -> status.set("Could not read the raw source: " + e.getMessage())));
    }

    /** The window's bytes, starting at a line start when the window does not start the message. */
    private static RawSourceText readRaw(MessageAnalysis analysis, ByteRange window, boolean marks) throws IOException {
        byte[] bytes = analysis.source().read(window);
        int skip = 0;
        if (window.start() > 0) {
            int limit = Math.min(bytes.length, WINDOW_LEAD);
            for (int i = 0; i < limit; i++) {
                if (bytes[i] == '\n') {
                    skip = i + 1;
                    break;
                }
            }
        }
        byte[] shown = skip == 0 ? bytes : Arrays.copyOfRange(bytes, skip, bytes.length);
        return RawSourceText.of(shown, window.start() + skip, marks);
    }

    private void updateRawHeading() {
        MessageAnalysis current = analysis.get();
        RawSourceText raw = rawText.get();
        if (current == null || raw == null) {
            rawHeading.set("");
            return;
        }
        long size = current.source().size();
        ByteRange shown = raw.bytes();
        if (shown.start() == 0 && shown.end() == size) {
            rawHeading.set("Raw source: " + String.format(Locale.ROOT, "%,d", size) + " bytes as received");
        } else {
            rawHeading.set(String.format(Locale.ROOT, "Raw source: bytes %,d to %,d of %,d, around the selected part",
                    shown.start(), shown.end(), size));
        }
    }

    private static String summarise(MessageAnalysis analysis) {
        int parts = analysis.parts().size() - 1;
        int found = analysis.problems().size();
        return PartDescriptions.size(analysis.source().size()) + " · " + (parts == 1 ? "1 part" : parts + " parts")
                + " · " + (found == 0 ? "no problems" : found == 1 ? "1 problem" : found + " problems");
    }
}
