package dev.mailbench.app.session;

import java.util.List;

import dev.mailbench.app.config.RecentHost;
import dev.mailbench.tls.TlsReport;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import dev.mailbench.app.keys.KeyHelp;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.scene.Node;

/**
 * Where to connect and how it is going: host (with the recent ones a click away), port, protocol, TLS
 * mode, Connect and Disconnect, the session's state in words, and while waiting for the server, how long
 * it has waited and a Cancel.
 */
public final class ConnectionBar extends VBox {

    /** The keys bound below, for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(
            new KeyHelp("Enter, Space on the TLS badge", "show the server's certificate"));

    /** Style class of the TLS badge when the certificate is not trusted or does not name the host. */
    public static final String UNTRUSTED = "untrusted";

    private final Label elapsed = new Label();

    public ConnectionBar(SessionViewModel session, ObservableList<RecentHost> recentHosts) {
        getStyleClass().add("connection-bar");

        TextField host = new TextField();
        host.setId("host");
        host.setPromptText("host");
        host.setPrefColumnCount(16);
        host.textProperty().bindBidirectional(session.hostProperty());

        MenuButton recent = new MenuButton("Recent");
        recent.setId("recent-hosts");
        fillRecent(recent, recentHosts, session);
        recentHosts.addListener((ListChangeListener<RecentHost>) change -> fillRecent(recent, recentHosts, session));

        TextField port = new TextField();
        port.setId("port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(session.portProperty());

        ChoiceBox<MailProtocol> protocol = new ChoiceBox<>();
        protocol.setId("protocol");
        protocol.getItems().setAll(MailProtocol.values());
        protocol.valueProperty().bindBidirectional(session.protocolProperty());

        ChoiceBox<TlsMode> tls = new ChoiceBox<>();
        tls.setId("tls-mode");
        tls.getItems().setAll(TlsMode.values());
        tls.setConverter(new TlsNames(session));
        tls.valueProperty().bindBidirectional(session.tlsModeProperty());
        // the STARTTLS item is called STLS for POP3: redraw the names when the protocol changes
        session.protocolProperty().addListener((observable, old, now) -> {
            TlsMode selected = tls.getValue();
            tls.getItems().setAll(TlsMode.values());
            tls.setValue(selected);
        });

        TextField replyTimeout = new TextField();
        replyTimeout.setId("reply-timeout");
        replyTimeout.setPrefColumnCount(3);
        replyTimeout.setTooltip(new Tooltip("How many seconds to wait for a reply before saying none came;"
                + " the connection stays open and a late reply still shows"));
        replyTimeout.textProperty().bindBidirectional(session.replyTimeoutProperty());
        Label replyTimeoutLabel = new Label("Reply timeout (s)");
        replyTimeoutLabel.setLabelFor(replyTimeout);

        // ControlsFX marks a host, port or timeout that cannot be used; Connect waits, and the bar says why
        InputValidation validation = new InputValidation()
                .check(host, SessionViewModel::hostProblem)
                .check(port, SessionViewModel::portProblem)
                .check(replyTimeout, SessionViewModel::replyTimeoutProblem);

        Button connect = new Button("Connect");
        connect.setId("connect");
        connect.setDefaultButton(false);
        connect.disableProperty().bind(session.connectedProperty().or(session.busyProperty())
                .or(Bindings.createBooleanBinding(() -> validation.invalid().get(), validation.invalid())));
        connect.setOnAction(event -> session.connect());
        // Enter in the host or port field connects, as in a browser's address bar
        host.setOnAction(event -> session.connect());
        port.setOnAction(event -> session.connect());
        replyTimeout.setOnAction(event -> session.connect());

        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnect");
        disconnect.disableProperty().bind(session.connectedProperty().not());
        disconnect.setOnAction(event -> session.disconnect());

        for (var field : new Node[] {host, recent, port, protocol, tls, replyTimeout}) {
            field.disableProperty().bind(session.connectedProperty().or(session.busyProperty()));
        }

        Label state = new Label();
        state.setId("session-state");
        state.getStyleClass().add("session-state");
        state.textProperty().bind(session.stateProperty());
        state.setWrapText(true);   // a long state on a narrow bar takes two lines, never an ellipsis
        state.setMinHeight(Region.USE_PREF_SIZE);
        Label secure = new Label("TLS");
        secure.setId("session-tls");
        secure.getStyleClass().add("session-tls");
        secure.visibleProperty().bind(session.tlsProperty());
        secure.managedProperty().bind(secure.visibleProperty());
        // "TLS" only when the certificate is trusted and names the host; otherwise the badge says what is wrong
        secure.textProperty().bind(Bindings.createStringBinding(() -> session.tlsWarningProperty().get().isEmpty()
                ? "TLS" : "TLS, " + session.tlsWarningProperty().get(), session.tlsWarningProperty()));
        session.tlsWarningProperty().addListener((observable, old, now) -> {
            secure.getStyleClass().remove(UNTRUSTED);
            if (!now.isEmpty()) {
                secure.getStyleClass().add(UNTRUSTED);
            }
        });
        secure.setTooltip(new Tooltip("Click to see the server's certificate"));
        secure.setFocusTraversable(true);
        secure.setOnMouseClicked(event -> showCertificate(session));
        secure.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                showCertificate(session);
            }
        });

        elapsed.setId("elapsed");
        elapsed.getStyleClass().add("elapsed");
        Label waiting = new Label();
        waiting.setId("busy-with");
        waiting.textProperty().bind(session.busyWithProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(event -> session.cancel());
        HBox busy = new HBox(waiting, elapsed, cancel);
        busy.getStyleClass().add("busy");
        busy.visibleProperty().bind(session.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Label invalid = new Label();
        invalid.setId("connection-invalid");
        invalid.getStyleClass().add("session-problem");
        invalid.setWrapText(true);
        invalid.textProperty().bind(validation.firstProblem());
        invalid.visibleProperty().bind(Bindings.isNotEmpty(invalid.textProperty()).and(session.connectedProperty().not()));
        invalid.managedProperty().bind(invalid.visibleProperty());

        Label problem = new Label();
        problem.setId("session-problem");
        problem.getStyleClass().add("session-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(session.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(session.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // a narrow window wraps the bar between groups, never between a label and its field
        FlowPane settings = new FlowPane(group(new Label("Host"), host, recent), group(new Label("Port"), port),
                group(protocol, tls), group(replyTimeoutLabel, replyTimeout), group(connect));
        settings.getStyleClass().add("connection-settings");
        // While connected the settings cannot change, and the tab's title says where it is connected: they give
        // way to the state's row, with Disconnect at its end, so that at a large zoom (where they take three rows)
        // the transcript keeps its height.
        disconnect.visibleProperty().bind(session.connectedProperty());
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        settings.visibleProperty().bind(session.connectedProperty().not());
        settings.managedProperty().bind(settings.visibleProperty());
        Label stateLabel = new Label("State:");
        stateLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox status = new HBox(stateLabel, state, secure, spacer, busy, disconnect);
        status.getStyleClass().add("connection-status");
        getChildren().addAll(settings, invalid, status, problem);
    }

    /** Controls that belong together on one row of the bar. */
    private static HBox group(Node... nodes) {
        HBox group = new HBox(nodes);
        group.getStyleClass().add("connection-group");
        for (Node node : nodes) {
            if (node instanceof Label || node instanceof Button) {
                ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return group;
    }

    private void showCertificate(SessionViewModel session) {
        TlsReport report = session.tlsReportProperty().get();
        if (report != null && getScene() != null) {
            CertificateDialog.show(getScene().getWindow(), report);
        }
    }

    /** Updates the elapsed time while waiting; called once per frame by the session view. */
    public void tick(SessionViewModel session) {
        elapsed.setText(session.elapsed());
    }

    private static void fillRecent(MenuButton menu, ObservableList<RecentHost> hosts, SessionViewModel session) {
        menu.getItems().clear();
        for (RecentHost host : hosts) {
            MenuItem item = new MenuItem(host.label());
            item.setOnAction(event -> session.apply(host));
            menu.getItems().add(item);
        }
        if (hosts.isEmpty()) {
            MenuItem none = new MenuItem("No servers yet");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    /** TLS modes as a user reads them: the upgrade is STARTTLS in SMTP (RFC 3207) and STLS in POP3 (RFC 2595). */
    private static final class TlsNames extends StringConverter<TlsMode> {
        private final SessionViewModel session;

        TlsNames(SessionViewModel session) {
            this.session = session;
        }

        @Override
        public String toString(TlsMode mode) {
            if (mode == null) {
                return "";
            }
            return ConnectionSettings.tlsName(session.protocolProperty().get(), mode);
        }

        @Override
        public TlsMode fromString(String text) {
            throw new UnsupportedOperationException();
        }
    }
}
