package dev.mailbench.app.practice;

import dev.mailbench.app.theme.StyleClasses;
import dev.mailbench.lesson.ClassProgress;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Class tab of the practice-server panel: said loudly at the top, the address students type and that relaying
 * needs AUTH; then each student against each lesson (done, step k/n, not started), updated as the students work;
 * below, the chosen student's recent sessions and mailbox, read-only.
 */
final class ClassPanel extends VBox {
    private static final String DONE = "class-done";
    private static final String IN_PROGRESS = "class-in-progress";
    private static final String NOT_STARTED = "class-not-started";

    private final ClassViewModel viewModel;
    private final TableView<ClassViewModel.Row> table = new TableView<>();

    ClassPanel(ClassViewModel viewModel) {
        this.viewModel = viewModel;
        setId("class-panel");
        getStyleClass().add("class-panel");

        Label banner = new Label();
        banner.setId("class-banner");
        banner.getStyleClass().add("class-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(Region.USE_PREF_SIZE);   // all of it, wrapped: students must read the address
        banner.textProperty().bind(viewModel.bannerProperty());

        Label updated = new Label();
        updated.setId("class-updated");
        updated.getStyleClass().add("practice-summary");
        updated.setWrapText(true);
        updated.setMinHeight(Region.USE_PREF_SIZE);
        updated.textProperty().bind(viewModel.updatedProperty());

        table.setId("class-table");
        table.getStyleClass().add("class-table");
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("Reading the students' sessions…"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        columns();
        viewModel.lessons().addListener((ListChangeListener<String>) change -> columns());
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, now) ->
                viewModel.selectedStudentProperty().set(now == null ? null : now.student()));

        Label sessionsHeading = new Label();
        sessionsHeading.getStyleClass().add("practice-heading");
        sessionsHeading.setWrapText(true);
        sessionsHeading.setMinHeight(Region.USE_PREF_SIZE);
        sessionsHeading.textProperty().bind(viewModel.selectedStudentProperty().map(s -> s + ": recent sessions and mailbox")
                .orElse("Choose a student to see their recent sessions and mailbox"));
        TextArea sessions = new TextArea();
        sessions.setId("class-sessions");
        sessions.getStyleClass().add("class-sessions");
        sessions.setEditable(false);
        sessions.textProperty().bind(viewModel.sessionsProperty());
        ListView<String> mailbox = new ListView<>(viewModel.mailbox());
        mailbox.setId("class-mailbox");
        mailbox.setPrefHeight(90);
        SplitPane details = new SplitPane(sessions, mailbox);
        details.setOrientation(Orientation.VERTICAL);
        details.setDividerPositions(0.7);
        VBox student = new VBox(sessionsHeading, details);
        student.getStyleClass().add("class-student");
        VBox.setVgrow(details, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, student);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(banner, updated, split);
    }

    /** A column for the student, then one per lesson, headed by its id. */
    private void columns() {
        TableColumn<ClassViewModel.Row, String> student = new TableColumn<>("Student");
        student.setId("class-column-student");
        student.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().student()));
        table.getColumns().setAll(student);
        for (int i = 0; i < viewModel.lessons().size(); i++) {
            int index = i;
            TableColumn<ClassViewModel.Row, ClassProgress.Cell> lesson = new TableColumn<>(viewModel.lessons().get(i));
            lesson.setId("class-column-" + viewModel.lessons().get(i));
            lesson.setSortable(false);
            lesson.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(
                    index < row.getValue().cells().size() ? row.getValue().cells().get(index) : null));
            lesson.setCellFactory(column -> new TableCell<>() {
                @Override
                protected void updateItem(ClassProgress.Cell cell, boolean empty) {
                    super.updateItem(cell, empty);
                    StyleClasses.keepOnly(getStyleClass(), empty || cell == null ? null : switch (cell.state()) {
                        case DONE -> DONE;
                        case IN_PROGRESS -> IN_PROGRESS;
                        case NOT_STARTED -> NOT_STARTED;
                    }, DONE, IN_PROGRESS, NOT_STARTED);
                    if (empty || cell == null) {
                        setText(null);
                        setAccessibleText(null);
                        return;
                    }
                    setText(switch (cell.state()) {
                        case DONE -> "done";
                        case IN_PROGRESS -> cell.stepsDone() + "/" + cell.steps();
                        case NOT_STARTED -> "–";
                    });
                    setAccessibleText(cell.student() + ", " + cell.lesson() + ": " + cell.describe());
                }
            });
            table.getColumns().add(lesson);
        }
    }
}
