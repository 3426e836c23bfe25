package dev.mailbench.app.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.ladder.LadderPalette;
import dev.mailbench.ladder.RowKind;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;

import org.junit.jupiter.api.Test;

/** The tab's ladder over the transcript pane's lines: several connections, selection both ways, growth, expansion. */
class LadderViewModelTest {

    private final TranscriptViewModel lines = new TranscriptViewModel(new CurrentThreadTaskExecutor());
    private final LadderViewModel ladder = new LadderViewModel(lines, Runnable::run);

    @Test
    void theLaddersOfATabsConnectionsFollowOneAnotherAndShareTheTranscriptsSelection() {
        Transcript first = smtp("220 first\r\n", "QUIT\r\n", "221 bye\r\n");
        Transcript second = smtp("220 second\r\n", "EHLO x\r\n", "250-second\r\n", "250 PIPELINING\r\n");
        lines.follow(first, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        lines.follow(second, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        lines.drain(100);
        ladder.shownProperty().set(true);

        assertThat(ladder.size()).isEqualTo(6); // 220, QUIT, 221; 220, EHLO, its two-line 250
        assertThat(ladder.row(3).label()).isEqualTo("220");
        assertThat(ladder.lineOfRow(3)).isEqualTo(3);
        assertThat(ladder.rowOfLine(5)).as("the first line of the EHLO reply").isEqualTo(5);
        assertThat(ladder.rowOfLine(6)).as("its second line, on the same arrow").isEqualTo(5);

        ladder.select(4);
        assertThat(lines.selectedProperty().get()).isEqualTo(4);
        assertThat(lines.explanationProperty().get()).isNotNull();
        assertThat(ladder.selectedProperty().get()).isEqualTo(4);

        lines.select(1);
        assertThat(ladder.selectedProperty().get()).isEqualTo(1);
    }

    @Test
    void theLadderGrowsWithTheLinesWhileShownAndCatchesUpWhenShownAgain() {
        Transcript transcript = new Transcript();
        lines.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        ladder.shownProperty().set(true);
        record(transcript, Direction.SERVER, "220 hi\r\n");
        lines.drain(100);
        assertThat(ladder.size()).isEqualTo(1);

        ladder.shownProperty().set(false);
        record(transcript, Direction.CLIENT, "NOOP\r\n");
        lines.drain(100);
        assertThat(ladder.size()).as("not read while hidden").isEqualTo(1);

        ladder.shownProperty().set(true);
        assertThat(ladder.size()).isEqualTo(2);
        assertThat(ladder.row(1).kind()).isEqualTo(RowKind.COMMAND);
    }

    @Test
    void shownAfterALongSessionTheLadderCatchesUpInStepsTheWindowCanAnswerBetween() {
        Transcript transcript = new Transcript();
        record(transcript, Direction.SERVER, "220 hi\r\n");
        for (int i = 0; i < LadderViewModel.MAX_LINES_PER_STEP; i++) {
            record(transcript, Direction.CLIENT, "NOOP\r\n");
            record(transcript, Direction.SERVER, "250 ok\r\n");
        }
        lines.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        while (lines.hasWaiting()) {
            lines.drain(TranscriptViewModel.MAX_LINES_PER_PULSE);
        }
        List<Runnable> steps = new ArrayList<>();
        LadderViewModel stepped = new LadderViewModel(lines, steps::add);

        stepped.shownProperty().set(true);
        assertThat(stepped.size()).isEqualTo(LadderViewModel.MAX_LINES_PER_STEP);
        assertThat(steps).hasSize(1);
        steps.remove(0).run();
        steps.remove(0).run();
        assertThat(stepped.size()).isEqualTo(transcript.size());
        assertThat(steps).isEmpty();
    }

    @Test
    void aMultiLineReplyExpandsToItsLinesAsTheTranscriptShowsThem() {
        Transcript transcript = smtp("220 hi\r\n", "EHLO x\r\n", "250-mx\r\n", "250-SIZE 10\r\n", "250 HELP\r\n");
        lines.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        lines.drain(100);
        ladder.shownProperty().set(true);

        ladder.toggleExpanded(0);
        assertThat(ladder.isExpanded(0)).as("a one-line reply has nothing to expand").isFalse();
        ladder.toggleExpanded(2);
        assertThat(ladder.isExpanded(2)).isTrue();
        assertThat(ladder.lineText(2, 1)).isEqualTo("250-SIZE 10");
        ladder.toggleExpanded(2);
        assertThat(ladder.isExpanded(2)).isFalse();
    }

    /** The exported ladder's palette is the light theme's colours, name for name. */
    @Test
    void thePaletteMirrorsTheLightTheme() throws IOException {
        String css;
        try (InputStream in = getClass().getResourceAsStream("/dev/mailbench/app/theme/light.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (LadderPalette colour : LadderPalette.values()) {
            Matcher declared = Pattern.compile(Pattern.quote(colour.themeName()) + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
            assertThat(declared.find()).as(colour.themeName() + " in light.css").isTrue();
            assertThat(declared.group(1)).as(colour.themeName()).isEqualToIgnoringCase(colour.hex());
        }
    }

    private static Transcript smtp(String... serverFirst) {
        Transcript transcript = new Transcript();
        for (String line : serverFirst) {
            boolean server = Character.isDigit(line.charAt(0));
            record(transcript, server ? Direction.SERVER : Direction.CLIENT, line);
        }
        return transcript;
    }

    private static void record(Transcript transcript, Direction direction, String line) {
        transcript.record(direction, line.getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
    }
}
