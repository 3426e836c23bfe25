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
    public enum Name implements Keyed {
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
            return byKey(values(), key);
        }

        static String known() {
            return keys(values());
        }
    }

    /** The faults a lesson may ask for ({@code needs: fault greylisting}), each as its file writes it. */
    public enum Fault implements Keyed {
        /** The server refuses new connections (554 greeting). */
        REFUSE_CONNECTIONS("refuse-connections"),
        /** The first attempt of a sender and recipient gets a temporary refusal. */
        GREYLISTING("greylisting"),
        /** The connection drops in the middle of DATA. */
        DROP_MID_DATA("drop-mid-data"),
        /** POP3 logins fail. */
        POP3_LOGIN_FAILURE("pop3-login-failure"),
        /** RCPT gets a temporary failure. */
        RCPT_FAILURE("rcpt-failure"),
        /** The end of DATA gets a temporary failure. */
        DATA_FAILURE("data-failure");

        private final String key;

        Fault(String key) {
            this.key = key;
        }

        /** The fault as a lesson file writes it. */
        public String key() {
            return key;
        }

        /** The fault a lesson file names this way, if any. */
        public static Optional<Fault> of(String key) {
            return byKey(values(), key);
        }

        static String known() {
            return keys(values());
        }
    }

    /** A word a lesson file writes ({@link Name}, {@link Fault}): found by it, any case, and listed in problems. */
    private interface Keyed {
        String key();
    }

    private static <K extends Keyed> Optional<K> byKey(K[] all, String key) {
        String written = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(all).filter(each -> each.key().equals(written)).findFirst();
    }

    private static String keys(Keyed[] all) {
        return String.join(", ", Arrays.stream(all).map(Keyed::key).toList());
    }

    /** The longest SMTP-after-POP window a lesson may ask for, a day (the {@code serve} console's limit too). */
    public static final int MAX_SMTP_AFTER_POP_MINUTES = 1440;

    public ServerSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * For {@code smtp-after-pop}: the window in minutes, or empty for {@code off}; a value {@link #problem} rejects
     * reads as off.
     */
    public Optional<Integer> smtpAfterPopMinutes() {
        if (!value.matches("[0-9]{1,4}")) {
            return Optional.empty();
        }
        int minutes = Integer.parseInt(value);
        return minutes >= 1 && minutes <= MAX_SMTP_AFTER_POP_MINUTES ? Optional.of(minutes) : Optional.empty();
    }

    /** For {@code fault}: which one, if the value names one. */
    public Optional<Fault> fault() {
        return Fault.of(value);
    }

    /** What is wrong with the value for its setting, if anything (a lesson file's problem). */
    Optional<String> problem() {
        return switch (name) {
            case SMTP_AFTER_POP -> value.equalsIgnoreCase("off") || smtpAfterPopMinutes().isPresent() ? Optional.empty()
                    : Optional.of("smtp-after-pop takes a number of minutes from 1 to " + MAX_SMTP_AFTER_POP_MINUTES
                            + ", or off, not \"" + value + "\"");
            case FAULT -> fault().isPresent() ? Optional.empty()
                    : Optional.of("unknown fault \"" + value + "\" (known: " + Fault.known() + ")");
            // the personalities are the server's to know: whoever switches it says when one is unknown
            case PERSONALITY -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return name.key() + " " + value;
    }
}
