package dev.mailbench.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mailbench.app.compose.ComposerView;
import dev.mailbench.app.keys.KeyHelp;
import dev.mailbench.app.lesson.LessonPanel;
import dev.mailbench.app.session.CommandLineView;
import dev.mailbench.app.session.ConnectionBar;
import dev.mailbench.app.steps.StepFormView;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.ladder.LadderView;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.app.theme.FontZoom;
import dev.mailbench.app.theme.ThemeManager;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The main window's menu bar: File (sessions, opening a message file, saving transcripts), Edit, View
 * (practice-server panel, theme and zoom) and Help.
 */
final class MainMenu {

    /**
     * What the menu items do.
     *
     * @param sessionInFront true while a session tab is in front, which the transcript items act on
     */
    record Actions(Runnable newSmtp, Runnable newPop3, Runnable openMessage, Runnable closeTab, Runnable saveText, Runnable saveHtml,
                   Runnable copy, Runnable diagnose, Runnable about, Runnable quit, ObservableBooleanValue sessionInFront,
                   SessionFileActions sessionFiles) {
    }

    /**
     * File ▸ Save Session… and Open Session….
     *
     * @param anySessionInFront true while a session tab, live or read-only, is in front
     */
    record SessionFileActions(Runnable save, Runnable open, ObservableBooleanValue anySessionInFront) {
    }

    /** The other keys people press for zoom (see {@link #installAlternateShortcuts}). */
    private static final KeyCombination ZOOM_IN_EQUALS = new KeyCodeCombination(KeyCode.EQUALS,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
    private static final KeyCombination ZOOM_IN_KEYPAD = new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_OUT_KEYPAD = new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_RESET_KEYPAD = new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN);

    private final ThemeManager themes;
    private final FontZoom zoom;
    private final Actions actions;
    private BooleanProperty practicePanelShown;
    private BooleanProperty lessonPanelShown;
    private Runnable toggleLadder;
    private Runnable toggleStates;
    private MenuBar bar;

    MainMenu(ThemeManager themes, FontZoom zoom, Actions actions) {
        this.themes = themes;
        this.zoom = zoom;
        this.actions = actions;
    }

    /** Adds View ▸ Practice Server Panel, ticked while the panel is shown. Call before {@link #build()}. */
    MainMenu withPracticePanel(BooleanProperty shown) {
        this.practicePanelShown = shown;
        return this;
    }

    /** Adds View ▸ Lesson Panel, ticked while the panel is shown. Call before {@link #build()}. */
    MainMenu withLessonPanel(BooleanProperty shown) {
        this.lessonPanelShown = shown;
        return this;
    }

    /**
     * Adds View ▸ Ladder and View ▸ State Diagram, which show or hide those views in the session tab in front. Call
     * before {@link #build()}.
     */
    MainMenu withSessionViews(Runnable ladder, Runnable states) {
        this.toggleLadder = ladder;
        this.toggleStates = states;
        return this;
    }

    MenuBar build() {
        bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), helpMenu());
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
        accelerators.put(ZOOM_IN_EQUALS, zoom::zoomIn);
        accelerators.put(ZOOM_IN_KEYPAD, zoom::zoomIn);
        accelerators.put(ZOOM_OUT_KEYPAD, zoom::zoomOut);
        accelerators.put(ZOOM_RESET_KEYPAD, zoom::reset);
    }

    /**
     * Every key the window binds, by the part of the window that answers it: the menus' keys read from the
     * menu items, the alternate zoom keys above, and each view's list kept beside its key handlers.
     */
    Map<String, List<KeyHelp>> keys() {
        List<KeyHelp> menus = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, menu.getText(), menus);
        }
        menus.add(KeyHelp.of(ZOOM_IN_EQUALS, "Zoom In (where + needs Shift)"));
        // the display text of the keypad's keys reads as the main keyboard's ("Ctrl++"): said in words
        menus.add(new KeyHelp("Ctrl with keypad +, −, 0", "Zoom In, Zoom Out, Reset Zoom"));
        Map<String, List<KeyHelp>> keys = new LinkedHashMap<>();
        keys.put("Menus", menus);
        keys.put("Transcript", TranscriptPane.KEYS);
        keys.put("Ladder", LadderView.KEYS);
        keys.put("Command line", CommandLineView.KEYS);
        keys.put("Step forms", StepFormView.KEYS);
        keys.put("Message composer (DATA)", ComposerView.KEYS);
        keys.put("Connection bar", ConnectionBar.KEYS);
        keys.put("Lesson panel", LessonPanel.KEYS);
        return keys;
    }

    private static void collect(Menu menu, String path, List<KeyHelp> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " ▸ " + sub.getText(), into);
            } else if (item.getAccelerator() != null) {
                into.add(KeyHelp.of(item.getAccelerator(), path + " ▸ " + item.getText()));
            }
        }
    }

    private Menu fileMenu() {
        MenuItem newSmtp = item("New SMTP Session", "menu-new-smtp", actions.newSmtp(),
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem newPop3 = item("New POP3 Session", "menu-new-pop3", actions.newPop3(),
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem openMessage = item("Open Message…", "menu-open-message", actions.openMessage(),
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem close = item("Close Tab", "menu-close-tab", actions.closeTab(),
                new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveText = item("Save Transcript as Text…", "menu-save-text", actions.saveText(),
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveHtml = item("Save Transcript as HTML…", "menu-save-html", actions.saveHtml(),
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem diagnose = item("Diagnose Server…", "menu-diagnose", actions.diagnose(), null);
        for (MenuItem item : new MenuItem[] {saveText, saveHtml, diagnose}) {
            item.disableProperty().bind(Bindings.not(actions.sessionInFront()));
        }
        MenuItem openSession = item("Open Session…", "menu-open-session", actions.sessionFiles().open(),
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem saveSession = item("Save Session…", "menu-save-session", actions.sessionFiles().save(),
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN));
        saveSession.disableProperty().bind(Bindings.not(actions.sessionFiles().anySessionInFront()));
        MenuItem quit = item("Quit", "menu-quit", actions.quit(),
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));

        return new Menu("File", null, newSmtp, newPop3, openMessage, openSession, close, new SeparatorMenuItem(),
                saveSession, saveText, saveHtml, new SeparatorMenuItem(), diagnose, new SeparatorMenuItem(), quit);
    }

    private Menu editMenu() {
        // Ctrl+C is the text controls' own key; the menu item copies the transcript's selection
        MenuItem copy = item("Copy Transcript Selection", "menu-copy", actions.copy(), null);
        copy.disableProperty().bind(Bindings.not(actions.sessionFiles().anySessionInFront()));
        return new Menu("Edit", null, copy);
    }

    private static MenuItem item(String text, String id, Runnable action, KeyCombination accelerator) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        return item;
    }

    private Menu viewMenu() {
        Menu view = new Menu("View", null, themeMenu(), new SeparatorMenuItem(),
                zoomIn(), zoomOut(), zoomReset());
        if (toggleLadder != null) {
            MenuItem ladder = item("Ladder", "menu-ladder", toggleLadder,
                    new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
            MenuItem states = item("State Diagram", "menu-state-diagram", toggleStates,
                    new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            // a read-only tab has a ladder too, but no state diagram: a finished session is in no state
            ladder.disableProperty().bind(Bindings.not(actions.sessionFiles().anySessionInFront()));
            states.disableProperty().bind(Bindings.not(actions.sessionInFront()));
            view.getItems().addAll(0, List.of(ladder, states, new SeparatorMenuItem()));
        }
        if (practicePanelShown != null) {
            CheckMenuItem panel = new CheckMenuItem("Practice Server Panel");
            panel.setId("menu-practice-panel");
            panel.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            panel.selectedProperty().bindBidirectional(practicePanelShown);
            view.getItems().addAll(0, List.of(panel, new SeparatorMenuItem()));
        }
        if (lessonPanelShown != null) {
            CheckMenuItem panel = new CheckMenuItem("Lesson Panel");
            panel.setId("menu-lesson-panel");
            panel.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            panel.selectedProperty().bindBidirectional(lessonPanelShown);
            view.getItems().add(0, panel);
            if (practicePanelShown == null) {
                view.getItems().add(1, new SeparatorMenuItem());
            }
        }
        return view;
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
        MenuItem startHere = new MenuItem("Start Here");
        startHere.setId("menu-start-here");
        startHere.setOnAction(event -> HelpDialogs.startHere(bar.getScene().getWindow(), themes).show());
        MenuItem keys = new MenuItem("Keyboard Keys");
        keys.setId("menu-keyboard-keys");
        keys.setOnAction(event -> HelpDialogs.keyboardKeys(bar.getScene().getWindow(), themes, keys()).show());
        MenuItem about = new MenuItem("About Mailbench");
        about.setOnAction(event -> actions.about().run());
        return new Menu("Help", null, startHere, keys, new SeparatorMenuItem(), about);
    }
}
