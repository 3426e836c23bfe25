package dev.mailbench.app.ladder;

import java.util.Arrays;
import java.util.List;

import dev.mailbench.app.transcript.TranscriptFormat;
import dev.mailbench.ladder.ArrowStroke;
import dev.mailbench.ladder.LadderRow;
import dev.mailbench.ladder.RowKind;
import dev.mailbench.wire.Durations;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * One visible row of the ladder: an arrow between the lanes with its label, the reply latency beside the client
 * lane, a note in the margin, the TLS band, or one line of an expanded reply. Every colour is a style class's
 * ({@code .ladder-arrow.reply-2xx} …, base.css); the stroke and mark of a reply class come from the model, so the
 * ladder reads in black and white too.
 */
final class LadderCell extends Region {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final List<String> CLASSES = List.of("client", "reply-2xx", "reply-3xx", "reply-4xx", "reply-5xx",
            "malformed", "note");

    private final Rectangle band = new Rectangle();
    private final Line clientLane = new Line();
    private final Line serverLane = new Line();
    private final Line shaft = new Line();
    private final Polygon head = new Polygon();
    private final Line bracket = new Line();
    private final Label label = new Label();
    private final Label latency = new Label();
    private final Label note = new Label();
    private final Label more = new Label();
    private int index = -1;
    private int subLine = -1;
    private LadderRow row;
    /** What the cell was last drawn from, so that a layout that changes nothing in it redraws nothing. */
    private long drawnLast = -2;
    private String drawnClass = "";
    private boolean drawnExpanded;
    private boolean drawnComplete;

    LadderCell() {
        getStyleClass().add("ladder-row");
        band.getStyleClass().add("ladder-tls");
        clientLane.getStyleClass().add("ladder-lane");
        serverLane.getStyleClass().add("ladder-lane");
        shaft.getStyleClass().add("ladder-arrow");
        head.getStyleClass().add("ladder-head");
        bracket.getStyleClass().add("ladder-group");
        label.getStyleClass().add("ladder-label");
        latency.getStyleClass().add("ladder-latency");
        note.getStyleClass().addAll("ladder-note", "note");
        more.getStyleClass().add("ladder-more");
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        note.setTextOverrun(OverrunStyle.ELLIPSIS);
        latency.setAlignment(Pos.CENTER_RIGHT);
        for (Region text : List.of(label, latency, note, more)) {
            text.setManaged(false);
        }
        getChildren().addAll(band, clientLane, serverLane, bracket, shaft, head, label, latency, note, more);
        for (var child : getChildren()) {
            child.setManaged(false);
        }
    }

    int index() {
        return index;
    }

    int subLine() {
        return subLine;
    }

    /** Whether a point of the cell (its own coordinates) is on the "n lines" mark that expands the row. */
    boolean onMore(double x, double y) {
        return more.isVisible() && more.getBoundsInParent().contains(x, y);
    }

    /** Shows row {@code index} ({@code subLine} -1), or line {@code subLine} of it under its arrow. */
    void show(LadderViewModel model, int index, int subLine, boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
        LadderRow shown = model.row(index);
        String lineClass = TranscriptFormat.styleClass(shown.lineClass());
        boolean expanded = model.isExpanded(index);
        if (index == this.index && subLine == this.subLine && shown == row && shown.lastSequence() == drawnLast
                && lineClass.equals(drawnClass) && expanded == drawnExpanded && shown.isComplete() == drawnComplete) {
            return; // as drawn already: a scroll that keeps the row in this cell, or a layout for another reason
        }
        this.index = index;
        this.subLine = subLine;
        this.row = shown;
        drawnLast = shown.lastSequence();
        drawnClass = lineClass;
        drawnExpanded = expanded;
        drawnComplete = shown.isComplete();
        for (Label text : List.of(label, note)) {
            text.getStyleClass().removeAll(CLASSES);
        }
        shaft.getStyleClass().removeAll(CLASSES);
        head.getStyleClass().removeAll(CLASSES);
        band.setVisible(false);
        shaft.setVisible(false);
        head.setVisible(false);
        latency.setVisible(false);
        note.setVisible(false);
        more.setVisible(false);
        label.setVisible(true);
        if (subLine >= 0) {
            label.setText(model.lineText(index, subLine));
            label.getStyleClass().add(lineClass);
        } else if (row.kind() == RowKind.NOTE) {
            label.setVisible(false);
            note.setVisible(true);
            note.setText("* " + row.label());
        } else if (row.kind() == RowKind.TLS) {
            band.setVisible(true);
            label.setText(row.label() + ": every line below is encrypted");
        } else {
            ArrowStroke stroke = row.stroke();
            shaft.setVisible(true);
            head.setVisible(true);
            shaft.getStyleClass().add(lineClass);
            head.getStyleClass().add(lineClass);
            label.getStyleClass().add(lineClass);
            shaft.getStrokeDashArray().setAll(dashes(stroke));
            shaft.setStrokeWidth(stroke == ArrowStroke.HEAVY ? 3 : 1.5);
            label.setText(text(model, index, row, stroke));
            row.latency().ifPresent(value -> {
                latency.setVisible(true);
                latency.setText(Durations.latency(value));
            });
            if (row.lineCount() > 1 && row.kind() == RowKind.REPLY) {
                more.setVisible(true);
                more.setText((model.isExpanded(index) ? "▾ " : "▸ ") + row.lineCount() + " lines");
            }
        }
        bracket.setVisible(row.group() != LadderRow.NONE);
        requestLayout();
    }

    private static String text(LadderViewModel model, int index, LadderRow row, ArrowStroke stroke) {
        StringBuilder text = new StringBuilder();
        if (!stroke.mark().isEmpty()) {
            text.append(stroke.mark()).append(' ');
        }
        text.append(row.arrowText());
        if (row.kind() == RowKind.REPLY && row.group() != LadderRow.NONE) {
            text.append("   ↩ ").append(model.answeredVerb(index)); // RFC 2920: which pipelined command it answers
        }
        return text.toString();
    }

    private static List<Double> dashes(ArrowStroke stroke) {
        if (stroke.dashes().isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stroke.dashes().split(" ")).map(Double::valueOf).toList();
    }

    /** Places the lanes and the row's parts for lanes at these x positions. */
    void place(double width, double height, double clientX, double serverX, double textHeight) {
        resize(width, height);
        clientLane.setStartX(clientX);
        clientLane.setEndX(clientX);
        clientLane.setStartY(0);
        clientLane.setEndY(height);
        serverLane.setStartX(serverX);
        serverLane.setEndX(serverX);
        serverLane.setStartY(0);
        serverLane.setEndY(height);
        double arrowY = Math.round(height * 0.72) + 0.5;
        boolean right = row != null && row.fromClient();
        double from = right ? clientX : serverX;
        double to = right ? serverX - 1 : clientX + 1;
        double tip = right ? -8 : 8;
        shaft.setStartX(from);
        shaft.setEndX(to + tip * 0.6);
        shaft.setStartY(arrowY);
        shaft.setEndY(arrowY);
        head.getPoints().setAll(to, arrowY, to + tip, arrowY - 4, to + tip, arrowY + 4);
        bracket.setStartX(clientX + 6);
        bracket.setEndX(clientX + 6);
        bracket.setStartY(0);
        bracket.setEndY(height);
        band.setX(clientX - 12);
        band.setY(2);
        band.setWidth(Math.max(0, serverX - clientX + 24));
        band.setHeight(Math.max(0, height - 4));
        double moreWidth = more.isVisible() ? more.prefWidth(-1) : 0;
        double labelX = clientX + 14;
        double labelWidth = Math.max(0, serverX - clientX - 28 - moreWidth);
        if (subLine >= 0 || (row != null && row.kind() == RowKind.TLS)) {
            label.resizeRelocate(labelX, (height - textHeight) / 2, Math.max(0, serverX - labelX), textHeight);
        } else {
            label.resizeRelocate(labelX, Math.max(0, arrowY - textHeight - 2), labelWidth, textHeight);
        }
        more.resizeRelocate(serverX - 10 - moreWidth, Math.max(0, arrowY - textHeight - 2), moreWidth, textHeight);
        double latencyWidth = Math.min(clientX - 4, latency.prefWidth(-1));
        latency.resizeRelocate(clientX - 6 - latencyWidth, arrowY - textHeight / 2, latencyWidth, textHeight);
        // a note's row has no arrow: it starts in the margin and may run on across the lanes
        note.resizeRelocate(4, (height - textHeight) / 2, Math.max(0, serverX - 10), textHeight);
    }
}
