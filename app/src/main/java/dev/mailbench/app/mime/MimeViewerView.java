package dev.mailbench.app.mime;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.mailbench.authenticity.ReceivedTimeline;
import dev.mailbench.app.theme.StyleClasses;
import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.authenticity.AuthenticationReport;
import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.PartNode;
import dev.mailbench.mime.Problem;
import dev.mailbench.mime.Severity;
import dev.mailbench.mime.ReceivedHop;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TwoDimensional;
import javafx.scene.web.WebView;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The MIME viewer: the part tree and the problems on the left; the selected part's body, header fields
 * and Received hops on the right, above the raw source with the part's bytes highlighted.
 */
public final class MimeViewerView extends BorderPane {

    private static final Collection<String> NO_STYLE = List.of();
    /** Images narrower than this are enlarged so that they can be seen at all. */
    private static final double SMALL_IMAGE = 64;
    private static final DateTimeFormatter HOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final MimeViewerViewModel viewModel;
    private final TaskExecutor executor;
    private final FileChoosers files;
    /** Whether the message has problems that matter: the summary, the Problems tab and the layout follow it. */
    private final BooleanBinding problemsMatter;
    private final TreeView<PartNode> tree = new TreeView<>();
    private final Map<PartNode, TreeItem<PartNode>> items = new HashMap<>();
    private final StyleClassedTextArea raw = new StyleClassedTextArea(false);
    private final TabPane details = new TabPane();
    private final Label bodyNote = new Label();
    /** A text part's decoded text: up to half a megabyte, so a virtual text area, its document made off the UI thread. */
    private final StyleClassedTextArea bodyText = new StyleClassedTextArea(false);
    private final VirtualizedScrollPane<StyleClassedTextArea> bodyTextPane = new VirtualizedScrollPane<>(bodyText);
    private long bodyDocument;
    private final ImageView image = new ImageView();
    private final ScrollPane imagePane = new ScrollPane(image);
    private final Label bodyPlaceholder = new Label();
    private final StackPane bodyContent = new StackPane();
    private final ToggleButton render = new ToggleButton("Render");
    private PartBody.Text shownText;
    private WebView page;
    private long rawDocument;
    /** The styles the raw source's document has now, to restyle only what a new selection changes. */
    private StyleSpans<Collection<String>> rawStyles;
    private long picture;

    public MimeViewerView(MimeViewerViewModel viewModel, TaskExecutor executor, FileChoosers files) {
        this.viewModel = viewModel;
        this.executor = executor;
        this.files = files;
        this.problemsMatter = Bindings.createBooleanBinding(() -> hasProblems(viewModel.problems()), viewModel.problems());
        getStyleClass().add("mime-viewer");

        setTop(heading());
        SplitPane left = new SplitPane(treePane(), problemsAndAuthentication());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.66);
        // a message with problems gives them the room: the part tree of most messages needs a few rows only
        problemsMatter.addListener((observable, old, matter) -> left.setDividerPositions(matter ? 0.4 : 0.66));
        SplitPane right = new SplitPane(detailsPane(), rawPane());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);
        SplitPane columns = new SplitPane(left, right);
        columns.setId("mime-columns");
        columns.setDividerPositions(0.42);
        SplitPane.setResizableWithParent(left, false);
        setCenter(columns);

        viewModel.analysisProperty().addListener((observable, old, analysis) -> buildTree(analysis));
        viewModel.selectedPartProperty().addListener((observable, old, part) -> {
            TreeItem<PartNode> item = items.get(part);
            if (item != null && tree.getSelectionModel().getSelectedItem() != item) {
                tree.getSelectionModel().select(item);
                tree.scrollTo(tree.getRow(item));
            }
            highlight();
        });
        viewModel.selectedHeaderProperty().addListener((observable, old, field) -> highlight());
        viewModel.selectedProblemProperty().addListener((observable, old, problem) -> highlight());
        viewModel.selectedRangeProperty().addListener((observable, old, range) -> highlight());
        viewModel.rawTextProperty().addListener((observable, old, text) -> showRaw(text));
        viewModel.bodyProperty().addListener((observable, old, body) -> showBody(body));
        buildTree(viewModel.analysisProperty().get());
        showRaw(viewModel.rawTextProperty().get());
        showBody(viewModel.bodyProperty().get());
    }

    public MimeViewerViewModel viewModel() {
        return viewModel;
    }

    /** The style class of the summary of a message with problems that matter (errors or warnings). */
    static final String HAS_PROBLEMS = "has-problems";

    /** Whether any of the problems is an error or a warning: information alone is no cause for alarm. */
    private static boolean hasProblems(List<Problem> problems) {
        return problems.stream().anyMatch(problem -> problem.severity() != Severity.INFO);
    }

    private Node heading() {
        Label title = styled(new Label(), "mime-title");
        title.setId("mime-title");
        title.textProperty().bind(viewModel.titleProperty());
        Label summary = styled(new Label(), "mime-summary");
        summary.setId("mime-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        for (Label shrinking : new Label[] {title, summary}) {
            shrinking.setWrapText(true);   // a narrow viewer puts the words on a second line rather than cut them
            shrinking.setMinHeight(Region.USE_PREF_SIZE);
        }
        // a message with problems says so in the warning colour, before the problems pane is looked at
        problemsMatter.addListener((observable, old, matter) ->
                StyleClasses.keepOnly(summary.getStyleClass(), matter ? HAS_PROBLEMS : null, HAS_PROBLEMS));
        Label status = styled(new Label(), "mime-status");
        status.setId("mime-status");
        status.textProperty().bind(viewModel.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(title, summary, gap, status);
        heading.getStyleClass().add("mime-heading");
        // a file that is no message at all says so before its problems (a PNG breaks dozens of rules)
        Label verdict = styled(new Label(), "mime-verdict");
        verdict.setId("mime-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(viewModel.notAMessageProperty());
        verdict.visibleProperty().bind(viewModel.notAMessageProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        return new VBox(heading, verdict);
    }

    // ---- part tree ----

    private Node treePane() {
        tree.setId("mime-tree");
        tree.getStyleClass().add("mime-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new TreeCell<>() {
            @Override
            protected void updateItem(PartNode part, boolean empty) {
                super.updateItem(part, empty);
                // its classes change only when its part's kind does (StyleClasses)
                StyleClasses.keepOnly(getStyleClass(), empty || part == null ? null
                        : !part.isLeaf() ? "part-composite" : part.isAttachment() ? "part-attachment" : null,
                        "part-composite", "part-attachment");
                if (empty || part == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(PartDescriptions.label(part));
                // a narrow tree shows the whole label on two lines rather than cut it: the cell takes the tree's
                // width (no wider preference of its own), and wraps within it
                setWrapText(true);
                setPrefWidth(0);
                if (getTooltip() == null || !getText().equals(getTooltip().getText())) {
                    setTooltip(new Tooltip(getText()));
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((observable, old, item) -> {
            if (item != null && item.getValue() != viewModel.selectedPartProperty().get()) {
                viewModel.selectedPartProperty().set(item.getValue());
            }
        });
        Label placeholder = styled(new Label(), "mime-tree-placeholder");
        placeholder.textProperty().bind(Bindings.when(viewModel.loadingProperty())
                .then("Reading the message…").otherwise(""));
        placeholder.visibleProperty().bind(Bindings.isNull(tree.rootProperty()));
        return titled("Parts", new StackPane(tree, placeholder));
    }

    private void buildTree(MessageAnalysis analysis) {
        items.clear();
        if (analysis == null) {
            tree.setRoot(null);
            return;
        }
        tree.setRoot(item(analysis.root()));
        PartNode selected = viewModel.selectedPartProperty().get();
        if (selected != null && items.containsKey(selected)) {
            tree.getSelectionModel().select(items.get(selected));
        }
    }

    private TreeItem<PartNode> item(PartNode part) {
        TreeItem<PartNode> item = new TreeItem<>(part);
        item.setExpanded(true);
        items.put(part, item);
        for (PartNode child : part.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    // ---- problems ----

    private Node problemsPane() {
        ListView<Problem> list = new ListView<>(viewModel.problems());
        list.setId("mime-problems");
        list.getStyleClass().add("mime-problems");
        list.setPlaceholder(wrapping(styled(new Label("No problems found."), "mime-placeholder")));
        list.setCellFactory(view -> new ListCell<>() {
            {
                // a problem's sentence wraps to the list's width: cut, its end (often the point) was lost
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Problem problem, boolean empty) {
                super.updateItem(problem, empty);
                StyleClasses.keepOnly(getStyleClass(), empty || problem == null ? null
                        : "problem-" + problem.severity().name().toLowerCase(Locale.ROOT),
                        "problem-error", "problem-warning", "problem-info");
                if (empty || problem == null) {
                    setText(null);
                    return;
                }
                setText(problem.severity().name().toLowerCase(Locale.ROOT) + " · " + problem.where() + "\n"
                        + problem.message() + " (" + problem.kind().rule() + ")");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, problem) -> {
            if (problem != null) {
                viewModel.selectProblem(problem);
            }
        });
        Label title = wrapping(styled(new Label(), "mime-section-title"));
        title.textProperty().bind(Bindings.size(viewModel.problems()).asString("Problems (%d)"));
        VBox box = new VBox(title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("mime-section");
        return box;
    }

    /** The problems and, beside them in a tab of their own, the message's authentication (DKIM, ARC, …). */
    private Node problemsAndAuthentication() {
        Tab problems = new Tab("Problems", problemsPane());
        problems.setId("mime-problems-tab");
        problems.textProperty().bind(Bindings.createStringBinding(() -> viewModel.problems().isEmpty() ? "Problems"
                : "Problems (" + viewModel.problems().size() + ")", viewModel.problems()));
        problemsMatter.addListener((observable, old, matter) ->
                StyleClasses.keepOnly(problems.getStyleClass(), matter ? "problems-tab-found" : null, "problems-tab-found"));
        Tab authentication = new Tab("Authentication",
                new AuthenticationView(viewModel.authentication(), viewModel::selectRange));
        authentication.setId("mime-authentication-tab");
        authentication.textProperty().bind(Bindings.createStringBinding(
                () -> AuthenticationViewModel.title(viewModel.authentication().reportProperty().get()),
                viewModel.authentication().reportProperty()));
        viewModel.authentication().reportProperty().addListener((observable, old, report) -> {
            StyleClasses.keepOnly(authentication.getStyleClass(), AuthenticationViewModel.fails(report)
                    ? "auth-tab-fails" : null, "auth-tab-fails");
            authentication.setTooltip(new Tooltip(AuthenticationViewModel.description(report)));
        });
        TabPane tabs = new TabPane(problems, authentication);
        tabs.setId("mime-lower-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    // ---- body, headers, hops ----

    private Node detailsPane() {
        details.setId("mime-details");
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab headersTab = new Tab("Headers", headersTable());
        headersTab.setId("mime-headers-tab");
        Tab bodyTab = new Tab("Body", bodyPane());
        bodyTab.setId("mime-body-tab");
        Tab hopsTab = new Tab("Received", hopsTable());
        hopsTab.setId("mime-hops-tab");
        hopsTab.textProperty().bind(Bindings.size(viewModel.hops()).asString("Received (%d)"));
        details.getTabs().setAll(headersTab, bodyTab, hopsTab);
        return details;
    }

    private Node bodyPane() {
        bodyNote.setId("mime-body-note");
        bodyNote.getStyleClass().add("mime-body-note");
        bodyNote.setWrapText(true);
        bodyNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bodyNote, Priority.ALWAYS);
        Button save = new Button("Save Part…");
        save.setId("mime-save");
        BooleanBinding cannotSave = Bindings.createBooleanBinding(() -> !viewModel.canSaveSelected(),
                viewModel.selectedPartProperty(), viewModel.loadingProperty());
        save.disableProperty().bind(cannotSave.or(viewModel.savingProperty()));
        save.setOnAction(event -> save());
        render.setId("mime-render-html");
        render.setTooltip(new Tooltip("Draws the HTML with scripts, forms and every remote "
                + "load blocked: nothing tells the sender the message was read"));
        render.setVisible(false);
        render.managedProperty().bind(render.visibleProperty());
        render.selectedProperty().addListener((observable, old, on) -> showHtml(on));
        HBox bar = new HBox(bodyNote, render, save);
        bar.getStyleClass().add("mime-body-bar");

        bodyText.setId("mime-body-text");
        bodyText.getStyleClass().add("mime-body-text");
        bodyText.setEditable(false);
        bodyText.setWrapText(true);
        bodyText.setUndoManager(UndoUtils.noOpUndoManager());
        image.setId("mime-body-image");
        image.setPreserveRatio(true);
        imagePane.getStyleClass().add("mime-body-image");
        bodyPlaceholder.setId("mime-body-placeholder");
        bodyPlaceholder.getStyleClass().add("mime-placeholder");
        bodyPlaceholder.setWrapText(true);
        bodyContent.getChildren().setAll(bodyPlaceholder);
        VBox box = new VBox(bar, bodyContent);
        VBox.setVgrow(bodyContent, Priority.ALWAYS);
        box.getStyleClass().add("mime-body");
        return box;
    }

    private void save() {
        PartNode part = viewModel.selectedPartProperty().get();
        if (part == null || getScene() == null) {
            return;
        }
        files.saveFile(getScene().getWindow(), "Save Part " + part.label(), viewModel.suggestedFileName(),
                PartDescriptions.extension(part)).ifPresent(viewModel::saveSelected);
    }

    private void showBody(PartBody body) {
        picture++;
        long textRequest = ++bodyDocument;
        image.setImage(null);
        shownText = body instanceof PartBody.Text text && text.html() ? text : null;
        render.setSelected(false);
        render.setVisible(shownText != null);
        if (body instanceof PartBody.Text text) {
            bodyNote.setText((text.html() ? "HTML, shown as its source (Render draws it, with scripts, forms and "
                    + "every remote load blocked). " : "Text, ") + "decoded as " + text.charsetNote()
                    + (text.truncated() ? ". Only the first " + PartDescriptions.size(MimeViewerViewModel.TEXT_PREVIEW_BYTES)
                    + " are shown: save the part for all of it." : "."));
            bodyText.clear();
            bodyContent.getChildren().setAll(bodyTextPane);
            executor.execute(BackgroundTask.of(() -> ReadOnlyStyledDocument.fromString(text.text(), NO_STYLE, NO_STYLE,
                            SegmentOps.<Collection<String>>styledTextOps()))
                    .onSuccess(document -> {
                        if (textRequest == bodyDocument) {
                            bodyText.replace(document);
                            bodyText.moveTo(0);
                            bodyText.requestFollowCaret();
                        }
                    }));
        } else if (body instanceof PartBody.Picture pictureBody) {
            bodyNote.setText(pictureBody.contentType() + ", " + PartDescriptions.size(pictureBody.bytes().length)
                    + " decoded.");
            bodyContent.getChildren().setAll(imagePane);
            long request = picture;
            executor.execute(BackgroundTask.of(() -> new Image(new ByteArrayInputStream(pictureBody.bytes())))
                    .onSuccess(drawn -> {
                        if (request != picture) {
                            return;
                        }
                        if (drawn.isError()) {
                            placeholder("This image could not be drawn: " + drawn.getException());
                        } else {
                            showImage(drawn, pictureBody);
                        }
                    }));
        } else {
            bodyNote.setText("");
            if (body instanceof PartBody.Composite composite) {
                placeholder(composite.description());
            } else if (body instanceof PartBody.Opaque opaque) {
                placeholder(opaque.description());
            } else {
                placeholder(viewModel.analysisProperty().get() == null ? "" : "Decoding…");
            }
        }
    }

    /**
     * Draws the HTML part shown, cleaned off the UI thread ({@link SafeHtml}), in a web view with JavaScript
     * off and no pop-ups; or goes back to its source. The web view is made the first time it is needed.
     */
    private void showHtml(boolean on) {
        PartBody.Text text = shownText;
        if (text == null) {
            return;
        }
        if (!on) {
            bodyContent.getChildren().setAll(bodyTextPane);
            return;
        }
        MessageAnalysis analysis = viewModel.analysisProperty().get();
        executor.execute(BackgroundTask.of(() -> MimeViewerViewModel.safePage(analysis, text.text())).onSuccess(clean -> {
            if (shownText != text || !render.isSelected()) {
                return;
            }
            if (page == null) {
                page = new WebView();
                page.setId("mime-body-html");
                page.getEngine().setJavaScriptEnabled(false);
                page.getEngine().setCreatePopupHandler(features -> null);
                page.setContextMenuEnabled(false);
            }
            page.getEngine().loadContent(clean, "text/html");
            bodyContent.getChildren().setAll(page);
        }));
    }

    /** Draws the image; a tiny one (an icon, a tracking pixel) enlarged by a whole factor, without smoothing. */
    private void showImage(Image drawn, PartBody.Picture body) {
        int factor = drawn.getWidth() > 0 && drawn.getWidth() < SMALL_IMAGE
                ? (int) Math.ceil(SMALL_IMAGE / Math.max(drawn.getWidth(), drawn.getHeight())) : 1;
        image.setSmooth(factor == 1);
        image.setFitWidth(drawn.getWidth() * factor);
        image.setFitHeight(drawn.getHeight() * factor);
        image.setImage(drawn);
        bodyNote.setText(body.contentType() + ", " + (int) drawn.getWidth() + " × " + (int) drawn.getHeight()
                + " pixels, " + PartDescriptions.size(body.bytes().length) + " decoded"
                + (factor > 1 ? "; shown " + factor + " times enlarged." : "."));
    }

    private void placeholder(String text) {
        bodyPlaceholder.setText(text);
        bodyContent.getChildren().setAll(bodyPlaceholder);
    }

    private Node headersTable() {
        TableView<HeaderRow> table = new TableView<>(viewModel.headers());
        table.setId("mime-headers");
        table.getStyleClass().add("mime-headers");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(styled(new Label("No header fields."), "mime-placeholder"));
        TableColumn<HeaderRow, Object> section = column("Section", HeaderRow::section, 11);
        TableColumn<HeaderRow, Object> decoded = column("Decoded", HeaderRow::decoded, 26);
        TableColumn<HeaderRow, Object> raw = column("Raw", HeaderRow::raw, 30);
        // a value cut by its column is whole in its cell's tooltip; the field's name keeps the row's, what it is for
        decoded.setCellFactory(view -> wholeTextCell());
        raw.setCellFactory(view -> wholeTextCell());
        table.getColumns().setAll(List.of(
                column("#", HeaderRow::number, 2.5),
                section,
                column("Field", HeaderRow::name, 12),
                decoded,
                raw));
        // the section matters only when a message part shows its own fields and the embedded message's
        section.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.headers().stream().map(HeaderRow::section).distinct().count() > 1, viewModel.headers()));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) ->
                viewModel.selectedHeaderProperty().set(row));
        viewModel.selectedHeaderProperty().addListener((observable, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(HeaderRow row, boolean empty) {
                super.updateItem(row, empty);
                StyleClasses.keepOnly(getStyleClass(), empty || row == null ? null
                        : !row.wellFormed() ? "malformed-field" : row.encoded() ? "encoded-field" : null,
                        "encoded-field", "malformed-field");
                setTooltip(empty || row == null ? null : new Tooltip(viewModel.explainHeader(row.name())));
            }
        });
        // what the selected field is for, under the table: the catalogue's sentence with its RFC
        Label explanation = styled(new Label(), "mime-header-explanation");
        explanation.setId("mime-header-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.textProperty().bind(Bindings.when(viewModel.headerExplanationProperty().isEmpty())
                .then("Select a header field to read what it is for.")
                .otherwise(viewModel.headerExplanationProperty()));
        VBox box = new VBox(table, explanation);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private Node hopsTable() {
        TableView<ReceivedHop> table = new TableView<>(viewModel.hops());
        table.setId("mime-hops");
        table.getStyleClass().add("mime-hops");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(styled(new Label("No Received fields in this header section."), "mime-placeholder"));
        TableColumn<ReceivedHop, Object> number = new TableColumn<>("#");
        number.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : Integer.toString(getIndex() + 1));
            }
        });
        number.setPrefWidth(36);
        number.setMinWidth(36);
        // wide enough for "2024-10-01 10:00:02 UTC" and "+10 min 5 s" in the table's monospace
        List<TableColumn<ReceivedHop, Object>> columns = List.of(
                column("Time", MimeViewerView::hopTime, 16.5),
                column("Delay", hop -> delay(hop.delay()), 8),
                column("From", hop -> orDash(hop.from()), 16),
                column("By", hop -> orDash(hop.by()), 14),
                column("With", hop -> orDash(hop.with()), 6),
                column("For", hop -> orDash(hop.recipient()), 10));
        // the time is read whole or not at all: its column does not shrink below it (the table scrolls sideways)
        columns.get(0).setMinWidth(columns.get(0).getPrefWidth());
        // a narrow window still cuts host names: each cell's tooltip holds its whole text
        columns.forEach(column -> column.setCellFactory(view -> wholeTextCell()));
        table.getColumns().setAll(number);
        table.getColumns().addAll(columns);
        return table;
    }

    /** A table cell whose tooltip holds its whole text, for the values a narrow column cuts. */
    private static <S> TableCell<S, Object> wholeTextCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : item.toString();
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        };
    }

    static String hopTime(ReceivedHop hop) {
        if (hop.timestamp() != null) {
            return HOP_TIME.format(hop.timestamp());
        }
        return hop.dateText() == null ? "(no time stamp)" : "unreadable: " + hop.dateText();
    }

    static String delay(Duration delay) {
        return delay == null ? "" : ReceivedTimeline.describe(delay);
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }

    private static <S> TableColumn<S, Object> column(String title, Function<S, Object> value, double ems) {
        TableColumn<S, Object> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(ems * 12);
        // a column narrower than a short word shows nothing of it: the table scrolls sideways instead
        column.setMinWidth(Math.min(ems, 8) * 12);
        return column;
    }

    // ---- raw source ----

    private Node rawPane() {
        raw.setId("mime-raw");
        raw.getStyleClass().add("mime-raw");
        raw.setEditable(false);
        // read-only: no undo history, which would otherwise keep a copy of every window of source shown
        raw.setUndoManager(UndoUtils.noOpUndoManager());
        Label heading = styled(new Label(), "mime-raw-heading");
        heading.setId("mime-raw-heading");
        heading.textProperty().bind(viewModel.rawHeadingProperty());
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        CheckBox marks = new CheckBox("Show line endings and 8-bit bytes");
        marks.setId("mime-show-marks");
        marks.selectedProperty().bindBidirectional(viewModel.showMarksProperty());
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        marks.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(heading, marks);
        bar.getStyleClass().add("mime-raw-bar");
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(raw);
        VBox box = new VBox(bar, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.getStyleClass().add("mime-section");
        return box;
    }

    /**
     * Lays the text out and styles it off the UI thread (it may be a megabyte), then shows it: the UI thread only
     * swaps the document in, and scrolls to the selection.
     */
    private void showRaw(RawSourceText text) {
        long request = ++rawDocument;
        if (text == null) {
            raw.clear();
            rawStyles = null;
            return;
        }
        StyleSpans<Collection<String>> styles = viewModel.rawStyles();
        executor.execute(BackgroundTask.of(() -> RawSourceDocument.of(text.text(), styles))
                .onSuccess(document -> {
                    if (request == rawDocument) {
                        raw.replace(document);
                        rawStyles = styles;
                        highlight();
                    }
                })
                .onFailure(e -> {
                    if (request == rawDocument) { // shown unstyled rather than not at all
                        raw.replaceText(text.text());
                        rawStyles = null;
                        highlight();
                    }
                }));
    }

    /**
     * Styles the selected part's bytes in the raw source, restyling only what changed, and scrolls them into view.
     * While a selection's own window of the source is still being read, the one shown is left as it is.
     */
    private void highlight() {
        RawSourceText text = viewModel.rawTextProperty().get();
        if (text == null || raw.getLength() != text.text().length() || !viewModel.rawShowsSelection()) {
            return; // the text is still being laid out, or another window is coming; highlighted when it is shown
        }
        StyleSpans<Collection<String>> styles = viewModel.rawStyles();
        int[] changed = StyleChange.between(rawStyles, styles);
        if (changed != null) {
            raw.setStyleSpans(changed[0], styles.subView(changed[0], changed[1]));
        }
        rawStyles = styles;
        int start = Math.min(viewModel.selectionStartInRaw(), raw.getLength());
        raw.moveTo(start);
        raw.showParagraphAtTop(raw.offsetToPosition(start, TwoDimensional.Bias.Forward).getMajor());
    }

    private static Node titled(String title, Node content) {
        Label label = wrapping(styled(new Label(title), "mime-section-title"));
        VBox box = new VBox(label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("mime-section");
        return box;
    }

    /** A label that takes more lines where it is narrow, rather than end in an ellipsis. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
