package dev.mailbench.explain;

import java.util.Objects;

/**
 * What the catalogue says about one protocol command.
 *
 * @param name       the verb as sent on the wire, upper case ({@code MAIL}, {@code RETR})
 * @param syntax     its grammar in the RFC's notation, e.g. {@code MAIL FROM:<reverse-path> [SP mail-parameters]}
 * @param purpose    one plain-language sentence saying what it is for
 * @param rfcSection where it is defined, e.g. {@code RFC 5321 §4.1.1.2}
 * @param example    a realistic command line, e.g. {@code MAIL FROM:<alice@example.test>}
 */
public record VerbInfo(String name, String syntax, String purpose, String rfcSection, String example) {

    public VerbInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(rfcSection, "rfcSection");
        Objects.requireNonNull(example, "example");
    }
}
