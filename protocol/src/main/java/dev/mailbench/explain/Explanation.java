package dev.mailbench.explain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one transcript line means, for the detail pane beside the transcript.
 *
 * @param title     the line as shown (secrets masked)
 * @param sentences plain-language sentences, the most important first
 * @param fields    facts about the line: code, enhanced code, syntax, RFC section, decoded base64, problems
 */
public record Explanation(String title, List<String> sentences, List<Field> fields) {

    public Explanation {
        Objects.requireNonNull(title, "title");
        sentences = List.copyOf(sentences);
        fields = List.copyOf(fields);
    }

    /**
     * One fact.
     *
     * @param label    what it is ("Code", "Syntax"), from the catalogue
     * @param value    the value, with any secret masked
     * @param revealed the value with secrets in clear; equal to {@code value} when there is no secret
     */
    public record Field(String label, String value, String revealed) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(revealed, "revealed");
        }

        public static Field of(String label, String value) {
            return new Field(label, value, value);
        }

        /** Whether the value hides something until revealed. */
        public boolean isSecret() {
            return !value.equals(revealed);
        }

        /** The value to show: in clear only when {@code reveal} is set. */
        public String shown(boolean reveal) {
            return reveal ? revealed : value;
        }
    }

    /** The first field with this label, if any. */
    public Optional<Field> field(String label) {
        return fields.stream().filter(f -> f.label().equals(label)).findFirst();
    }

    /** Whether anything here is masked until revealed. */
    public boolean hasSecret() {
        return fields.stream().anyMatch(Field::isSecret);
    }
}
