package dev.mailbench.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A practice-server setting a step needs, as its lesson states it ({@code needs: smtp-after-pop 10}); whoever runs
 * the lesson (the panel, a test, the teacher) switches it for that step and restores it afterwards. The lesson
 * only names it: the server is not the lesson's to touch.
 *
 * @param name  which setting
 * @param value its value for the step, as written ({@code 10}, {@code off}, {@code exchange2003})
 */
public record ServerSetting(Name name, String value) {

    /** The settings a lesson may ask for. */
    public enum Name {
        /** SMTP after POP: minutes a POP3 login lets the same address relay, or {@code off} (walkthrough 001). */
        SMTP_AFTER_POP("smtp-after-pop"),
        /** The server's personality (banner and reply texts of a well-known server), by its id. */
        PERSONALITY("personality"),
        /** A fault to inject, by its name. */
        FAULT("fault");

        private final String key;

        Name(String key) {
            this.key = key;
        }

        /** The name as a lesson file writes it. */
        public String key() {
            return key;
        }

        static Optional<Name> of(String key) {
            return Arrays.stream(values()).filter(n -> n.key.equals(key.toLowerCase(Locale.ROOT))).findFirst();
        }

        static String known() {
            return String.join(", ", Arrays.stream(values()).map(Name::key).toList());
        }
    }

    public ServerSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name.key() + " " + value;
    }
}
