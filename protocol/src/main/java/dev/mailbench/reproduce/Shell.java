package dev.mailbench.reproduce;

import java.util.List;

/** Writing POSIX shell text: quoted words, here-documents, comments. */
final class Shell {

    /** What a password the session did not keep becomes: a reference the user sets before running the command. */
    static final String PASSWORD = "$MAILBENCH_PASSWORD";
    /** The same for a user name that was masked. */
    static final String USER = "$MAILBENCH_USER";

    private Shell() {
    }

    /** A word as the shell reads it back unchanged: {@code 'it'\''s'}. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * A word that may hold the {@link #PASSWORD} or {@link #USER} reference: in double quotes, so the shell expands
     * the reference and nothing else.
     */
    static String quoteExpanding(String word) {
        if (!word.contains(PASSWORD) && !word.contains(USER)) {
            return quote(word);
        }
        String escaped = word.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`")
                .replace("$", "\\$").replace("\\" + PASSWORD, PASSWORD).replace("\\" + USER, USER);
        return "\"" + escaped + "\"";
    }

    /** A here-document delimiter that none of the lines is. */
    static String delimiter(List<String> lines) {
        String delimiter = "MAILBENCH";
        int n = 1;
        while (lines.contains(delimiter)) {
            delimiter = "MAILBENCH_" + n++;
        }
        return delimiter;
    }

    /** A line inside an unquoted here-document, where {@code $}, {@code `} and {@code \} would be read by the shell. */
    static String unexpanded(String line) {
        return line.replace("\\", "\\\\").replace("$", "\\$").replace("`", "\\`");
    }

    /** Each line of {@code text} as a {@code #} comment. */
    static void comment(StringBuilder out, String text) {
        for (String line : text.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
    }
}
