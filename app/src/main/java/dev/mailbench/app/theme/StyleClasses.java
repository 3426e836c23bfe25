package dev.mailbench.app.theme;

import java.util.List;

/**
 * Changes a node's style classes only where they differ. A cell's {@code updateItem} runs again and again as its
 * list, table or tree lays out; a class removed there and added straight back marks the cell for restyling for
 * nothing.
 */
public final class StyleClasses {

    private StyleClasses() {
    }

    /**
     * Leaves {@code wanted} (or none, when null) of {@code family} in {@code classes}, touching the list only when
     * that changes it.
     */
    public static void keepOnly(List<String> classes, String wanted, String... family) {
        for (String each : family) {
            if (!each.equals(wanted) && classes.contains(each)) {
                classes.removeAll(List.of(each));
            }
        }
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }
}
