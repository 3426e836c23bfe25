package dev.mailbench.app.workbench;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.reproduce.ReplyComparison;
import dev.mailbench.reproduce.SeenReply;
import dev.mailbench.wire.Durations;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * A replay tab: the replies the original session drew (A) beside the replay's (B), a row per line, each difference
 * marked in words ("code differs", "text differs", "reply missing") as {@code mailbench run} marks them; under
 * them, the replay's transcript as it grows.
 */
public final class ReplayView extends BorderPane {

    private final ReplayViewModel viewModel;
    private final TableView<ReplyComparison.Row> table = new TableView<>();
    private final TranscriptPane transcript;

    public ReplayView(ReplayViewModel viewModel, TaskExecutor executor) {
        this.viewModel = viewModel;
        getStyleClass().add("replay-view");

        Label heading = new Label(viewModel.heading());
        heading.setId("replay-heading");
        heading.getStyleClass().add("saved-session-banner");
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("replay-status");
        status.getStyleClass().add("replay-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(viewModel.statusProperty());

        table.setId("replay-table");
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("The replies appear here when the replay ends."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Line", 44, row -> row.lineNumber() == 0 ? "" : String.valueOf(row.lineNumber())));
        table.getColumns().add(column("Command", 170, ReplyComparison.Row::command));
        table.getColumns().add(column("A: original", 300, row -> replies(row.replies().get(0))));
        table.getColumns().add(column("B: replay", 300, row -> replies(row.replies().get(1))));
        table.getColumns().add(column("Difference", 110, row -> row.difference().words()));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ReplyComparison.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("replay-differs");
                if (!empty && row != null && row.difference() != ReplyComparison.Difference.SAME) {
                    getStyleClass().add("replay-differs");
                }
            }
        });

        transcript = new TranscriptPane(viewModel.transcript(), executor, () -> { });
        SplitPane split = new SplitPane(table, transcript);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(new VBox(heading, status));
        setCenter(split);
    }

    private static TableColumn<ReplyComparison.Row, String> column(String name, double width,
                                                                    Function<ReplyComparison.Row, String> text) {
        TableColumn<ReplyComparison.Row, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 44));
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> {
            TableCell<ReplyComparison.Row, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            return cell;
        });
        return column;
    }

    /** Each reply's first line and its latency, one a line; a dash for none. */
    private static String replies(List<SeenReply> replies) {
        if (replies.isEmpty()) {
            return "—";
        }
        return replies.stream().map(reply -> reply.firstLine()
                        + (reply.lines().size() > 1 ? " (+" + (reply.lines().size() - 1) + " lines)" : "")
                        + reply.latencyIfKnown().map(latency -> "   " + Durations.human(latency)).orElse(""))
                .collect(Collectors.joining("\n"));
    }

    public ReplayViewModel viewModel() {
        return viewModel;
    }

    /** The replay's transcript, as it grows. */
    public TranscriptPane transcript() {
        return transcript;
    }

    public TableView<ReplyComparison.Row> table() {
        return table;
    }
}
