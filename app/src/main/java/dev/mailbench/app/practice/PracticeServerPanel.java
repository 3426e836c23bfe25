package dev.mailbench.app.practice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.server.Personality;
import dev.mailbench.store.StoredMessage;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Font;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import org.controlsfx.control.ToggleSwitch;

/**
 * Beside the sessions: the embedded practice server. Where it listens (start, stop, other ports when the
 * usual ones are taken), the classroom accounts with their mailboxes (open a message), its personality and
 * faults, and the server's own transcript of each connection.
 */
public final class PracticeServerPanel extends BorderPane {

    private static final DateTimeFormatter DELIVERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final List<Integer> TEMPORARY_FAILURES = List.of(0, 451, 452);

    private final PracticeServerViewModel viewModel;
    private final TaskExecutor executor;
    private final Consumer<RetrievedMessage> viewer;
    private final StackPane serverTranscript = new StackPane();
    private final Map<ServerConnection, TranscriptPane> panes = new HashMap<>();
    /** A column's width in ems, kept in its properties. */
    private static final String EMS = "practice-column-ems";
    /** The panel's summary line, whose font (the theme's, zoomed) sizes the table's columns. */
    private final Label summaryFont = new Label();

    public PracticeServerPanel(PracticeServerViewModel viewModel, TaskExecutor executor, Consumer<RetrievedMessage> viewer) {
        this.viewModel = viewModel;
        this.executor = executor;
        this.viewer = viewer;
        setId("practice-panel");
        getStyleClass().add("practice-panel");

        TabPane sections = new TabPane(
                tab("Mailboxes", "practice-tab-mailboxes", mailboxes()),
                tab("Faults", "practice-tab-faults", fitToWidth(new ScrollPane(faults()))),
                tab("Connections", "practice-tab-connections", connections()));
        sections.setId("practice-sections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the Class tab, first and chosen, while the server serves a class
        Tab classTab = tab("Class", "practice-tab-class", new ClassPanel(viewModel.classView()));
        viewModel.classView().activeProperty().addListener((observable, old, now) -> showClassTab(sections, classTab, now));
        showClassTab(sections, classTab, viewModel.classView().activeProperty().get());
        setTop(header());
        setCenter(sections);
    }

    public PracticeServerViewModel viewModel() {
        return viewModel;
    }

    private VBox header() {
        Label heading = new Label("Practice server");
        heading.getStyleClass().add("practice-heading");
        Label summary = summaryFont;
        summary.setId("practice-summary");
        summary.getStyleClass().add("practice-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label problem = new Label();
        problem.setId("practice-problem");
        problem.getStyleClass().add("practice-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        var stopped = viewModel.statusProperty().isEqualTo(PracticeServerViewModel.Status.STOPPED);
        TextField smtp = portField("practice-smtp-port", viewModel.smtpPortProperty());
        TextField pop3 = portField("practice-pop3-port", viewModel.pop3PortProperty());
        smtp.disableProperty().bind(stopped.not());
        pop3.disableProperty().bind(stopped.not());
        Button start = new Button("Start");
        start.setId("practice-start");
        start.disableProperty().bind(stopped.not());
        start.setOnAction(event -> viewModel.start());
        smtp.setOnAction(event -> viewModel.start());
        pop3.setOnAction(event -> viewModel.start());
        Button stop = new Button("Stop");
        stop.setId("practice-stop");
        stop.disableProperty().bind(viewModel.statusProperty().isNotEqualTo(PracticeServerViewModel.Status.RUNNING));
        stop.setOnAction(event -> {
            if (confirmStop()) {
                viewModel.stop();
            }
        });
        Button free = new Button("Use Free Ports");
        free.setId("practice-free-ports");
        free.visibleProperty().bind(stopped.and(problem.visibleProperty()));
        free.managedProperty().bind(free.visibleProperty());
        free.setOnAction(event -> viewModel.startOnFreePorts());

        FlowPane ports = new FlowPane(port(new Label("SMTP port"), smtp), port(new Label("POP3 port"), pop3));
        ports.getStyleClass().add("practice-ports");
        FlowPane actions = new FlowPane(fixed(start), fixed(stop), fixed(free));
        actions.getStyleClass().add("practice-ports");
        VBox header = new VBox(heading, summary, ports, actions, problem);
        header.getStyleClass().add("practice-header");
        return header;
    }

    /**
     * Whether to stop: at once while nobody is connected, else only when the user says so, for a Stop cuts every
     * open connection (a stray Space on the button must not end a class's sessions). Keeping it running is the default.
     */
    private boolean confirmStop() {
        int open = viewModel.openConnections();
        if (open == 0) {
            return true;
        }
        ButtonType stop = new ButtonType("Stop the Server", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep Running", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", keep, stop);
        alert.setTitle("Stop the practice server?");
        alert.setHeaderText("Stop the practice server?");
        alert.setContentText((open == 1 ? "1 connection is" : open + " connections are")
                + " open to it. Stopping closes " + (open == 1 ? "it" : "them") + " at once; the mailboxes stay on disk.");
        alert.getDialogPane().setId("practice-stop-confirmation");
        ((Button) alert.getDialogPane().lookupButton(stop)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        return alert.showAndWait().filter(stop::equals).isPresent();
    }

    /** A pane that scrolls down only: its content wraps to the panel's width. */
    private static ScrollPane fitToWidth(ScrollPane scroll) {
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private static boolean onThumb(Node picked, ToggleSwitch toggle) {
        for (Node node = picked; node != null && node != toggle; node = node.getParent()) {
            if (node.getStyleClass().contains("thumb") || node.getStyleClass().contains("thumb-area")) {
                return true;
            }
        }
        return false;
    }

    /** A setting's name and its control on one row, the name wrapping where the panel is narrow. */
    private static HBox setting(Label name, Node control) {
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(name, control);
        line.getStyleClass().add("practice-fault");
        return line;
    }

    /** A label that takes a second line where the panel is narrow. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setHgrow(label, Priority.ALWAYS);
        return label;
    }

    /** What an empty table or list says, wrapped to its width. */
    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("practice-placeholder");
        return label;
    }

    /** A port's label and field, kept together on one row. */
    private static HBox port(Label label, TextField field) {
        HBox port = new HBox(fixed(label), field);
        port.getStyleClass().add("practice-port");
        return port;
    }

    /** A control that keeps its whole text when the panel is narrow. */
    private static <T extends Control> T fixed(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    private static TextField portField(String id, StringProperty port) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        field.textProperty().bindBidirectional(port);
        field.setPromptText("port");
        return field;
    }

    private VBox mailboxes() {
        TableView<MailboxRow> table = new TableView<>(viewModel.mailboxes());
        table.setId("practice-mailboxes");
        // columns share the table's width, each at least as wide as its header's word at the panel's font size (it
        // grows with the theme and the zoom): no header is cut, and the table scrolls sideways only where the panel
        // is narrower than the headers together
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // as wide as the panel gives it, not the columns' preferred widths together (which the panel would clip)
        table.setPrefWidth(0);
        table.setPlaceholder(placeholder("The mailboxes show once the server runs."));
        table.getColumns().add(column("User", 5, row -> row.user()));
        table.getColumns().add(column("Password", 8, row -> row.password().isEmpty() ? "(hashed only)" : row.password()));
        table.getColumns().add(column("Messages", 6.5, row -> Integer.toString(row.messages().size())));
        table.getColumns().add(column("Octets", 5, row -> String.format(Locale.ROOT, "%,d", row.octets())));
        table.getColumns().forEach(column -> {
            column.prefWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> (double) column.getProperties().get(EMS) * summaryFont.getFont().getSize(), summaryFont.fontProperty()));
            column.minWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> headerWidth(column.getText(), summaryFont.getFont()), summaryFont.fontProperty()));
        });
        table.getStyleClass().add("practice-mailboxes");   // its height is set in em, so it grows with the zoom

        ListView<MailboxMessage> messages = new ListView<>();
        messages.setId("practice-messages");
        messages.setPlaceholder(placeholder("Choose a user to see the messages in the mailbox."));
        messages.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MailboxMessage message, boolean empty) {
                super.updateItem(message, empty);
                if (empty || message == null) {
                    setText(null);
                    return;
                }
                StoredMessage stored = message.stored();
                String subject = message.summary().subject().isEmpty() ? "(no subject)" : message.summary().subject();
                setText("#" + (getIndex() + 1) + "  " + subject + "\n      " + message.summary().from() + "  ·  "
                        + String.format(Locale.ROOT, "%,d", stored.sizeOctets()) + " octets  ·  "
                        + DELIVERED.format(stored.deliveredAt()));
            }
        });
        Runnable showMessages = () -> {
            MailboxRow row = table.getSelectionModel().getSelectedItem();
            messages.getItems().setAll(row == null ? List.of() : row.messages());
        };
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> showMessages.run());
        viewModel.mailboxes().addListener((ListChangeListener<MailboxRow>) change -> {
            // the table keeps the selected user across a refresh
            String user = messagesUser(messages);
            if (user != null) {
                viewModel.mailboxes().stream().filter(row -> row.user().equals(user)).findFirst()
                        .ifPresent(row -> table.getSelectionModel().select(row));
            }
            showMessages.run();
        });

        Button open = new Button("Open Message");
        open.setId("practice-open-message");
        open.disableProperty().bind(messages.getSelectionModel().selectedItemProperty().isNull());
        Runnable openSelected = () -> {
            MailboxMessage message = messages.getSelectionModel().getSelectedItem();
            if (message != null) {
                viewModel.open(message.stored(), messages.getSelectionModel().getSelectedIndex() + 1, viewer);
            }
        };
        open.setOnAction(event -> openSelected.run());
        messages.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                openSelected.run();
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("practice-refresh");
        refresh.setOnAction(event -> viewModel.refreshMailboxes());

        Label secrets = new Label("These accounts keep their passwords recoverable, because APOP and CRAM-MD5 need "
                + "the clear secret on the server: that is why it can be shown here. An account stored as a hash only "
                + "is safer, and cannot use those two mechanisms. Mail to other domains is held in relay-outbox, "
                + "never sent.");
        secrets.setId("practice-secrets-note");
        secrets.getStyleClass().add("practice-note");
        secrets.setWrapText(true);
        secrets.setMinHeight(Region.USE_PREF_SIZE);

        VBox box = new VBox(table, new HBox(open, refresh), messages, secrets);
        box.getStyleClass().add("practice-section");
        VBox.setVgrow(messages, Priority.ALWAYS);
        return box;
    }

    /** The width a column header needs for its word whole: the word in bold at {@code font}'s size, and its padding. */
    private static double headerWidth(String title, Font font) {
        Text word = new Text(title);
        word.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        return Math.ceil(word.getLayoutBounds().getWidth() + HEADER_PADDING_EMS * font.getSize());
    }

    /** A column header's padding and borders, both sides (modena: 0.17 em each side), with a little to spare. */
    private static final double HEADER_PADDING_EMS = 0.6;

    private static String messagesUser(ListView<MailboxMessage> messages) {
        return messages.getItems().isEmpty() ? null : messages.getItems().get(0).stored().user();
    }

    private static TableColumn<MailboxRow, String> column(String title, double ems, Function<MailboxRow, String> value) {
        TableColumn<MailboxRow, String> column = new TableColumn<>(title);
        column.getProperties().put(EMS, ems);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private GridPane faults() {
        GridPane grid = new GridPane();
        grid.setId("practice-faults");
        grid.getStyleClass().addAll("practice-section", "practice-faults");
        int row = 0;

        ChoiceBox<String> personality = new ChoiceBox<>();
        personality.setId("practice-personality");
        personality.getItems().setAll(Personality.BUILT_IN);
        // each personality's name read once, not from its resource file every time the box draws a label
        Map<String, String> names = new HashMap<>();
        Personality.BUILT_IN.forEach(id -> names.put(id, Personality.load(id).displayName()));
        personality.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : names.getOrDefault(id, id);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        personality.valueProperty().bindBidirectional(viewModel.personalityProperty());
        personality.setMinWidth(Region.USE_PREF_SIZE);   // the label beside it wraps instead
        grid.add(setting(wrapping(new Label("Personality")), personality), 0, row++, 2, 1);

        Spinner<Integer> delay = new Spinner<>(0, PracticeServerViewModel.MAX_REPLY_DELAY_SECONDS, 0);
        delay.setId("practice-reply-delay");
        delay.setEditable(true);
        delay.setPrefWidth(90);
        delay.valueProperty().addListener((observable, old, now) -> viewModel.replyDelaySecondsProperty().set(now));
        viewModel.replyDelaySecondsProperty().addListener((observable, old, now) -> delay.getValueFactory().setValue(now.intValue()));
        delay.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(setting(wrapping(new Label("Delay every reply (s)")), delay), 0, row++, 2, 1);

        grid.add(setting(wrapping(new Label("RCPT fails with")), temporaryFailure("practice-rcpt-failure", viewModel.rcptFailureProperty())), 0, row++, 2, 1);
        grid.add(setting(wrapping(new Label("DATA fails with")), temporaryFailure("practice-data-failure", viewModel.dataFailureProperty())), 0, row++, 2, 1);

        row = fault(grid, row, "practice-greylisting", "Greylisting: first attempt gets 450 4.7.1, a retry is accepted",
                viewModel.greylistingProperty());
        row = fault(grid, row, "practice-refuse", "Refuse new connections (421, -ERR [SYS/TEMP])",
                viewModel.refuseConnectionsProperty());
        row = fault(grid, row, "practice-drop-mid-data", "Drop the connection in the middle of DATA",
                viewModel.dropMidDataProperty());
        row = fault(grid, row, "practice-pop3-login-failure", "POP3 logins fail with -ERR [SYS/TEMP]",
                viewModel.pop3LoginFailureProperty());

        row = fault(grid, row, "practice-smtp-after-pop", "SMTP after POP: a POP3 login lets its address relay without"
                + " AUTH for a few minutes (not a fault: All Faults Off leaves it)", viewModel.smtpAfterPopProperty());
        row = fault(grid, row, "practice-tls-for-auth", "Passwords only after STARTTLS / STLS: AUTH and USER/PASS are"
                + " refused in clear (538 5.7.11, -ERR [AUTH]); on by default beyond loopback (not a fault)",
                viewModel.requireTlsForAuthProperty());

        Button clear = new Button("All Faults Off");
        clear.setId("practice-faults-off");
        clear.setOnAction(event -> viewModel.faultsOff());
        grid.add(clear, 0, row++, 2, 1);
        Label note = new Label("Faults take effect at once, for connections already open too; the personality for "
                + "connections opened from now on.");
        note.getStyleClass().add("practice-note");
        note.setWrapText(true);
        grid.add(note, 0, row, 2, 1);
        return grid;
    }

    private static ChoiceBox<Integer> temporaryFailure(String id, IntegerProperty code) {
        ChoiceBox<Integer> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.getItems().setAll(TEMPORARY_FAILURES);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                if (value == null || value == 0) {
                    return "never";
                }
                return value == 451 ? "451 local error" : "452 insufficient storage";
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        choice.setValue(code.get());
        choice.valueProperty().addListener((observable, old, now) -> code.set(now == null ? 0 : now));
        code.addListener((observable, old, now) -> choice.setValue(now.intValue()));
        return choice;
    }

    /**
     * A fault as a switch at the right of its description: on or off, as a fault is, and the description wraps
     * in a narrow panel (a switch's own label would not). A click on the description flips the switch too.
     */
    private static int fault(GridPane grid, int row, String id, String text, BooleanProperty property) {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId(id);
        toggle.getStyleClass().add("practice-fault-switch");
        toggle.selectedProperty().bindBidirectional(property);
        toggle.setAccessibleText(text);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        // the switch's skin flips only on its thumb; a click anywhere on the switch flips it, as on a check box
        toggle.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (!onThumb(event.getPickResult().getIntersectedNode(), toggle)) {
                toggle.setSelected(!toggle.isSelected());
                event.consume();
            }
        });
        Label description = new Label(text);
        description.setWrapText(true);
        description.setLabelFor(toggle);
        description.setMinHeight(Region.USE_PREF_SIZE);
        description.setOnMouseClicked(event -> toggle.setSelected(!toggle.isSelected()));
        HBox.setHgrow(description, Priority.ALWAYS);
        description.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(description, toggle);
        line.getStyleClass().add("practice-fault");
        grid.add(line, 0, row, 2, 1);   // across both columns: the description has the panel's width to wrap in
        return row + 1;
    }

    private SplitPane connections() {
        ListView<ServerConnection> list = new ListView<>(viewModel.connections());
        list.setId("practice-connections");
        list.setPlaceholder(placeholder("Each connection to the practice server is listed here, with the server's "
                + "side of the dialogue."));
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null) {
                viewModel.selectedConnectionProperty().set(now);
            }
        });
        viewModel.selectedConnectionProperty().addListener((observable, old, now) -> {
            show(now);
            list.getSelectionModel().select(now);
        });
        viewModel.connections().addListener((ListChangeListener<ServerConnection>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(panes::remove);
            }
        });
        show(viewModel.selectedConnectionProperty().get());
        SplitPane split = new SplitPane(list, serverTranscript);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        return split;
    }

    /** Shows one connection's server-side transcript, in the same pane and colours as a session's. */
    private void show(ServerConnection connection) {
        if (connection == null) {
            serverTranscript.getChildren().setAll(new Label("No connection yet."));
            return;
        }
        // one pane per connection, kept while the connection is listed: a pane draws each line once
        TranscriptPane pane = panes.computeIfAbsent(connection, shown -> {
            TranscriptPane made = new TranscriptPane(shown.transcript(), executor, () -> { });
            made.lines().setId("server-transcript");
            return made;
        });
        serverTranscript.getChildren().setAll(pane);
    }

    private static void showClassTab(TabPane sections, Tab classTab, boolean shown) {
        if (shown && !sections.getTabs().contains(classTab)) {
            sections.getTabs().add(0, classTab);
            sections.getSelectionModel().select(classTab);
        } else if (!shown) {
            sections.getTabs().remove(classTab);
        }
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }
}
