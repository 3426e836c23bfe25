package dev.mailbench.app;

import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;

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

    @Override
    public void start(Stage stage) {
        ThemeManager themes = new ThemeManager(initialTheme());
        FontZoom zoom = new FontZoom();
        MainMenu menu = new MainMenu(themes, zoom,
                () -> AboutDialog.create(stage, themes).show(),
                Platform::exit);

        BorderPane layout = new BorderPane();
        layout.setId("main-layout");
        layout.setTop(menu.build());
        layout.setCenter(new WelcomePane());
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
    }

    private Theme initialTheme() {
        Parameters parameters = getParameters();
        String id = parameters == null ? null : parameters.getNamed().get("theme");
        return id == null ? Theme.LIGHT : Theme.fromId(id);
    }
}
