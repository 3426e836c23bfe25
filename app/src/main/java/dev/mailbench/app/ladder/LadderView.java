package dev.mailbench.app.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.keys.KeyHelp;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The ladder: the client lane on the left, the server lane on the right, an arrow a row; notes in the left margin.
 *
 * <p>Virtual, as the transcript's rows are: every row has the same height, so where row {@code i} goes is {@code i}
 * times that height (plus the lines of the replies expanded above it, few), and only the rows in view have nodes. A
 * layout costs the same at row 10 as at row 20,000, and rows appended out of view cost nothing to draw. It follows
 * the newest row as the session grows until the user scrolls away from the end, and again once they come back to it
 * (the transcript's rule).
 *
 * <p>A click on an arrow selects it, and with it its line in the transcript and the line's explanation; Up and Down
 * move from arrow to arrow; a click on "▸ n lines", or Right and Left, show and hide a reply's lines.
 */
public final class LadderView extends Region {

    /** The keys bound in {@link #keyPressed}, for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(
            new KeyHelp("Up, Down, Page Up, Page Down, Home, End", "move from arrow to arrow"),
            new KeyHelp("Right, Left, Enter", "show or hide a reply's lines"));

    private final LadderViewModel model;
    private final Pane sheet = new Pane();
    private final Rectangle clip = new Rectangle();
    private final ScrollBar vertical = new ScrollBar();
    private final Label probe = new Label("Mg");
    private final Label clientHeader = new Label("Client");
    private final Label serverHeader = new Label("Server");
    private final List<LadderCell> cells = new ArrayList<>();
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
    private double rowHeight = 24;
    private double textHeight = 16;
    private double scrollY;
    private double viewportHeight;
    private double headerHeight;
    private int shown;
    private boolean adjusting;

    public LadderView(LadderViewModel model) {
        this.model = model;
        setId("ladder");
        getStyleClass().add("ladder");
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setFocusTraversable(true);
        sheet.setClip(clip);
        sheet.setManaged(false);
        vertical.setOrientation(Orientation.VERTICAL);
        probe.getStyleClass().add("ladder-label");
        probe.setVisible(false);
        probe.setManaged(false);
        clientHeader.getStyleClass().add("ladder-header");
        serverHeader.getStyleClass().add("ladder-header");
        clientHeader.setManaged(false);
        serverHeader.setManaged(false);
        getChildren().addAll(sheet, vertical, probe, clientHeader, serverHeader);

        model.sizeProperty().addListener((observable, old, now) -> requestLayout());
        model.expansionsProperty().addListener((observable, old, now) -> requestLayout());
        model.selectedProperty().addListener((observable, old, now) -> {
            if (now.intValue() >= 0 && isVisible()) {
                show(now.intValue());
            }
            requestLayout();
        });
        vertical.valueProperty().addListener((observable, old, now) -> {
            if (!adjusting) {
                scrollY = now.doubleValue();
                following.set(scrollY >= maxScrollY() - 0.5);
                requestLayout();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, event -> {
            scrollBy(-event.getDeltaY());
            event.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    public LadderViewModel model() {
        return model;
    }

    /** Whether the view keeps the newest row in view (the user has not scrolled away from the end). */
    public ReadOnlyBooleanProperty followingProperty() {
        return following;
    }

    /** Shows the end and follows the newest row again. */
    public void follow() {
        following.set(true);
        requestLayout();
    }

    /** Scrolls by this many pixels, as the user asks (positive: towards the end). */
    public void scrollBy(double dy) {
        scrollY = Math.max(0, Math.min(scrollY + dy, maxScrollY()));
        following.set(scrollY >= maxScrollY() - 0.5);
        requestLayout();
    }

    /** The height of every row, in pixels. */
    public double rowHeight() {
        return rowHeight;
    }

    /** The node that draws row {@code index}'s arrow, if it is in view as laid out last. */
    public Optional<Node> cellOf(int index) {
        for (int slot = 0; slot < shown; slot++) {
            LadderCell cell = cells.get(slot);
            if (cell.index() == index && cell.subLine() < 0) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /** The rows in view, as laid out last, in order (a row's expanded lines not counted). */
    public List<Integer> visibleRows() {
        List<Integer> rows = new ArrayList<>();
        for (int slot = 0; slot < shown; slot++) {
            if (cells.get(slot).subLine() < 0) {
                rows.add(cells.get(slot).index());
            }
        }
        return rows;
    }

    /** Scrolls as little as needed for row {@code index} to be in view. */
    public void show(int index) {
        double top = slotOf(index) * rowHeight;
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

    // ---------------------------------------------------------------- rows and slots

    /** How many slots there are: a row each, and a slot for each line of an expanded row. */
    private int slots() {
        int slots = model.size();
        for (int row : model.expandedRows()) {
            if (row < model.size()) {
                slots += model.row(row).lineCount();
            }
        }
        return slots;
    }

    /** The slot of row {@code index}'s arrow. */
    private int slotOf(int index) {
        int slot = index;
        for (int row : model.expandedRows().headSet(index, false)) {
            slot += model.row(row).lineCount();
        }
        return slot;
    }

    /** The row and line a slot shows: {row, -1} for an arrow, {row, k} for line k of an expanded row. */
    private int[] rowAt(int slot) {
        int extra = 0;
        for (int row : model.expandedRows()) {
            int arrow = row + extra;
            if (slot <= arrow) {
                break;
            }
            int lines = model.row(row).lineCount();
            if (slot <= arrow + lines) {
                return new int[] {row, slot - arrow - 1};
            }
            extra += lines;
        }
        return new int[] {slot - extra, -1};
    }

    private double maxScrollY() {
        return Math.max(0, slots() * rowHeight - viewportHeight);
    }

    @Override
    protected void layoutChildren() {
        textHeight = Math.max(1, Math.ceil(probe.prefHeight(-1)));
        rowHeight = Math.ceil(textHeight * 1.6);
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        headerHeight = textHeight + 6;
        double height = Math.max(0, getHeight() - top - snappedBottomInset() - headerHeight);
        double barWidth = vertical.prefWidth(-1);
        int slots = slots();
        boolean needsBar = slots * rowHeight > height;
        double innerWidth = Math.max(0, width - (needsBar ? barWidth : 0));
        viewportHeight = height;
        scrollY = following.get() ? maxScrollY() : Math.max(0, Math.min(scrollY, maxScrollY()));

        double clientX = Math.round(Math.min(Math.max(innerWidth * 0.24, 90), 260)) + 0.5;
        double serverX = Math.round(innerWidth - Math.max(innerWidth * 0.06, 24)) + 0.5;
        int firstSlot = (int) Math.floor(scrollY / rowHeight);
        int wanted = Math.max(0, Math.min(slots - firstSlot, (int) Math.ceil(viewportHeight / rowHeight) + 1));
        while (cells.size() < wanted) {
            LadderCell cell = new LadderCell();
            // placed and sized here, not by the sheet (a Pane would size its managed children to their width)
            cell.setManaged(false);
            cells.add(cell);
            sheet.getChildren().add(cell);
        }
        int selected = model.selectedProperty().get();
        double offset = firstSlot * rowHeight - scrollY;
        int[] at = wanted > 0 ? rowAt(firstSlot) : new int[] {0, -1};
        int row = at[0];
        int line = at[1];
        for (int slot = 0; slot < cells.size(); slot++) {
            LadderCell cell = cells.get(slot);
            if (slot >= wanted) {
                cell.setVisible(false);
                continue;
            }
            cell.setVisible(true);
            cell.show(model, row, line, row == selected);
            cell.place(innerWidth, rowHeight, clientX, serverX, textHeight);
            cell.relocate(0, Math.round(offset + slot * rowHeight));
            // the next slot: the next line of an expanded row, or the next row
            if (line < 0 && model.isExpanded(row)) {
                line = 0;
            } else if (line >= 0 && line + 1 < model.row(row).lineCount()) {
                line++;
            } else {
                row++;
                line = -1;
            }
        }
        shown = wanted;

        clientHeader.resizeRelocate(left + clientX - clientHeader.prefWidth(-1) / 2, top,
                clientHeader.prefWidth(-1), textHeight);
        serverHeader.resizeRelocate(left + serverX - serverHeader.prefWidth(-1) / 2, top,
                serverHeader.prefWidth(-1), textHeight);
        sheet.resizeRelocate(left, top + headerHeight, innerWidth, viewportHeight);
        clip.setWidth(innerWidth);
        clip.setHeight(viewportHeight);
        adjusting = true;
        try {
            vertical.setVisible(needsBar);
            vertical.setMax(maxScrollY());
            vertical.setVisibleAmount(viewportHeight);
            vertical.setUnitIncrement(rowHeight);
            vertical.setBlockIncrement(Math.max(rowHeight, viewportHeight - rowHeight));
            vertical.setValue(scrollY);
            vertical.resizeRelocate(left + innerWidth, top + headerHeight, barWidth, viewportHeight);
        } finally {
            adjusting = false;
        }
    }

    // ---------------------------------------------------------------- mouse and keys

    private void pressed(MouseEvent event) {
        requestFocus();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        for (int slot = 0; slot < shown; slot++) {
            LadderCell cell = cells.get(slot);
            var local = cell.sceneToLocal(event.getSceneX(), event.getSceneY());
            if (local != null && local.getY() >= 0 && local.getY() < rowHeight
                    && local.getX() >= 0 && local.getX() <= cell.getWidth()) {
                if (cell.subLine() < 0 && cell.onMore(local.getX(), local.getY())) {
                    model.toggleExpanded(cell.index());
                }
                model.select(cell.index());
                event.consume();
                return;
            }
        }
    }

    private void keyPressed(KeyEvent event) {
        int selected = model.selectedProperty().get();
        int page = Math.max(1, (int) Math.floor(viewportHeight / rowHeight));
        int target = switch (event.getCode()) {
            case UP -> selected < 0 ? model.size() - 1 : selected - 1;
            case DOWN -> selected + 1;
            case PAGE_UP -> selected - page;
            case PAGE_DOWN -> selected + page;
            case HOME -> 0;
            case END -> model.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (target != Integer.MIN_VALUE && model.size() > 0) {
            int step = target < selected ? -1 : 1;
            int row = Math.max(0, Math.min(target, model.size() - 1));
            // a TLS band has no line to select: the arrow beyond it
            while (model.lineOfRow(row) < 0 && row + step >= 0 && row + step < model.size()) {
                row += step;
            }
            model.select(row);
            if (event.getCode() == KeyCode.END) {
                follow();
            }
            event.consume();
        } else if (selected >= 0 && (event.getCode() == KeyCode.RIGHT && !model.isExpanded(selected)
                || event.getCode() == KeyCode.LEFT && model.isExpanded(selected) || event.getCode() == KeyCode.ENTER)) {
            model.toggleExpanded(selected);
            event.consume();
        }
    }
}
