package dev.mailbench.diagnose;

import java.util.Locale;

/** What one check found. Declared from the most to the least severe: reports group verdicts in this order. */
public enum Verdict {
    /** Something is wrong: mail will fail, or anyone can abuse the server. */
    FAIL,
    /** Works, but against a recommendation, or soon to break (a certificate about to expire). */
    WARN,
    /** A fact worth knowing that is neither right nor wrong. */
    INFO,
    /** As it should be. */
    PASS,
    /** Not tried: it did not apply, or an earlier step made it impossible. */
    SKIP;

    /** The stable word scripts read: {@code pass}, {@code warn}, {@code fail}, {@code info}, {@code skip}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
