package dev.mailbench.wire;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The verb a mistyped command word most likely meant: the one it starts (a word cut short, {@code RCP} →
 * {@code RCPT}) or the nearest within two edits, an edit being an inserted, deleted or changed letter, or
 * two neighbours swapped ({@code RTER} → {@code RETR}): the optimal-string-alignment form of the
 * Damerau–Levenshtein distance. A word too short to tell from its neighbours (one letter, or two edits from
 * a word of two) suggests nothing.
 */
public final class NearestVerb {

    /** The most edits a word may be from the verb it is taken to mean. */
    static final int MAX_EDITS = 2;

    private NearestVerb() {
    }

    /**
     * The verb {@code word} most likely meant, among {@code verbs} in the order given (the first of equally
     * near ones wins); empty when {@code word} is a verb itself or nothing is near.
     */
    public static <V extends Verb> Optional<V> to(String word, Collection<V> verbs) {
        String typed = word.strip().toUpperCase(Locale.ROOT);
        if (typed.isEmpty() || verbs.stream().anyMatch(verb -> verb.keyword().equals(typed))) {
            return Optional.empty();
        }
        if (typed.length() >= 2) {
            Optional<V> started = verbs.stream().filter(verb -> verb.keyword().startsWith(typed)).findFirst();
            if (started.isPresent()) {
                return started;
            }
        }
        V nearest = null;
        int best = MAX_EDITS + 1;
        for (V verb : verbs) {
            int edits = distance(typed, verb.keyword());
            // at most half the letters typed may be wrong, so "QQ" does not mean "QUIT"
            if (edits < best && edits * 2 <= typed.length()) {
                nearest = verb;
                best = edits;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** The optimal-string-alignment distance: insertions, deletions, changes and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
