package dev.mailbench.app.lesson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
        practice.ifPresent(server -> needs.forEach(setting -> properties(server, setting).forEach(switched -> {
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

    /** The properties a setting switches (none for a value the lesson's validation would have refused). */
    private static List<Switched<?>> properties(PracticeServerViewModel server, ServerSetting setting) {
        return switch (setting.name()) {
            // a window of minutes, or off; the minutes first, so that switching on applies the lesson's window
            case SMTP_AFTER_POP -> setting.smtpAfterPopMinutes()
                    .<List<Switched<?>>>map(minutes -> List.of(
                            switched(server.smtpAfterPopMinutesProperty().asObject(), minutes),
                            switched(server.smtpAfterPopProperty(), true)))
                    .orElseGet(() -> List.of(switched(server.smtpAfterPopProperty(), false)));
            case PERSONALITY -> List.of(switched(server.personalityProperty(), setting.value()));
            case FAULT -> setting.fault().<List<Switched<?>>>map(fault -> List.of(switch (fault) {
                case REFUSE_CONNECTIONS -> switched(server.refuseConnectionsProperty(), true);
                case GREYLISTING -> switched(server.greylistingProperty(), true);
                case DROP_MID_DATA -> switched(server.dropMidDataProperty(), true);
                case POP3_LOGIN_FAILURE -> switched(server.pop3LoginFailureProperty(), true);
                // RFC 5321 §4.2.3: 451, a local error in processing, is the temporary failure the panel offers first
                case RCPT_FAILURE -> switched(server.rcptFailureProperty().asObject(), 451);
                case DATA_FAILURE -> switched(server.dataFailureProperty().asObject(), 451);
            })).orElseGet(List::of);
        };
    }
}
