package dev.mailbench.app.transcript;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.Explanation;
import dev.mailbench.explain.LineClass;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.explain.LineRole;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcript pane's state: every line of the tab's connections, the selected line and its explanation,
 * and how lines are drawn.
 *
 * <p>Events arrive on the session's reader thread, fast: a 20 MB RETR is some 300,000 lines. They wait in a
 * queue, and the view takes at most {@link #MAX_LINES_PER_PULSE} of them per animation pulse
 * ({@link #drain}), so that the UI thread always has time left to paint and to answer the user. The
 * connection's {@link EventExplainer} reads each event on the reader thread, so the UI thread only draws.
 */
public final class TranscriptViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptViewModel.class);

    /**
     * How many lines one pulse appends at most. The pane draws only the lines in view, so an append costs little
     * more than adding to a list (some 0.2 µs a line); the bound keeps a pulse short even when a reader has
     * queued a whole 20 MB RETR at once (README, Performance).
     */
    public static final int MAX_LINES_PER_PULSE = 5_000;

    private final TaskExecutor executor;
    private final TranscriptFormat format;
    private final ZoneId zone;
    private final PendingLines incoming = new PendingLines();
    private final TranscriptLines entries = new TranscriptLines();
    private volatile Runnable wakeUp = () -> { };

    private final BooleanProperty showLineEndings = new SimpleBooleanProperty(this, "showLineEndings", false);
    private final BooleanProperty revealSecrets = new SimpleBooleanProperty(this, "revealSecrets", false);
    private final BooleanProperty showTimes = new SimpleBooleanProperty(this, "showTimes", true);
    /** Whether the view has room for the time columns beside a readable line; where it has not, they fold away. */
    private final BooleanProperty roomForTimes = new SimpleBooleanProperty(this, "roomForTimes", true);
    private final BooleanBinding timesShown = showTimes.and(roomForTimes);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyBooleanWrapper messageSelected = new ReadOnlyBooleanWrapper(this, "messageSelected", false);
    private final ReadOnlyObjectWrapper<TranscriptEntry> latestMessage = new ReadOnlyObjectWrapper<>(this, "latestMessage");

    public TranscriptViewModel(TaskExecutor executor) {
        this(executor, ZoneId.systemDefault());
    }

    public TranscriptViewModel(TaskExecutor executor, ZoneId zone) {
        this.executor = executor;
        this.format = new TranscriptFormat(zone);
        this.zone = zone;
    }

    /** The zone the lines' times are shown in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Shows the events of a connection's transcript from now on, those already recorded first. The explainer
     * must be new: it reads this transcript's events and no other.
     */
    public void follow(Transcript transcript, EventExplainer explainer) {
        transcript.addListenerWithHistory(event -> {
            if (incoming.add(transcript, explainer, event.sequence(), read(explainer, event))) {
                executor.runOnUi(wakeUp);
            }
        });
    }

    /**
     * The explainer's reading of a line. This runs on the session's reader thread, inside the transcript:
     * whatever goes wrong here must not end the session, so the line is still shown, plainly.
     */
    private static LineInfo read(EventExplainer explainer, TranscriptEvent event) {
        try {
            return explainer.accept(event);
        } catch (RuntimeException e) {
            // the line is still shown, plainly; a failing explainer is a fault in Mailbench, so it is logged
            // (by number, not text: a line may carry a password)
            LOG.warn("Cannot read transcript line {} ({})", event.sequence(), event.direction(), e);
            LineClass plain = switch (event.direction()) {
                case CLIENT -> LineClass.CLIENT;
                case SERVER -> LineClass.MALFORMED;
                case NOTE -> LineClass.NOTE;
            };
            return LineInfo.of(plain, LineRole.NOTE, false);
        }
    }

    /** What to run on the UI thread when lines start waiting (the view starts its pulse timer). */
    public void setWakeUp(Runnable wakeUp) {
        this.wakeUp = wakeUp;
        if (hasWaiting()) {
            executor.runOnUi(wakeUp);
        }
    }

    /** Whether lines are waiting to be drawn. */
    public boolean hasWaiting() {
        return !incoming.isEmpty();
    }

    /** Takes up to {@code max} waiting lines, in order, into the pane's lines, and returns them. UI thread. */
    public List<TranscriptEntry> drain(int max) {
        int from = entries.size();
        entries.append(incoming.take(max));
        List<TranscriptEntry> drawn = Collections.unmodifiableList(entries.subList(from, entries.size()));
        noteRetrievedMessages(drawn);
        return drawn;
    }

    /** The final dot of a RETR or TOP response: its message is complete, and can be opened without a click. */
    private void noteRetrievedMessages(List<TranscriptEntry> drawn) {
        for (int i = drawn.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = drawn.get(i);
            if (entry.info().role() == LineRole.RESPONSE_END && entry.explainer().carriesMessage(entry.event().sequence())) {
                latestMessage.set(entry);
                return;
            }
        }
    }

    /**
     * The last line of the newest message a RETR or TOP response brought back whole, so that it can be opened as
     * soon as it has arrived; null before one has.
     */
    public ReadOnlyObjectProperty<TranscriptEntry> latestMessageProperty() {
        return latestMessage.getReadOnlyProperty();
    }

    /** The command line that brought the message ending at this entry ("RETR 1"), as shown. */
    public static String retrievalCommand(TranscriptEntry entry) {
        return entry.explainer().retrievedText(entry.event().sequence())
                .map(where -> entry.event().transcript().event(where.command()).line())
                .orElse("");
    }

    /** Lines drawn so far. */
    public int size() {
        return entries.size();
    }

    public TranscriptEntry entry(int index) {
        return entries.get(index);
    }

    /** The lines drawn so far, as the pane shows them; grows on the UI thread as {@link #drain} takes lines. */
    public ObservableList<TranscriptEntry> lines() {
        return entries;
    }

    /**
     * The lines drawn so far, for saving off the UI thread: a snapshot, taken in time independent of the number of
     * lines (a line's entry is made when it is read). UI thread.
     */
    public List<TranscriptEntry> entries() {
        return entries.snapshot(0, entries.size());
    }

    /** Lines {@code from} to {@code to} (exclusive) as {@link #entries()} takes them. UI thread. */
    public List<TranscriptEntry> entries(int from, int to) {
        return entries.snapshot(from, to);
    }

    // ---------------------------------------------------------------- drawing

    public BooleanProperty showLineEndingsProperty() {
        return showLineEndings;
    }

    public BooleanProperty revealSecretsProperty() {
        return revealSecrets;
    }

    public BooleanProperty showTimesProperty() {
        return showTimes;
    }

    /**
     * Whether the view has room for the time columns: the pane says so as its width changes
     * ({@link TranscriptFormat#TIMES_COLUMNS}). Without it the rows leave the times out, whatever "Times" says,
     * and a line's tooltip has them.
     */
    public BooleanProperty roomForTimesProperty() {
        return roomForTimes;
    }

    /** Whether the rows show the time columns now: "Times" is on and the view has room for them. */
    public BooleanBinding timesShownProperty() {
        return timesShown;
    }

    /** The options the rows are drawn with: as the user chose, the times only where there is room for them. */
    public RenderOptions renderOptions() {
        return new RenderOptions(showLineEndings.get(), revealSecrets.get(), timesShown.get());
    }

    /** The options of a line's tooltip: as the rows are drawn, with the times, which the rows may have folded away. */
    public RenderOptions tooltipOptions() {
        return new RenderOptions(showLineEndings.get(), revealSecrets.get(), true);
    }

    /**
     * The options for a copy or a saved file: as on screen, except that passwords are written only when the
     * user confirmed that they want them there ({@link SecretsConfirmation}).
     */
    public RenderOptions exportOptions(boolean includeSecrets) {
        return new RenderOptions(showLineEndings.get(), revealSecrets.get() && includeSecrets, showTimes.get());
    }

    public StyledLine render(TranscriptEntry entry) {
        return format.render(entry, renderOptions());
    }

    public StyledLine render(TranscriptEntry entry, RenderOptions options) {
        return format.render(entry, options);
    }

    // ---------------------------------------------------------------- selection

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Whether the selected line belongs to a RETR or TOP response, so its message can be opened. */
    public ReadOnlyBooleanProperty messageSelectedProperty() {
        return messageSelected.getReadOnlyProperty();
    }

    /** Selects a drawn line and explains it; an index past the drawn lines clears the selection. */
    public void select(int index) {
        if (index < 0 || index >= entries.size()) {
            selected.set(-1);
            explanation.set(null);
            messageSelected.set(false);
            return;
        }
        TranscriptEntry entry = entries.get(index);
        long sequence = entry.event().sequence();
        selected.set(index);
        try {
            explanation.set(entry.explainer().explain(sequence));
            messageSelected.set(entry.explainer().carriesMessage(sequence));
        } catch (RuntimeException e) {
            LOG.warn("Cannot explain transcript line {} ({})", entry.event().sequence(), entry.event().direction(), e);
            explanation.set(new Explanation(entry.event().line(),
                    List.of("Mailbench could not explain this line: " + e), List.of()));
            messageSelected.set(false);
        }
    }

    /** The selected line, if any. */
    public Optional<TranscriptEntry> selectedEntry() {
        int index = selected.get();
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index));
    }

    /** Every line as drawn with these options; safe off the UI thread for a snapshot of {@link #entries()}. */
    public List<StyledLine> render(List<TranscriptEntry> snapshot, RenderOptions options) {
        List<StyledLine> lines = new ArrayList<>(snapshot.size());
        snapshot.forEach(entry -> lines.add(format.render(entry, options)));
        return lines;
    }

    /** Every line as a saved transcript has it ({@link TranscriptFormat#renderSaved}); safe off the UI thread. */
    public List<StyledLine> renderSaved(List<TranscriptEntry> snapshot, RenderOptions options) {
        List<StyledLine> lines = new ArrayList<>(snapshot.size());
        snapshot.forEach(entry -> lines.add(format.renderSaved(entry, options)));
        return lines;
    }

    /** The message of the selected RETR or TOP response. */
    public Optional<RetrievedMessage> selectedMessage() {
        int index = selected.get();
        if (index < 0) {
            return Optional.empty();
        }
        TranscriptEntry entry = entries.get(index);
        return entry.explainer().retrievedText(entry.event().sequence())
                .map(where -> RetrievedMessage.read(entry.event().transcript(), where));
    }
}
