package dev.mailbench.app.keys;

import javafx.scene.input.KeyCombination;

/**
 * One key the window answers, as Help ▸ Keyboard Keys lists it. Each view keeps its list beside the code that
 * binds the keys, so a key added there is listed in the same change; the menus' keys are read from the menu
 * items themselves.
 *
 * @param keys what to press, as a user writes it: {@code Ctrl+C}, {@code Up, Down}
 * @param does what it does, a short phrase
 */
public record KeyHelp(String keys, String does) {

    /** A key combination as the menus show it ({@code Ctrl+Shift+N}), and what it does. */
    public static KeyHelp of(KeyCombination keys, String does) {
        return new KeyHelp(keys.getDisplayText(), does);
    }
}
