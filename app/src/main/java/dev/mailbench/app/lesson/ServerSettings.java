package dev.mailbench.app.lesson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailbench.app.practice.PracticeServerViewModel;
import dev.mailbench.lesson.ServerSetting;

import javafx.beans.property.Property;

/**
 * Switches the practice-server settings a lesson step needs ({@code needs: smtp-after-pop 10}) through the
 * practice-server panel's own properties, so the panel shows them switched, and puts each back as it was when the
 * step is left. UI thread.
 */
final class ServerSettings {

    private final Optional<PracticeServerViewModel> practice;
    private final Deque<Runnable> restores = new ArrayDeque<>();

    ServerSettings(Optional<PracticeServerViewModel> practice) {
        this.practice = practice;
    }

    /** Puts back what the last {@link #apply} switched, then switches {@code needs}. */
    void apply(List<ServerSetting> needs) {
        restore();
        practice.ifPresent(server -> needs.forEach(setting -> property(server, setting).ifPresent(switched -> {
            switched.set();
            restores.push(switched::restore);
        })));
    }

    /** Puts back every setting switched, in the reverse order. */
    void restore() {
        while (!restores.isEmpty()) {
            restores.pop().run();
        }
    }

    /** A property and the value it takes for the step, remembering the one it had. */
    private record Switched<T>(Property<T> property, T value, T before) {
        void set() {
            property.setValue(value);
        }

        void restore() {
            property.setValue(before);
        }
    }

    private static <T> Switched<T> switched(Property<T> property, T value) {
        return new Switched<>(property, value, property.getValue());
    }

    private static Optional<Switched<?>> property(PracticeServerViewModel server, ServerSetting setting) {
        String value = setting.value().toLowerCase(Locale.ROOT);
        boolean on = !value.equals("off") && !value.equals("0") && !value.equals("false");
        return switch (setting.name()) {
            // the window of minutes is the server's configured one (or RelayPolicy's default): the panel's switch
            case SMTP_AFTER_POP -> Optional.of(switched(server.smtpAfterPopProperty(), on));
            case PERSONALITY -> Optional.of(switched(server.personalityProperty(), setting.value()));
            case FAULT -> switch (value) {
                case "refuse-connections" -> Optional.of(switched(server.refuseConnectionsProperty(), true));
                case "greylisting" -> Optional.of(switched(server.greylistingProperty(), true));
                case "drop-mid-data" -> Optional.of(switched(server.dropMidDataProperty(), true));
                case "pop3-login-failure" -> Optional.of(switched(server.pop3LoginFailureProperty(), true));
                // RFC 5321 §4.2.3: 451, a local error in processing, is the temporary failure the panel offers first
                case "rcpt-failure" -> Optional.of(switched(server.rcptFailureProperty().asObject(), 451));
                case "data-failure" -> Optional.of(switched(server.dataFailureProperty().asObject(), 451));
                default -> Optional.empty();
            };
        };
    }
}
