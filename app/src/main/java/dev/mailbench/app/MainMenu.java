package dev.mailbench.app;

import java.util.EnumMap;
import java.util.Map;

import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The main window's menu bar: File, View (theme and zoom) and Help. */
final class MainMenu {

    private final ThemeManager themes;
    private final FontZoom zoom;
    private final Runnable onAbout;
    private final Runnable onQuit;

    MainMenu(ThemeManager themes, FontZoom zoom, Runnable onAbout, Runnable onQuit) {
        this.themes = themes;
        this.zoom = zoom;
        this.onAbout = onAbout;
        this.onQuit = onQuit;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setId("main-menu");
        return bar;
    }

    /**
     * Adds the other keys people press for zoom, which a menu item (one accelerator each) cannot
     * show: on a US keyboard "+" is Shift+=, so Ctrl+= must zoom in too; the keypad has its own
     * +, − and 0.
     */
    void installAlternateShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY), zoom::zoomIn);
        accelerators.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), zoom::zoomIn);
        accelerators.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), zoom::zoomOut);
        accelerators.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), zoom::reset);
    }

    private Menu fileMenu() {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(event -> onQuit.run());
        return new Menu("File", null, quit);
    }

    private Menu viewMenu() {
        return new Menu("View", null, themeMenu(), new SeparatorMenuItem(),
                zoomIn(), zoomOut(), zoomReset());
    }

    private Menu themeMenu() {
        Menu menu = new Menu("Theme");
        ToggleGroup group = new ToggleGroup();
        Map<Theme, RadioMenuItem> items = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.displayName());
            item.setId("theme-" + theme.id());
            item.setToggleGroup(group);
            item.setOnAction(event -> themes.apply(theme));
            items.put(theme, item);
            menu.getItems().add(item);
        }
        items.get(themes.theme()).setSelected(true);
        // keeps the tick right when the theme is changed from elsewhere
        themes.themeProperty().addListener((observable, old, now) -> items.get(now).setSelected(true));
        return menu;
    }

    private MenuItem zoomIn() {
        MenuItem item = new MenuItem("Zoom In");
        // SHIFT_ANY: where "+" needs Shift, the key arrives as PLUS with Shift held
        item.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY));
        item.setOnAction(event -> zoom.zoomIn());
        item.disableProperty().bind(zoom.atLargest());
        return item;
    }

    private MenuItem zoomOut() {
        MenuItem item = new MenuItem("Zoom Out");
        item.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> zoom.zoomOut());
        item.disableProperty().bind(zoom.atSmallest());
        return item;
    }

    private MenuItem zoomReset() {
        MenuItem item = new MenuItem("Reset Zoom");
        item.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> zoom.reset());
        return item;
    }

    private Menu helpMenu() {
        MenuItem about = new MenuItem("About Mailbench");
        about.setOnAction(event -> onAbout.run());
        return new Menu("Help", null, about);
    }
}
