package dev.mailbench.app.transcript;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import dev.mailbench.app.keys.KeyHelp;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;

import javafx.animation.AnimationTimer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Button;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.geometry.Point2D;

/**
 * The transcript as rows of lines, each piece of a line coloured by its CSS class.
 *
 * <p>The rows are virtual ({@link TranscriptRows}): only the lines in view have nodes, drawn straight from the view
 * model's lines, so a 20 MB RETR of 300,000 lines costs the window a few dozen rows, the heap holds each line once
 * as the session received it, and placing the last row costs the same as placing the first. Lines are taken from the
 * view model once per animation pulse, at most {@link TranscriptViewModel#MAX_LINES_PER_PULSE} at a time; the
 * pulse timer runs only while lines wait. The view follows the newest line as lines come, whatever line is
 * selected, until the user scrolls away from the end; then they keep their place, and a marker over the bottom
 * of the lines ("12 new lines ↓", id {@code transcript-new-lines}) counts the lines that came since and, clicked,
 * shows the end and follows again, as End and Ctrl+End do. Row {@code i} is line {@code i} of the view model.
 *
 * <p>Lines are selected whole: a click selects one and has it explained; Shift+click, a drag, and Shift with the
 * arrow, page, Home and End keys select a run of lines; Ctrl+A selects all; Left and Right scroll sideways.
 * Ctrl+C and Copy put the selected lines' text, as shown, on the clipboard. The menu (Copy, Select All, Open
 * as Message) opens on a right click, or with the Menu key or Shift+F10 beside the selected line.
 */
public final class TranscriptPane extends StackPane {

    /** Extra style class of a control octet's mark, such as {@code ⟨CR⟩}. */
    public static final String CONTROL = "control";
    /** Lines copied at once beyond which the text is put together off the UI thread. */
    private static final int COPY_ON_UI_THREAD_MAX = 2_000;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    /** The keys bound in {@code keyPressed} and the mouse handlers below, for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(
            new KeyHelp("Up, Down, Page Up, Page Down, Home, End", "move through the lines"),
            new KeyHelp("Shift with those keys, Shift+click, drag", "select several lines"),
            KeyHelp.of(SELECT_ALL, "select every line"),
            KeyHelp.of(COPY, "copy the selected lines as shown"),
            new KeyHelp("Left, Right", "scroll a long line sideways"),
            new KeyHelp("Menu key, Shift+F10", "open the selected line's menu"));

    private final TranscriptViewModel viewModel;
    private final TaskExecutor executor;
    private final TranscriptRows rows;
    private final AnimationTimer pulse;
    private final ContextMenu menu;
    private IntConsumer onAppended = count -> { };
    /** The other end of the selected run of lines; the view model's selected line is the end that moves. */
    private int anchor = -1;
    private boolean extending;
    /** Whether the primary button went down on a line, so that a drag selects lines (not on a scroll bar). */
    private boolean dragSelecting;
    /** Lines that came since the user scrolled away from the end, which the marker counts. */
    private final IntegerProperty unseen = new SimpleIntegerProperty(this, "unseen");
    private final Button marker = new Button();
    /**
     * The characters a line's own text keeps beside the time columns: fewer, and the times fold away. A reply's
     * code, enhanced code, address and the start of its reason ({@code 550 5.7.1 <someone@elsewhere.test>: Relay})
     * are some 44; at 1024×768 beside the practice panel the times would leave a line about 34.
     */
    static final int READABLE_COLUMNS = 44;
    /** The whole line pointed at, where its row cannot show it all: cut at the view's edge, or its times folded. */
    private final Tooltip lineTip = new Tooltip();
    private int tipLine = -1;

    public TranscriptPane(TranscriptViewModel viewModel, TaskExecutor executor, Runnable openMessage) {
        this.viewModel = viewModel;
        this.executor = executor;
        rows = new TranscriptRows(viewModel.lines(), () -> new TranscriptLineCell(viewModel, this::isSelected),
                new TranscriptRows.Selection() {
                    @Override
                    public int caret() {
                        return viewModel.selectedProperty().get();
                    }

                    @Override
                    public boolean isSelected(int index) {
                        return TranscriptPane.this.isSelected(index);
                    }

                    @Override
                    public void select(int index) {
                        TranscriptPane.this.select(index, false);
                        rows.show(index);
                    }
                });
        rows.setId("transcript");
        rows.getStyleClass().add("transcript");
        rows.setFocusTraversable(true);
        // Over the bottom of the lines, while the user reads further up and lines come: how many, and a way back.
        marker.setId("transcript-new-lines");
        marker.getStyleClass().add("transcript-new-lines");
        marker.setFocusTraversable(false);
        marker.textProperty().bind(unseen.map(count -> markerText(count.intValue())));
        marker.visibleProperty().bind(unseen.greaterThan(0));
        marker.setOnAction(event -> {
            showEnd();
            rows.requestFocus();
        });
        marker.setManaged(false); // placed by layoutChildren, above the horizontal scroll bar when there is one
        getChildren().addAll(rows, marker);
        rows.followingProperty().addListener((observable, old, now) -> {
            if (now) {
                unseen.set(0);
            }
        });

        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drainOnce();
            }
        };
        viewModel.setWakeUp(pulse::start);
        viewModel.selectedProperty().addListener((observable, old, now) -> {
            if (!extending) {
                anchor = now.intValue();
            }
            rows.visibleRows().forEach(TranscriptLineCell::markSelection);
            rows.selectionChanged();
        });
        viewModel.showLineEndingsProperty().addListener((observable, old, now) -> redraw());
        viewModel.revealSecretsProperty().addListener((observable, old, now) -> redraw());
        viewModel.timesShownProperty().addListener((observable, old, now) -> redraw());
        // the time columns fold away where they would leave a line too little room, and come back with the room
        rows.columnsProperty().addListener((observable, old, now) ->
                viewModel.roomForTimesProperty().set(now.intValue() >= TranscriptFormat.TIMES_COLUMNS + READABLE_COLUMNS));
        lineTip.setId("transcript-line-tip");
        lineTip.getStyleClass().add("transcript-tooltip");
        lineTip.setWrapText(true);
        lineTip.setShowDelay(Duration.millis(500));
        lineTip.setShowDuration(Duration.INDEFINITE);
        rows.addEventHandler(MouseEvent.MOUSE_MOVED, event -> pointedAt(rows.indexAt(event.getX(), event.getY())));
        rows.addEventHandler(MouseEvent.MOUSE_EXITED, event -> pointedAt(-1));

        rows.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        rows.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        rows.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        MenuItem copy = new MenuItem("Copy");
        copy.setId("transcript-copy");
        copy.setOnAction(event -> copySelection());
        MenuItem selectAll = new MenuItem("Select All");
        selectAll.setId("transcript-select-all");
        selectAll.setOnAction(event -> selectAll());
        MenuItem open = new MenuItem("Open as Message");
        open.setId("transcript-open-message");
        open.disableProperty().bind(viewModel.messageSelectedProperty().not());
        open.setOnAction(event -> openMessage.run());
        menu = new ContextMenu(copy, selectAll, open);
        rows.setOnContextMenuRequested(event -> menu.show(rows, event.getScreenX(), event.getScreenY()));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        marker.autosize();
        double x = rows.getLayoutX() + (rows.getWidth() - marker.getWidth()) / 2;
        double y = rows.getLayoutY() + rows.getHeight() - rows.bottomBarHeight() - rows.rowHeight() / 2
                - marker.getHeight();
        marker.relocate(Math.round(x), Math.round(y));
    }

    /** The rows (id {@code transcript}, focusable). */
    public Region lines() {
        return rows;
    }

    TranscriptRows rows() {
        return rows;
    }

    /** The row showing line {@code index}, if it is in view (as laid out last). */
    public Optional<Node> rowOf(int index) {
        return rows.rowIfVisible(index);
    }

    /**
     * The line under the mouse is {@code index} (-1: none): where its row does not show all of it, its tooltip
     * does, wrapped, with its times.
     */
    private void pointedAt(int index) {
        boolean partly = index >= 0 && (rows.isCut(index)
                || viewModel.showTimesProperty().get() && !viewModel.timesShownProperty().get());
        if (!partly) {
            if (tipLine >= 0) {
                Tooltip.uninstall(rows, lineTip);
                tipLine = -1;
            }
            return;
        }
        if (index != tipLine) {
            lineTip.setText(viewModel.render(viewModel.entry(index), viewModel.tooltipOptions()).shown());
            lineTip.setMaxWidth(Math.max(rows.getWidth(), TIP_MIN_WIDTH));
            if (tipLine < 0) {
                Tooltip.install(rows, lineTip);
            }
            tipLine = index;
        }
    }

    private static final double TIP_MIN_WIDTH = 320;

    /**
     * The "Times" check box (id {@code show-times}) for {@code viewModel}'s transcript: the user's choice, and its
     * tooltip says when the columns are folded away for lack of room.
     */
    public static CheckBox timesToggle(TranscriptViewModel viewModel) {
        CheckBox times = new CheckBox("Times");
        times.setId("show-times");
        times.selectedProperty().bindBidirectional(viewModel.showTimesProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(viewModel.showTimesProperty().and(viewModel.roomForTimesProperty().not()))
                .then("Each line's time and reply latency: folded away while the transcript is too narrow for them"
                        + " (widen it, or point at a line to see its times)")
                .otherwise("Each line's time and reply latency"));
        times.setTooltip(tip);
        return times;
    }

    /** The tooltip that shows a line pointed at whole (id {@code transcript-line-tip}). */
    public Tooltip lineTip() {
        return lineTip;
    }

    /** Told how many lines each pulse appended: lets a test see that no pulse takes more than its share. */
    public void setOnAppended(IntConsumer onAppended) {
        this.onAppended = onAppended;
    }

    /** How many lines have rows. */
    public int size() {
        return viewModel.size();
    }

    /** The text of line {@code index} exactly as its row shows it. */
    public String lineText(int index) {
        return viewModel.render(viewModel.entry(index)).shown();
    }

    /** Scrolls as little as needed for line {@code index} to be in view. */
    public void showLine(int index) {
        rows.show(index);
    }

    /** Whether line {@code index} is in the selected run of lines. */
    public boolean isSelected(int index) {
        int caret = viewModel.selectedProperty().get();
        return caret >= 0 && index >= Math.min(anchor, caret) && index <= Math.max(anchor, caret);
    }

    /** Selects line {@code index} and explains it; with {@code extend}, the run from the anchor to it. */
    public void select(int index, boolean extend) {
        int last = viewModel.size() - 1;
        if (last < 0) {
            return;
        }
        int line = Math.max(0, Math.min(index, last));
        extending = extend && anchor >= 0;
        if (!extending) {
            anchor = line;
        }
        try {
            viewModel.select(line);
        } finally {
            extending = false;
        }
        rows.visibleRows().forEach(TranscriptLineCell::markSelection);
        rows.selectionChanged();
    }

    /** Selects every line drawn so far. */
    public void selectAll() {
        if (viewModel.size() > 0) {
            select(0, false);
            select(viewModel.size() - 1, true);
        }
    }

    /**
     * Puts the selected lines' text, as shown, on the clipboard, one line each; revealed passwords only when the
     * user confirms it. A large selection (Select All on
     * a 20 MB RETR) is put together off the UI thread.
     */
    public void copySelection() {
        int caret = viewModel.selectedProperty().get();
        if (caret < 0) {
            return;
        }
        List<TranscriptEntry> selected = viewModel.entries(Math.min(anchor, caret), Math.max(anchor, caret) + 1);
        RenderOptions options = viewModel.exportOptions(SecretsConfirmation.includeSecrets(
                getScene() == null ? null : getScene().getWindow(), viewModel, selected, "onto the clipboard"));
        if (selected.size() <= COPY_ON_UI_THREAD_MAX) {
            putOnClipboard(text(selected, options));
        } else {
            executor.execute(BackgroundTask.of(() -> text(selected, options)).onSuccess(TranscriptPane::putOnClipboard));
        }
    }

    private String text(List<TranscriptEntry> lines, RenderOptions options) {
        StringBuilder text = new StringBuilder(lines.size() * 80);
        for (TranscriptEntry entry : lines) {
            text.append(viewModel.render(entry, options).shown()).append('\n');
        }
        return text.toString();
    }

    private static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void drainOnce() {
        List<TranscriptEntry> batch = viewModel.drain(TranscriptViewModel.MAX_LINES_PER_PULSE);
        if (!batch.isEmpty()) {
            // while following, the rows keep the end in view at their next layout
            if (!rows.followingProperty().get()) {
                unseen.set(unseen.get() + batch.size());
            }
            onAppended.accept(batch.size());
        }
        if (!viewModel.hasWaiting()) {
            pulse.stop();
        }
    }

    /** Whether the view follows the newest line (the user has not scrolled away from the end). */
    public boolean isFollowing() {
        return rows.followingProperty().get();
    }

    /** Shows the last line and follows the newest again, as the new-lines marker and End do. */
    public void showEnd() {
        rows.follow();
    }

    /** The text of the new-lines marker, as "3 new lines ↓". */
    static String markerText(int lines) {
        return lines + (lines == 1 ? " new line ↓" : " new lines ↓");
    }

    private void redraw() {
        rows.redraw();
    }

    // ---------------------------------------------------------------- mouse and keys

    private void pressed(MouseEvent event) {
        rows.requestFocus();
        int line = rows.indexAt(event.getX(), event.getY());
        dragSelecting = line >= 0 && event.getButton() == MouseButton.PRIMARY;
        if (line < 0 || event.getButton() == MouseButton.SECONDARY && isSelected(line)) {
            return;
        }
        if (event.getButton() == MouseButton.PRIMARY || event.getButton() == MouseButton.SECONDARY) {
            select(line, event.isShiftDown());
        }
    }

    /** The menu for a keyboard user (the Menu key, Shift+F10): beside the selected line, or the view's corner. */
    private void showMenuAtSelectedLine() {
        Optional<Node> row = rowOf(viewModel.selectedProperty().get());
        Point2D at = row.map(node -> node.localToScreen(24, node.getLayoutBounds().getHeight()))
                .orElseGet(() -> rows.localToScreen(24, 24));
        if (at != null) {
            menu.show(rows, at.getX(), at.getY());
        }
    }

    private void dragged(MouseEvent event) {
        int line = rows.nearestIndexAt(event.getY());
        if (dragSelecting && line >= 0) {
            select(line, true);
            showLine(line);
        }
    }

    private void keyPressed(KeyEvent event) {
        if (COPY.match(event)) {
            copySelection();
        } else if (SELECT_ALL.match(event)) {
            selectAll();
        } else if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
            showMenuAtSelectedLine();
        } else if (event.getCode() == KeyCode.LEFT || event.getCode() == KeyCode.RIGHT) {
            // a long line (a base64 AUTH payload, a 998-octet header) is read by scrolling sideways
            rows.scrollBy((event.getCode() == KeyCode.LEFT ? -4 : 4) * rows.rowHeight(), 0);
        } else {
            int caret = viewModel.selectedProperty().get();
            int page = rows.rowsPerPage();
            int target = switch (event.getCode()) {
                case UP -> caret < 0 ? viewModel.size() - 1 : caret - 1;
                case DOWN -> caret < 0 ? 0 : caret + 1;
                case PAGE_UP -> caret - page;
                case PAGE_DOWN -> caret + page;
                case HOME -> 0;
                case END -> viewModel.size() - 1; // with Ctrl too: to the end, and the view follows again
                default -> Integer.MIN_VALUE;
            };
            if (target == Integer.MIN_VALUE || viewModel.size() == 0) {
                return;
            }
            select(target, event.isShiftDown());
            showLine(viewModel.selectedProperty().get());
        }
        event.consume();
    }
}
