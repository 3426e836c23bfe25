package dev.mailbench.app.mime;

import org.fxmisc.richtext.model.StyleSpans;

/**
 * Where two stylings of one text differ: the stretch a text area must be restyled over, so that moving a highlight
 * in a megabyte of raw source restyles only what moved, not every paragraph. Found from the spans alone, without
 * visiting the characters.
 */
final class StyleChange {

    private StyleChange() {
    }

    /**
     * The characters {@code [from, to)} outside of which {@code before} and {@code after} style every character
     * alike; null when they style all alike. Texts of different lengths differ everywhere.
     */
    static <S> int[] between(StyleSpans<S> before, StyleSpans<S> after) {
        int length = after.length();
        if (before == null || before.length() != length) {
            return new int[] {0, length};
        }
        int from = firstDifference(before, after);
        if (from < 0) {
            return null;
        }
        int to = length - lastDifferenceFromEnd(before, after);
        return to > from ? new int[] {from, to} : null;
    }

    /** The first character styled differently, or -1. */
    private static <S> int firstDifference(StyleSpans<S> a, StyleSpans<S> b) {
        int i = 0;
        int j = 0;
        int endA = a.getStyleSpan(0).getLength();
        int endB = b.getStyleSpan(0).getLength();
        int at = 0;
        while (at < a.length()) {
            if (!a.getStyleSpan(i).getStyle().equals(b.getStyleSpan(j).getStyle())) {
                return at;
            }
            at = Math.min(endA, endB);
            if (at == endA && ++i < a.getSpanCount()) {
                endA += a.getStyleSpan(i).getLength();
            }
            if (at == endB && ++j < b.getSpanCount()) {
                endB += b.getStyleSpan(j).getLength();
            }
        }
        return -1;
    }

    /** How many characters at the end are styled alike (the two are known to differ somewhere). */
    private static <S> int lastDifferenceFromEnd(StyleSpans<S> a, StyleSpans<S> b) {
        int i = a.getSpanCount() - 1;
        int j = b.getSpanCount() - 1;
        int endA = a.getStyleSpan(i).getLength();
        int endB = b.getStyleSpan(j).getLength();
        int alike = 0;
        while (true) {
            if (!a.getStyleSpan(i).getStyle().equals(b.getStyleSpan(j).getStyle())) {
                return alike;
            }
            alike = Math.min(endA, endB);
            if (alike == endA && --i >= 0) {
                endA += a.getStyleSpan(i).getLength();
            }
            if (alike == endB && --j >= 0) {
                endB += b.getStyleSpan(j).getLength();
            }
            if (i < 0 || j < 0) {
                return alike;
            }
        }
    }
}
