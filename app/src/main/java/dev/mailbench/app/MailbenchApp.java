package dev.mailbench.app;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import dev.mailbench.app.config.PanelWidth;
import dev.mailbench.app.lesson.LessonPanel;
import dev.mailbench.app.lesson.LessonPanelViewModel;
import dev.mailbench.app.config.TrustedAuthservIds;
import dev.mailbench.app.config.RecentHosts;
import dev.mailbench.app.logging.LoggingStart;
import dev.mailbench.app.practice.PracticeServerPanel;
import dev.mailbench.app.practice.PracticeServerViewModel;
import dev.mailbench.app.session.ConnectionUri;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.theme.FontZoom;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.app.transcript.SecretsConfirmation;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.workbench.SaveSessionDialog;
import dev.mailbench.app.workbench.SavedSessionView;
import dev.mailbench.app.workbench.SessionView;
import dev.mailbench.app.workbench.WorkbenchView;
import dev.mailbench.app.workbench.WorkbenchViewModel;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.wire.MailProtocol;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import dev.mailbench.app.task.TaskExecutor;
import java.nio.file.Path;
import javafx.util.Duration;

/**
 * The Mailbench window, with the practice server running inside it. Started by {@link Launcher}; accepts
 * {@code --theme=light|dark|projector}, {@code --connect=URI}, {@code --practice-server=off},
 * {@code --open=FILE} (a message file, or a saved session opened read-only) and {@code --lesson=ID} as named
 * application parameters.
 */
public final class MailbenchApp extends Application {

    static final String TITLE = "Mailbench";
    private static final double WIDTH = 1200;
    private static final double HEIGHT = 800;
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 400;
    /** The practice-server panel's width until the user chooses another: narrow, the sessions come first. */
    private static final double PANEL_WIDTH = 330;
    /** The zoom from which the practice-server panel steps aside for the session. */
    static final double LARGE_ZOOM = 1.75;

    /** The lesson panel's width: room for a step's instructions, the session still first. */
    private static final double LESSON_PANEL_WIDTH = 300;

    private final AppContext context;
    private final Optional<String> lesson;
    private final Optional<Path> opened;
    private WorkbenchViewModel workbench;
    private PracticeServerViewModel practice;
    private LessonPanelViewModel lessons;

    /** The window as a user starts it. */
    public MailbenchApp() {
        this(null);
    }

    /** The window built with {@code context}; null means {@link AppContext#defaults()}, made at start. */
    public MailbenchApp(AppContext context) {
        this(context, Optional.empty());
    }

    /** The window built with {@code context}, open on the lesson with this id (as {@code --lesson=ID} does). */
    public MailbenchApp(AppContext context, Optional<String> lesson) {
        this(context, lesson, Optional.empty());
    }

    /** The window built with {@code context}, open on a lesson or on a file, as {@code mailbench FILE} opens it. */
    public MailbenchApp(AppContext context, Optional<String> lesson, Optional<Path> opened) {
        this.context = context;
        this.lesson = lesson;
        this.opened = opened;
    }

    @Override
    public void start(Stage stage) {
        AppContext app = Objects.requireNonNullElseGet(context, this::contextFromParameters);
        Theme theme = initialTheme();
        FontZoom zoom = new FontZoom();
        ThemeManager themes = new ThemeManager(theme, zoom);
        workbench = new WorkbenchViewModel(app.services(), new RecentHosts(app.configDirectory()));
        workbench.keepTrustedAuthservIds(new TrustedAuthservIds(app.configDirectory()));
        practice = app.practiceServer().map(source -> new PracticeServerViewModel(app.services().executor(), source,
                app.services().catalogue())).orElse(null);
        boolean practiceTabComing = practice != null && app.firstSession().isEmpty() && openedMessage().isEmpty();
        // a first tab on its way is announced in its place: the welcome would be replaced before it could be read
        if (practiceTabComing) {
            workbench.preparing("Starting the practice server…");
        } else if (app.firstSession().isPresent()) {
            workbench.preparing("Connecting…");
        }
        boolean withPracticeServer = practice != null;
        WorkbenchView view = new WorkbenchView(workbench, app.files(), () -> new WelcomePane(
                () -> workbench.open(MailProtocol.SMTP), () -> workbench.open(MailProtocol.POP3), withPracticeServer));
        view.setId("workbench");
        SplitPane centre = new SplitPane(view);
        centre.setId("workbench-split");
        // on a projector the session needs the whole width; the panel is a menu item (or Ctrl+Shift+P) away
        Optional<String> lessonId = lesson.or(this::lessonParameter);
        // a window opened on a lesson has the lesson panel beside the session instead: the practice panel is a key away
        BooleanProperty panelShown = new SimpleBooleanProperty(practice != null && theme != Theme.PROJECTOR
                && lessonId.isEmpty());
        lessons = new LessonPanelViewModel(app.services().executor(), app.services().catalogue(),
                app.configDirectory(), new LessonPanelViewModel.Window(workbench.sessions(),
                        () -> view.currentSession().map(SessionView::session), workbench::open),
                Optional.ofNullable(practice));
        // the lesson panel is View ▸ Lesson Panel (Ctrl+Shift+L) away, and open at once on --lesson=ID
        BooleanProperty lessonShown = new SimpleBooleanProperty(lessonId.isPresent());

        MainMenu menu = new MainMenu(themes, zoom, new MainMenu.Actions(
                () -> workbench.open(MailProtocol.SMTP),
                () -> workbench.open(MailProtocol.POP3),
                () -> app.files().openFile(stage, "Open Message").ifPresent(view::openMessageFile),
                view::closeCurrent,
                () -> save(stage, view, WorkbenchViewModel.Format.TEXT, app),
                () -> save(stage, view, WorkbenchViewModel.Format.HTML, app),
                () -> {
                    view.currentSession().ifPresent(session -> session.transcript().copySelection());
                    view.currentSavedSession().ifPresent(saved -> saved.transcript().copySelection());
                },
                view::diagnoseCurrent,
                () -> AboutDialog.create(stage, themes).show(),
                Platform::exit,
                view.sessionInFront(),
                new MainMenu.SessionFileActions(() -> saveSession(stage, view, app),
                        () -> app.files().openFile(stage, "Open Session").ifPresent(workbench::openSession),
                        view.anySessionInFront())));
        menu.withLessonPanel(lessonShown);
        menu.withSessionViews(() -> {
            view.currentSession().ifPresent(SessionView::toggleLadder);
            view.currentSavedSession().ifPresent(SavedSessionView::toggleLadder);
        },
                () -> view.currentSession().ifPresent(SessionView::toggleStateDiagram));
        if (practice != null) {
            menu.withPracticePanel(panelShown);
            stepAsideAtLargeZoom(panelShown, zoom);
            workbench.setPracticeServer(practice::endpoint);
        }

        BorderPane layout = new BorderPane();
        layout.setId("main-layout");
        layout.setTop(menu.build());
        layout.setCenter(centre);
        scrollWhenLarge(layout, centre, themes);

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
        StartupProbe.attach(stage, workbench.sessions());
        // Logback's start (its configuration, some 500 classes) follows the first frame; lines logged before
        // then are kept and written once it is ready (LoggingStart)
        FirstFrame.then(scene, LoggingStart::now);

        workbench.loadRecentHosts();
        app.firstSession().ifPresent(settings -> {
            workbench.open(settings, true);
            workbench.prepared();
        });
        FirstFrame.then(scene, () -> {
            showLessonPanel(centre, lessonShown, themes);
            lessons.load(lessonId, Locale.getDefault());
        });
        if (practice != null) {
            // a message or saved session opened at start (the desktop's double click) stays in front: no tab of its
            // own comes; New Session is a click away
            if (practiceTabComing) {
                openFirstTabOnThePracticeServer();
            }
            // The panel (tables, tabs, a spinner: half a second of layout and style on a slow machine) and the
            // server's start (keystore, TLS, two listeners) come once the window is drawn, not before; the server
            // first, so that its start (on a task thread) runs while the panel is built.
            FirstFrame.then(scene, () -> {
                practice.start();
                showPracticePanel(centre, panelShown, view, app.services().executor(),
                        new PanelWidth(app.configDirectory()), themes);
            });
        }
        // the file the window was opened on opens once the window is drawn: the MIME viewer and what it loads are
        // no part of the first frame
        openedMessage().ifPresent(file -> FirstFrame.then(scene, () -> {
            if (SessionFile.isSessionFile(file)) {
                workbench.openSession(file);
            } else {
                view.openMessageFile(file);
            }
        }));
    }

    /**
     * Puts the practice-server panel beside the sessions while {@code shown} says so; made when first needed.
     * It starts narrow, at the width the user last gave it (read off the UI thread), and remembers a new one.
     * Its width grows and shrinks with the window's text size (the projector theme's larger text, a zoom), so that
     * its tables keep their headers whole.
     */
    private void showPracticePanel(SplitPane centre, BooleanProperty shown, WorkbenchView view,
                                   TaskExecutor executor, PanelWidth widths, ThemeManager themes) {
        PracticeServerPanel[] panel = new PracticeServerPanel[1];
        double[] width = {PANEL_WIDTH * themes.fontSize() / Theme.platformFontSize()};
        boolean[] placing = {false};
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        settle.setOnFinished(event -> {
            if (panel[0] != null && centre.getItems().contains(panel[0])) {
                width[0] = panel[0].getWidth();
                double saved = width[0];
                executor.execute(BackgroundTask.run(() -> widths.save(saved)));
            }
        });
        Runnable place = () -> {
            if (shown.get()) {
                if (panel[0] == null) {
                    panel[0] = new PracticeServerPanel(practice, executor, view::show);
                    SplitPane.setResizableWithParent(panel[0], false);
                }
                if (!centre.getItems().contains(panel[0])) {
                    centre.getItems().add(panel[0]);
                }
                placeDivider(centre, width[0], placing);
            } else if (panel[0] != null) {
                centre.getItems().remove(panel[0]);
            }
        };
        centre.getDividers().addListener((ListChangeListener<SplitPane.Divider>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(divider -> divider.positionProperty().addListener((observable, old, now) -> {
                    if (!placing[0]) {
                        settle.playFromStart();   // the user drags: keep the width once the hand rests
                    }
                }));
            }
        });
        shown.addListener((observable, old, now) -> place.run());
        // larger text needs a wider panel: it grows and shrinks with the text size, the theme's and the zoom's
        themes.fontSizeProperty().addListener((observable, old, now) -> {
            width[0] = width[0] * now.doubleValue() / old.doubleValue();
            if (shown.get()) {
                placeDivider(centre, width[0], placing);
            }
        });
        place.run();
        executor.execute(BackgroundTask.of(widths::load).onSuccess(remembered -> remembered.ifPresent(saved -> {
            width[0] = saved;
            if (shown.get()) {
                placeDivider(centre, saved, placing);
            }
        })));
    }

    /**
     * Above the platform's own text size (the projector theme, a zoom), the window's content scrolls under the menu
     * bar where it no longer fits: its rows (the step buttons above all) may then need more height than the screen
     * has, and the window cut it off at both ends, the menu bar and the command line with it. At the usual size
     * nothing is wrapped, and the first frame has no scroll pane to build.
     */
    private static void scrollWhenLarge(BorderPane layout, SplitPane centre, ThemeManager themes) {
        ScrollPane[] scroll = new ScrollPane[1];
        Runnable place = () -> {
            boolean large = themes.enlarged();
            if (large && scroll[0] == null) {
                scroll[0] = new ScrollPane();
                scroll[0].setId("window-scroll");
                scroll[0].getStyleClass().add("window-scroll");
                scroll[0].setFitToWidth(true);
                scroll[0].setFitToHeight(true);
            }
            if (large && layout.getCenter() != scroll[0]) {
                layout.setCenter(null);
                scroll[0].setContent(centre);
                layout.setCenter(scroll[0]);
            } else if (!large && layout.getCenter() != centre) {
                layout.setCenter(null);
                scroll[0].setContent(null);
                layout.setCenter(centre);
            }
        };
        themes.fontSizeProperty().addListener((observable, old, now) -> place.run());
        place.run();
    }

    /**
     * From {@value #LARGE_ZOOM} times the text size on, the session needs the window's whole width, as on a
     * projector: its step buttons and bars would otherwise take the height its transcript needs. The panel steps
     * aside (View ▸ Practice Server Panel, Ctrl+Shift+P, brings it back) and returns when the zoom goes back
     * below, unless the user has shown or hidden it meanwhile.
     */
    private static void stepAsideAtLargeZoom(BooleanProperty panelShown, FontZoom zoom) {
        boolean[] steppedAside = {false};
        boolean[] moving = {false};
        panelShown.addListener((observable, old, now) -> {
            if (!moving[0]) {
                steppedAside[0] = false;   // the user's own choice stands
            }
        });
        zoom.scaleProperty().addListener((observable, old, now) -> {
            boolean large = now.doubleValue() >= LARGE_ZOOM;
            boolean wasLarge = old.doubleValue() >= LARGE_ZOOM;
            moving[0] = true;
            if (large && !wasLarge && panelShown.get()) {
                panelShown.set(false);
                steppedAside[0] = true;
            } else if (!large && wasLarge && steppedAside[0]) {
                panelShown.set(true);
                steppedAside[0] = false;
            }
            moving[0] = false;
        });
    }

    /**
     * Puts the lesson panel left of the sessions while {@code shown} says so; made when first needed. Its width
     * follows the window's text size (the projector theme's, a zoom), so that an address or a command in its text,
     * which it wraps only at spaces, fits a line.
     */
    private void showLessonPanel(SplitPane centre, BooleanProperty shown, ThemeManager themes) {
        LessonPanel[] panel = new LessonPanel[1];
        DoubleConsumer placeAt = width -> {
            double total = centre.getWidth();
            if (total > 0 && panel[0] != null && centre.getItems().contains(panel[0])) {
                // 30 % of the window at the usual text size, up to 40 % where the text is larger
                centre.setDividerPosition(0, Math.min(width > LESSON_PANEL_WIDTH * 1.1 ? 0.4 : 0.3, width / total));
            }
        };
        Runnable widen = () -> placeAt.accept(LESSON_PANEL_WIDTH * themes.fontSize() / Theme.platformFontSize());
        Runnable place = () -> {
            if (shown.get()) {
                if (panel[0] == null) {
                    panel[0] = new LessonPanel(lessons);
                    SplitPane.setResizableWithParent(panel[0], false);
                }
                if (!centre.getItems().contains(panel[0])) {
                    // the practice panel, when shown, keeps its width on the right
                    double[] before = centre.getDividerPositions();
                    centre.getItems().add(0, panel[0]);
                    double total = centre.getWidth();
                    if (total > 0) {
                        if (before.length > 0) {
                            centre.setDividerPosition(centre.getDividers().size() - 1, before[before.length - 1]);
                        }
                        widen.run();
                    }
                }
                panel[0].focusChoice();
            } else if (panel[0] != null) {
                centre.getItems().remove(panel[0]);
            }
        };
        shown.addListener((observable, old, now) -> place.run());
        // a change of text size keeps the width the panel has, the user's own included, in proportion to the text
        themes.fontSizeProperty().addListener((observable, old, now) -> {
            if (panel[0] != null) {
                placeAt.accept(panel[0].getWidth() * now.doubleValue() / old.doubleValue());
            }
        });
        place.run();
    }

    /** Moves the divider so that the panel on the right is {@code width} wide, or at most 30 % of the window: the session comes first. */
    private static void placeDivider(SplitPane centre, double width, boolean[] placing) {
        double total = centre.getWidth();
        if (total <= 0 || centre.getDividers().isEmpty()) {
            return;
        }
        placing[0] = true;
        // the last divider: the lesson panel, when shown, is left of the sessions. The panel takes at most 30 %
        // of the window at the usual text size, and at most half where the text is larger (the projector theme at
        // 1024×768 needs some 500 px for the mailboxes' headers)
        double most = width > PANEL_WIDTH * 1.1 ? 0.5 : 0.3;
        centre.setDividerPosition(centre.getDividers().size() - 1, Math.max(1 - most, 1 - width / total));
        placing[0] = false;
    }

    /** Once the practice server first listens, the first tab connects to its SMTP, unless a tab is open already. */
    private void openFirstTabOnThePracticeServer() {
        practice.statusProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends PracticeServerViewModel.Status> observable,
                                PracticeServerViewModel.Status old, PracticeServerViewModel.Status now) {
                if (now == PracticeServerViewModel.Status.RUNNING) {
                    observable.removeListener(this);
                    if (workbench.sessions().isEmpty()) {
                        practice.endpoint(MailProtocol.SMTP).ifPresent(settings -> workbench.open(settings, true));
                    }
                    workbench.prepared();
                } else if (now == PracticeServerViewModel.Status.STOPPED) {
                    // it could not start (its panel says why): the welcome shows; a later start still opens the tab
                    workbench.prepared();
                }
            }
        });
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
        if (lessons != null) {
            lessons.shutdown();
        }
        if (practice != null) {
            practice.shutdown();
        }
    }

    private void save(Stage stage, WorkbenchView view, WorkbenchViewModel.Format format, AppContext app) {
        view.currentSession().map(SessionView::session).ifPresent(session -> {
            String name = session.titleProperty().get().replaceAll("[^A-Za-z0-9.-]+", "-") + "." + format.extension();
            app.files().saveFile(stage, "Save Transcript", name, format.extension())
                    .ifPresent(file -> workbench.save(session, file, format, SecretsConfirmation.includeSecrets(
                            stage, session.transcript(), session.transcript().entries(), "into the file")));
        });
    }

    /**
     * Saves the tab in front as a session file: first whether to keep the passwords (by default not), then where.
     */
    private void saveSession(Stage stage, WorkbenchView view, AppContext app) {
        Optional<SessionRecord> saved = view.currentSavedSession().map(tab -> tab.viewModel().session());
        Optional<SessionViewModel> live = view.currentSession().map(SessionView::session);
        if (saved.isEmpty() && live.isEmpty()) {
            return;
        }
        Optional<Boolean> keepPasswords = SaveSessionDialog.ask(stage);
        if (keepPasswords.isEmpty()) {
            return;
        }
        String title = live.map(session -> session.titleProperty().get())
                .orElseGet(() -> view.currentSavedSession().orElseThrow().viewModel().title().replaceFirst("\\.mbsession$", ""));
        String name = title.replaceAll("[^A-Za-z0-9.-]+", "-") + SessionFile.SUFFIX;
        app.files().saveFile(stage, "Save Session", name, SessionFile.SUFFIX.substring(1)).ifPresent(file -> {
            if (live.isPresent()) {
                workbench.saveSession(live.get(), file, keepPasswords.get());
            } else {
                workbench.saveSession(saved.get(), file, keepPasswords.get());
            }
        });
    }

    /**
     * The defaults, with the first tab from {@code --connect=URI} if given, and without the practice server
     * for {@code --practice-server=off}.
     */
    private AppContext contextFromParameters() {
        AppContext defaults = AppContext.preparedDefaults();
        Parameters parameters = getParameters();
        String connect = parameters == null ? null : parameters.getNamed().get("connect");
        String practiceServer = parameters == null ? null : parameters.getNamed().get("practice-server");
        return new AppContext(defaults.services(), defaults.configDirectory(),
                connect == null ? Optional.empty() : Optional.of(ConnectionUri.parse(connect)), defaults.files(),
                "off".equals(practiceServer) ? Optional.empty() : defaults.practiceServer());
    }

    /** The message file named by {@code --open=PATH}: what the desktop hands over for an .eml file. */
    private Optional<Path> openedMessage() {
        if (opened.isPresent()) {
            return opened;
        }
        Parameters parameters = getParameters();
        String open = parameters == null ? null : parameters.getNamed().get("open");
        return open == null ? Optional.empty() : Optional.of(Path.of(open));
    }

    /** The lesson named by {@code --lesson=ID}. */
    private Optional<String> lessonParameter() {
        Parameters parameters = getParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.getNamed().get("lesson"));
    }

    private Theme initialTheme() {
        Parameters parameters = getParameters();
        String id = parameters == null ? null : parameters.getNamed().get("theme");
        return id == null ? Theme.LIGHT : Theme.fromId(id);
    }
}
