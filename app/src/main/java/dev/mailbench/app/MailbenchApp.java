package dev.mailbench.app;

import java.util.Objects;
import java.util.Optional;

import dev.mailbench.app.config.RecentHosts;
import dev.mailbench.app.session.ConnectionUri;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.app.workbench.SessionView;
import dev.mailbench.app.workbench.WorkbenchView;
import dev.mailbench.app.workbench.WorkbenchViewModel;
import dev.mailbench.explain.MailProtocol;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The Mailbench window. Started by {@link Launcher}; accepts {@code --theme=light|dark|projector}
 * as a named application parameter.
 */
public final class MailbenchApp extends Application {

    static final String TITLE = "Mailbench";
    private static final double WIDTH = 1200;
    private static final double HEIGHT = 800;
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 400;

    private final AppContext context;
    private WorkbenchViewModel workbench;

    /** The window as a user starts it. */
    public MailbenchApp() {
        this(null);
    }

    /** The window built with {@code context}; null means {@link AppContext#defaults()}, made at start. */
    public MailbenchApp(AppContext context) {
        this.context = context;
    }

    @Override
    public void start(Stage stage) {
        AppContext app = Objects.requireNonNullElseGet(context, this::contextFromParameters);
        ThemeManager themes = new ThemeManager(initialTheme());
        FontZoom zoom = new FontZoom();
        workbench = new WorkbenchViewModel(app.services(), new RecentHosts(app.configDirectory()));
        WelcomePane welcome = new WelcomePane(() -> workbench.open(MailProtocol.SMTP),
                () -> workbench.open(MailProtocol.POP3));
        WorkbenchView view = new WorkbenchView(workbench, app.files(), welcome);
        view.setId("workbench");

        MainMenu menu = new MainMenu(themes, zoom, new MainMenu.Actions(
                () -> workbench.open(MailProtocol.SMTP),
                () -> workbench.open(MailProtocol.POP3),
                () -> app.files().openFile(stage, "Open Message").ifPresent(view::openMessageFile),
                view::closeCurrent,
                () -> save(stage, view, WorkbenchViewModel.Format.TEXT, app),
                () -> save(stage, view, WorkbenchViewModel.Format.HTML, app),
                () -> view.currentSession().ifPresent(session -> session.transcript().copySelection()),
                () -> AboutDialog.create(stage, themes).show(),
                Platform::exit,
                view.sessionInFront()));

        BorderPane layout = new BorderPane();
        layout.setId("main-layout");
        layout.setTop(menu.build());
        layout.setCenter(view);
        // The zoom sits one level below the scene root, so that it multiplies the font size the
        // theme gives .root instead of replacing it (see FontZoom.fontSizeStyle).
        layout.styleProperty().bind(zoom.fontSizeStyle());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new StackPane(layout),
                Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        themes.attach(scene);
        menu.installAlternateShortcuts(scene);

        stage.setTitle(TITLE);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setScene(scene);
        stage.show();
        StartupProbe.attach(stage);

        workbench.loadRecentHosts();
        app.firstSession().ifPresent(settings -> workbench.open(settings, true));
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
    }

    private void save(Stage stage, WorkbenchView view, WorkbenchViewModel.Format format, AppContext app) {
        view.currentSession().map(SessionView::session).ifPresent(session -> {
            String name = session.titleProperty().get().replaceAll("[^A-Za-z0-9.-]+", "-") + "." + format.extension();
            app.files().saveFile(stage, "Save Transcript", name, format.extension())
                    .ifPresent(file -> workbench.save(session, file, format));
        });
    }

    /** The defaults, with the first tab from {@code --connect=URI} if given. */
    private AppContext contextFromParameters() {
        AppContext defaults = AppContext.defaults();
        Parameters parameters = getParameters();
        String connect = parameters == null ? null : parameters.getNamed().get("connect");
        return connect == null ? defaults : new AppContext(defaults.services(), defaults.configDirectory(),
                Optional.of(ConnectionUri.parse(connect)), defaults.files());
    }

    private Theme initialTheme() {
        Parameters parameters = getParameters();
        String id = parameters == null ? null : parameters.getNamed().get("theme");
        return id == null ? Theme.LIGHT : Theme.fromId(id);
    }
}
