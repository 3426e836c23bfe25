package dev.mailbench.app.transcript;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A scrolling view of many one-line rows of equal height: only the rows in view exist, and where row {@code i}
 * goes is {@code i} times the row height. So every layout costs the same whether the list holds 30 lines or
 * 300,000, and appending lines costs nothing until they are scrolled into view.
 *
 * <p>The general virtual lists (JavaFX's ListView, Flowless) measure or index every row they have seen, which a
 * 20 MB RETR turns into work on the UI thread that grows with each pulse (README, Performance); a transcript line
 * is never wrapped, so one height fits all. The height is that of a line of the rows' text ({@code .transcript
 * .text}), so it follows the theme's font and the zoom.
 *
 * <p>To assistive technology the rows are a list ({@link AccessibleRole#LIST_VIEW}) of every line, not only those in
 * view: it is told how many lines there are, which line has the focus and which are selected, and may ask for any
 * line by its index, scroll one into view or select one. The pane keeps the selection ({@link Selection}).
 */
final class TranscriptRows extends Region {

    /** The selection the pane keeps, as the rows tell it to assistive technology. */
    interface Selection {
        /** The line that moves with the keys (the focus), or -1. */
        int caret();

        boolean isSelected(int index);

        /** Selects this line alone, as a click would. */
        void select(int index);
    }

    private final ObservableList<TranscriptEntry> items;
    private final Supplier<TranscriptLineCell> rowFactory;
    private final Selection selection;
    /** The row handed to assistive technology for a line out of view; made when first asked for. */
    private TranscriptLineCell offscreen;
    private final Pane sheet = new Pane();
    /** Over the rows, where a line goes on past the right edge of the view: a mark, so that no line is cut silently. */
    private final Pane marks = new Pane();
    private final List<Label> markPool = new ArrayList<>();
    /** The lines in view that go on past the right edge, as laid out last. */
    private final BitSet cutLines = new BitSet();
    private int cutFirst;
    /** How many characters of the rows' text fit across the view, as laid out last (0 before the first layout). */
    private final ReadOnlyIntegerWrapper columns = new ReadOnlyIntegerWrapper(this, "columns");
    private final Rectangle clip = new Rectangle();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final Text probe = new Text("Mg");
    /** How many characters the probe is: the rows' font is monospace, so each is its width over this. */
    private static final int PROBE_COLUMNS = 2;
    /** Style class of the mark at the right edge of a row whose line goes on past the view. */
    static final String MARK = "transcript-more";
    /** The mark's text. */
    static final String MORE = "…";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final List<TranscriptLineCell> rows = new ArrayList<>();
    private double rowHeight;
    private double scrollY;
    private double scrollX;
    private double contentWidth;
    private double viewportHeight;
    private double viewportWidth;
    private int first;
    private int shown;
    private boolean adjusting;
    /**
     * Whether the view keeps the last line in view at the bottom: true until the user scrolls away from the end,
     * true again when they come back to it. Kept as a state, not read from the scroll position, so that whatever
     * makes the view shorter or the rows taller (the horizontal bar appearing, the pane narrowed by the
     * explanation beside it, the theme's larger font applied after the first layout) leaves the end in view.
     */
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);

    TranscriptRows(ObservableList<TranscriptEntry> items, Supplier<TranscriptLineCell> rowFactory, Selection selection) {
        this.items = items;
        this.rowFactory = rowFactory;
        this.selection = selection;
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        sheet.setClip(clip);
        sheet.setManaged(false);
        marks.setManaged(false);
        marks.setMouseTransparent(true);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        probe.getStyleClass().add(TranscriptLineCell.TEXT);
        probe.setVisible(false);
        probe.setManaged(false);
        getChildren().addAll(sheet, marks, vertical, horizontal, probe);

        rowHeight = lineHeight();
        probe.layoutBoundsProperty().addListener((observable, old, now) -> {
            double before = rowHeight;
            rowHeight = lineHeight();
            // the same line stays at the top as the font is zoomed, or the end at the bottom while following
            scrollY = scrollY * rowHeight / before;
            requestLayout();
        });
        items.addListener((ListChangeListener<TranscriptEntry>) change -> requestLayout());
        vertical.valueProperty().addListener((observable, old, now) -> {
            if (!adjusting) {
                scrollY = now.doubleValue();
                following.set(scrollY >= vertical.getMax() - 0.5);
                requestLayout();
            }
        });
        horizontal.valueProperty().addListener((observable, old, now) -> {
            if (!adjusting) {
                scrollX = now.doubleValue();
                requestLayout();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, event -> {
            double dx = event.isShiftDown() && event.getDeltaX() == 0 ? event.getDeltaY() : event.getDeltaX();
            double dy = event.isShiftDown() && event.getDeltaX() == 0 ? 0 : event.getDeltaY();
            scrollBy(-dx, -dy);
            event.consume();
        });
    }

    private double lineHeight() {
        return Math.max(1, Math.ceil(probe.getLayoutBounds().getHeight()));
    }

    /** How many characters of the rows' text fit across the view (monospace), as laid out last; 0 before. */
    ReadOnlyIntegerProperty columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    /** Whether line {@code index} is in view and goes on past the view's right edge (its row shows the mark). */
    boolean isCut(int index) {
        return index >= cutFirst && cutLines.get(index - cutFirst);
    }

    /** The height of every row, in pixels. */
    double rowHeight() {
        return rowHeight;
    }

    /** Scrolls by this many pixels (positive: towards the end, to the right), as the user asks. */
    void scrollBy(double dx, double dy) {
        scrollX += dx;
        if (dy != 0) {
            scrollY = Math.max(0, Math.min(scrollY + dy, maxScrollY()));
            following.set(scrollY >= maxScrollY() - 0.5);
        }
        requestLayout();
    }

    /** The height the horizontal scroll bar takes at the bottom, with the bottom inset; 0 plus the inset without it. */
    double bottomBarHeight() {
        return (horizontal.isVisible() ? horizontal.getHeight() : 0) + snappedBottomInset();
    }

    /** Whether the view keeps the last line in view as lines come (the user has not scrolled away from the end). */
    ReadOnlyBooleanProperty followingProperty() {
        return following;
    }

    /** Shows the end and keeps it in view as lines come. */
    void follow() {
        following.set(true);
        requestLayout();
    }

    /**
     * Scrolls as little as needed for row {@code index} to be wholly in view: the view follows the end afterwards
     * only if the end is then in view (a line selected in view moves nothing; one above it scrolls away).
     */
    void show(int index) {
        double top = index * rowHeight;
        double at = following.get() ? maxScrollY() : scrollY;
        if (top < at) {
            at = top;
        } else if (top + rowHeight > at + viewportHeight) {
            at = top + rowHeight - viewportHeight;
        }
        scrollY = Math.max(0, Math.min(at, maxScrollY()));
        following.set(scrollY >= maxScrollY() - 0.5);
        requestLayout();
    }

    /** The index of the row at this point (local coordinates), or -1 where there is none or a scroll bar is. */
    int indexAt(double x, double localY) {
        double y = localY - snappedTopInset();
        double across = x - snappedLeftInset();
        if (y < 0 || y >= viewportHeight || across < 0 || across >= viewportWidth) {
            return -1;
        }
        int index = (int) Math.floor((scrollY + y) / rowHeight);
        return index < items.size() ? index : -1;
    }

    /** The nearest row to this height (local coordinates), above or below the view if need be; -1 if none. */
    int nearestIndexAt(double localY) {
        if (items.isEmpty()) {
            return -1;
        }
        double y = localY - snappedTopInset();
        int index = (int) Math.floor((scrollY + y) / rowHeight);
        return Math.max(0, Math.min(index, items.size() - 1));
    }

    /** How many rows fit in the view. */
    int rowsPerPage() {
        return Math.max(1, (int) Math.floor(viewportHeight / rowHeight));
    }

    /** The rows now in view, as laid out last. */
    List<TranscriptLineCell> visibleRows() {
        return rows.subList(0, shown);
    }

    /** Row {@code index}'s node, if it is in view as laid out last. */
    Optional<Node> rowIfVisible(int index) {
        int slot = index - first;
        return slot >= 0 && slot < shown ? Optional.of(rows.get(slot).getNode()) : Optional.empty();
    }

    /** Draws the rows in view again (the lines' options changed), and measures their width afresh. */
    void redraw() {
        contentWidth = 0;
        for (TranscriptLineCell row : visibleRows()) {
            row.redraw();
        }
        requestLayout();
    }

    private double maxScrollY() {
        return Math.max(0, items.size() * rowHeight - viewportHeight);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        double barWidth = vertical.prefWidth(-1);
        double barHeight = horizontal.prefHeight(-1);
        boolean needsVertical = items.size() * rowHeight > height;
        double innerWidth = width - (needsVertical ? barWidth : 0);
        boolean needsHorizontal = contentWidth > innerWidth + 0.5;
        viewportHeight = Math.max(0, height - (needsHorizontal ? barHeight : 0));
        if (!needsVertical && items.size() * rowHeight > viewportHeight) {
            needsVertical = true;
            innerWidth = width - barWidth;
        }
        viewportWidth = Math.max(0, innerWidth);
        scrollY = following.get() ? maxScrollY() : Math.max(0, Math.min(scrollY, maxScrollY()));

        first = (int) Math.floor(scrollY / rowHeight);
        int wanted = Math.max(0, Math.min(items.size() - first, (int) Math.ceil(viewportHeight / rowHeight) + 1));
        while (rows.size() < wanted) {
            TranscriptLineCell row = rowFactory.get();
            rows.add(row);
            // placed and sized here, not by the sheet (a Pane would size its managed children to their width)
            row.getNode().setManaged(false);
            sheet.getChildren().add(row.getNode());
        }
        double offset = first * rowHeight - scrollY;
        double widest = contentWidth;
        for (int slot = 0; slot < rows.size(); slot++) {
            TranscriptLineCell row = rows.get(slot);
            Node node = row.getNode();
            if (slot >= wanted) {
                node.setVisible(false);
                row.show(-1, null);
                continue;
            }
            int index = first + slot;
            row.show(index, items.get(index));
            node.setVisible(true);
            widest = Math.max(widest, node.prefWidth(-1));
        }
        shown = wanted;
        if (widest > innerWidth + 0.5 && !needsHorizontal) {
            requestLayout(); // the widest line so far needs the horizontal bar, which takes room from the rows
        }
        contentWidth = widest;
        scrollX = Math.max(0, Math.min(scrollX, Math.max(0, contentWidth - viewportWidth)));
        double rowWidth = Math.max(viewportWidth, contentWidth);
        for (int slot = 0; slot < shown; slot++) {
            // 0 - scrollX rather than -scrollX: at the left edge a row is at x = 0, not at -0.0
            rows.get(slot).getNode().resizeRelocate(0 - scrollX, offset + slot * rowHeight, rowWidth, rowHeight);
        }
        placeMarks(offset);
        double across = probe.getLayoutBounds().getWidth() / PROBE_COLUMNS;
        if (viewportWidth > 0 && across > 0) {
            columns.set((int) Math.floor(viewportWidth / across));
        }

        double left = snappedLeftInset();
        double top = snappedTopInset();
        sheet.resizeRelocate(left, top, viewportWidth, viewportHeight);
        marks.resizeRelocate(left, top, viewportWidth, viewportHeight);
        clip.setWidth(viewportWidth);
        clip.setHeight(viewportHeight);
        adjusting = true;
        try {
            vertical.setVisible(needsVertical);
            vertical.setMax(maxScrollY());
            vertical.setVisibleAmount(viewportHeight);
            vertical.setUnitIncrement(rowHeight);
            vertical.setBlockIncrement(Math.max(rowHeight, viewportHeight - rowHeight));
            vertical.setValue(scrollY);
            vertical.resizeRelocate(left + viewportWidth, top, barWidth, viewportHeight);
            horizontal.setVisible(needsHorizontal);
            horizontal.setMax(Math.max(0, contentWidth - viewportWidth));
            horizontal.setVisibleAmount(viewportWidth);
            horizontal.setUnitIncrement(rowHeight);
            horizontal.setBlockIncrement(Math.max(rowHeight, viewportWidth / 2));
            horizontal.setValue(scrollX);
            horizontal.resizeRelocate(left, top + viewportHeight, viewportWidth, barHeight);
        } finally {
            adjusting = false;
        }
    }

    /**
     * Marks each row in view whose line goes on past the right edge of the view: a line cut there would look
     * whole (a reply's reason, an address), so the cut is shown; pointing at the line shows all of it.
     */
    private void placeMarks(double offset) {
        cutLines.clear();
        cutFirst = first;
        int used = 0;
        for (int slot = 0; slot < shown; slot++) {
            Node node = rows.get(slot).getNode();
            if (node.prefWidth(-1) - scrollX <= viewportWidth + 0.5) {
                continue;
            }
            cutLines.set(slot);
            while (markPool.size() <= used) {
                Label mark = new Label(MORE);
                mark.getStyleClass().add(MARK);
                markPool.add(mark);
                marks.getChildren().add(mark);
            }
            Label mark = markPool.get(used++);
            mark.setVisible(true);
            mark.pseudoClassStateChanged(SELECTED, selection.isSelected(first + slot));
            double width = mark.prefWidth(-1);
            mark.resizeRelocate(viewportWidth - width, offset + slot * rowHeight, width, rowHeight);
        }
        for (int i = used; i < markPool.size(); i++) {
            markPool.get(i).setVisible(false);
        }
    }

    // ---------------------------------------------------------------- assistive technology

    /** Tells assistive technology that the focused line or the selection changed. */
    void selectionChanged() {
        requestLayout(); // the marks of cut lines take the selected rows' colour
        notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_ITEM);
        notifyAccessibleAttributeChanged(AccessibleAttribute.SELECTED_ITEMS);
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return switch (attribute) {
            case ITEM_COUNT -> items.size();
            case ITEM_AT_INDEX -> parameters.length > 0 && parameters[0] instanceof Integer index
                    ? accessibleRow(index) : null;
            case FOCUS_ITEM -> accessibleRow(selection.caret());
            case SELECTED_ITEMS -> selectedRowsInView();
            case MULTIPLE_SELECTION -> true;
            case VERTICAL_SCROLLBAR -> vertical;
            case HORIZONTAL_SCROLLBAR -> horizontal;
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    @Override
    public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
        int index = parameters.length > 0 ? indexOfRow(parameters[0]) : -1;
        switch (action) {
            case SHOW_ITEM -> {
                if (index >= 0) {
                    show(index);
                }
            }
            case SET_SELECTED_ITEMS -> {
                if (index >= 0) {
                    selection.select(index);
                }
            }
            default -> super.executeAccessibleAction(action, parameters);
        }
    }

    /** Line {@code index}'s row: the one in view, or else the row kept for lines out of view; null if no such line. */
    private Node accessibleRow(int index) {
        if (index < 0 || index >= items.size()) {
            return null;
        }
        Optional<Node> inView = rowIfVisible(index);
        if (inView.isPresent()) {
            return inView.get();
        }
        if (offscreen == null) {
            offscreen = rowFactory.get();
            offscreen.getNode().setManaged(false);
            offscreen.getNode().setVisible(false);
            getChildren().add(offscreen.getNode());
        }
        offscreen.show(index, items.get(index));
        return offscreen.getNode();
    }

    private ObservableList<Node> selectedRowsInView() {
        ObservableList<Node> selected = FXCollections.observableArrayList();
        for (TranscriptLineCell row : visibleRows()) {
            if (selection.isSelected(row.index())) {
                selected.add(row.getNode());
            }
        }
        return selected;
    }

    /** The line a row handed out stands for: a row node itself, or the first of a list of them. */
    private static int indexOfRow(Object parameter) {
        Object first = parameter instanceof List<?> list && !list.isEmpty() ? list.get(0) : parameter;
        return first instanceof Node node && node.queryAccessibleAttribute(AccessibleAttribute.INDEX) instanceof Integer i
                ? i : -1;
    }
}
