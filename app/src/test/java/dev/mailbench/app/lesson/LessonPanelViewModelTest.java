package dev.mailbench.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailbench.app.config.LessonProgressFile;
import dev.mailbench.app.practice.PracticeServerViewModel;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.task.QueuedUiExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.lesson.LessonLibrary;
import dev.mailbench.lesson.ServerSetting;
import dev.mailbench.server.practice.DataDirectory;

import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lesson panel does besides the window: an unknown lesson named at start, a step's server settings. */
class LessonPanelViewModelTest {

    @TempDir
    Path temp;

    private final QueuedUiExecutor ui = new QueuedUiExecutor();

    @Test
    void anUnknownLessonIsSaidPlainlyAndEveryLessonIsStillListed() throws Exception {
        LessonPanelViewModel lessons = new LessonPanelViewModel(ui, Catalogue.english(),
                temp, new LessonPanelViewModel.Window(FXCollections.<SessionViewModel>observableArrayList(),
                        Optional::empty, protocol -> {
                            throw new AssertionError("no tab is opened");
                        }), Optional.empty());

        lessons.load(Optional.of("frist-smtp"), Locale.ROOT);
        ui.runUntil(() -> !lessons.lessons().isEmpty(), Duration.ofSeconds(20));

        assertThat(lessons.messageProperty().get()).isEqualTo("There is no lesson \"frist-smtp\". Choose one from the list.");
        assertThat(lessons.selectedProperty().get()).isNull();
        assertThat(lessons.lessons()).hasSameSizeAs(LessonLibrary.builtIn(Locale.ROOT).all());
        lessons.shutdown();
    }

    @Test
    void theSettingsAStepNeedsAreSwitchedInThePracticePanelAndPutBack() {
        PracticeServerViewModel practice = new PracticeServerViewModel(ui,
                () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig(), Catalogue.english());
        String personality = practice.personalityProperty().get();
        ServerSettings settings = new ServerSettings(Optional.of(practice));

        settings.apply(List.of(new ServerSetting(ServerSetting.Name.SMTP_AFTER_POP, "10"),
                new ServerSetting(ServerSetting.Name.FAULT, "greylisting"),
                new ServerSetting(ServerSetting.Name.FAULT, "rcpt-failure"),
                new ServerSetting(ServerSetting.Name.PERSONALITY, "exchange2003")));
        assertThat(practice.smtpAfterPopProperty().get()).isTrue();
        assertThat(practice.smtpAfterPopMinutesProperty().get()).as("the lesson's window").isEqualTo(10);
        assertThat(practice.greylistingProperty().get()).isTrue();
        assertThat(practice.rcptFailureProperty().get()).isEqualTo(451);
        assertThat(practice.personalityProperty().get()).isEqualTo("exchange2003");

        settings.apply(List.of());   // the next step needs none
        assertThat(practice.smtpAfterPopProperty().get()).isFalse();
        assertThat(practice.smtpAfterPopMinutesProperty().get()).as("the configured window again").isZero();
        assertThat(practice.greylistingProperty().get()).isFalse();
        assertThat(practice.rcptFailureProperty().get()).isZero();
        assertThat(practice.personalityProperty().get()).isEqualTo(personality);
    }
}
