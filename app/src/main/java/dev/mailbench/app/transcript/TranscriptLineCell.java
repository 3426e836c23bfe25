package dev.mailbench.app.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import dev.mailbench.explain.EventText;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * One transcript line in view: its pieces as text nodes side by side, each with the style classes that colour
 * it ({@code timestamp}, {@code client}, {@code reply-5xx} …, and {@code control} on the mark of a control
 * octet). The row has the style class {@value #ROW} and the pseudo-class {@code :selected} while its line is
 * selected. A row is reused for whichever line scrolls into it, and its text nodes with it.
 */
public final class TranscriptLineCell {

    /** Style class of a row. */
    static final String ROW = "transcript-line";
    /** Style class every piece of a line has, as the theme's {@code .transcript .text} rule expects. */
    static final String TEXT = "text";
    /** Style class of the mark before a line that carried a password outside TLS. */
    static final String CLEARTEXT = "cleartext-secret";
    /** The mark's text. */
    static final String CLEARTEXT_MARK = "not encrypted ▸ ";
    private static final List<String> CLEARTEXT_CLASSES = List.of(TEXT, CLEARTEXT);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final TranscriptViewModel viewModel;
    private final IntPredicate selected;
    /** To assistive technology a row is an item of the rows' list: its index, whether it is selected, its text. */
    private final HBox row = new HBox() {
        @Override
        public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
            return switch (attribute) {
                case INDEX -> index;
                case SELECTED -> index >= 0 && selected.test(index);
                default -> super.queryAccessibleAttribute(attribute, parameters);
            };
        }
    };
    private boolean markedSelected;
    private final List<Text> texts = new ArrayList<>();
    private TranscriptEntry entry;
    private int index = -1;

    TranscriptLineCell(TranscriptViewModel viewModel, IntPredicate selected) {
        this.viewModel = viewModel;
        this.selected = selected;
        row.getStyleClass().add(ROW);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(Region.USE_PREF_SIZE);
        row.setAccessibleRole(AccessibleRole.LIST_ITEM);
    }

    public HBox getNode() {
        return row;
    }

    /** Shows line {@code newIndex}, drawn anew if it is not the one shown already; -1 and null: none. */
    void show(int newIndex, TranscriptEntry item) {
        if (item == null) {
            index = -1;
            entry = null;
            mark(false);
            return;
        }
        if (item != entry) {
            entry = item;
            redraw();
        }
        index = newIndex;
        markSelection();
    }

    /** The index of the line shown, or -1 while the cell waits in the pool. */
    public int index() {
        return index;
    }

    /** Draws the line again, as the view model's options now say. */
    void redraw() {
        if (entry == null) {
            return;
        }
        StyledLine line = viewModel.render(entry);
        int used = 0;
        // a password that travelled outside TLS says so just before the line, after its time (RFC 8314 §3)
        boolean clearText = EventText.isSecret(entry.event()) && !entry.event().tls();
        List<StyledLine.Segment> segments = line.segments();
        for (int i = 0; i < segments.size(); i++) {
            StyledLine.Segment segment = segments.get(i);
            if (clearText && i == segments.size() - 1) {
                Text mark = text(used++);
                mark.setText(CLEARTEXT_MARK);
                if (!mark.getStyleClass().equals(CLEARTEXT_CLASSES)) {
                    mark.getStyleClass().setAll(CLEARTEXT_CLASSES);
                }
            }
            for (ControlMarks.Run run : ControlMarks.runs(segment.text())) {
                Text text = text(used++);
                text.setText(run.text());
                List<String> classes = run.control()
                        ? List.of(TEXT, segment.styleClass(), TranscriptPane.CONTROL)
                        : List.of(TEXT, segment.styleClass());
                if (!text.getStyleClass().equals(classes)) {
                    text.getStyleClass().setAll(classes);
                }
            }
        }
        if (row.getChildren().size() != used) {
            row.getChildren().setAll(texts.subList(0, used));
        }
        row.setAccessibleText(clearText ? "Not encrypted: " + line.shown() : line.shown());
    }

    /** Sets or clears {@code :selected}, as the pane's selection now says. */
    void markSelection() {
        mark(index >= 0 && selected.test(index));
    }

    private void mark(boolean now) {
        row.pseudoClassStateChanged(SELECTED, now);
        if (now != markedSelected) {
            markedSelected = now;
            row.notifyAccessibleAttributeChanged(AccessibleAttribute.SELECTED);
        }
    }

    /** The cell's {@code index}-th text node, made the first time a line has that many pieces. */
    private Text text(int index) {
        while (texts.size() <= index) {
            texts.add(new Text());
        }
        return texts.get(index);
    }
}
