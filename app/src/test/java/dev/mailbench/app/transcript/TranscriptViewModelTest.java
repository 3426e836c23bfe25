package dev.mailbench.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineRole;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import org.junit.jupiter.api.Test;

class TranscriptViewModelTest {

    private final TranscriptViewModel pane = new TranscriptViewModel(new CurrentThreadTaskExecutor());
    private final Transcript transcript = new Transcript();

    @Test
    void linesWaitUntilDrainedAndComeInOrderInBatchesOfTheAskedSize() {
        List<String> wakeUps = new ArrayList<>();
        pane.setWakeUp(() -> wakeUps.add("wake"));
        pane.follow(transcript, new EventExplainer(MailProtocol.POP3, Catalogue.english()));
        for (int i = 0; i < 5; i++) {
            transcript.record(Direction.SERVER, ("line " + i + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        }

        assertThat(wakeUps).as("one wake-up for a run of lines").hasSize(1);
        assertThat(pane.size()).isZero();
        assertThat(pane.drain(2)).extracting(entry -> entry.event().line()).containsExactly("line 0", "line 1");
        assertThat(pane.drain(2)).extracting(entry -> entry.event().line()).containsExactly("line 2", "line 3");
        assertThat(pane.hasWaiting()).isTrue();
        assertThat(pane.drain(2)).hasSize(1);
        assertThat(pane.hasWaiting()).isFalse();
        assertThat(pane.size()).isEqualTo(5);

        transcript.note("more");
        assertThat(wakeUps).as("lines after a drain wake the view again").hasSize(2);
    }

    @Test
    void linesRecordedBeforeFollowingAreShownToo() {
        transcript.note("Connecting to 127.0.0.1:25 …");

        pane.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));

        assertThat(pane.drain(10)).singleElement().satisfies(entry ->
                assertThat(pane.render(entry).lineStyle()).isEqualTo("note"));
    }

    @Test
    void selectingALineExplainsIt() {
        pane.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        transcript.record(Direction.SERVER, "554 5.7.1 No SMTP service here\r\n".getBytes(StandardCharsets.US_ASCII),
                false, Set.of(), null);
        pane.drain(10);

        pane.select(0);

        assertThat(pane.selectedProperty().get()).isZero();
        assertThat(pane.explanationProperty().get().sentences()).contains(Catalogue.english().smtpReply(554));
        assertThat(pane.messageSelectedProperty().get()).isFalse();
    }

    @Test
    void eachConnectionsLinesAreExplainedByItsOwnExplainerAndKeepTheirReading() {
        EventExplainer pop3 = new EventExplainer(MailProtocol.POP3, Catalogue.english());
        EventExplainer smtp = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
        Transcript second = new Transcript();
        pane.follow(transcript, pop3);
        transcript.record(Direction.SERVER, "+OK ready\r\n".getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        pane.drain(10);
        pane.follow(second, smtp);
        second.record(Direction.SERVER, "554 5.7.1 No SMTP service here\r\n".getBytes(StandardCharsets.US_ASCII),
                false, Set.of(), null);
        transcript.record(Direction.CLIENT, "QUIT\r\n".getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        pane.drain(10);

        assertThat(pane.lines()).extracting(TranscriptEntry::explainer).containsExactly(pop3, smtp, pop3);
        assertThat(pane.lines()).extracting(entry -> pane.render(entry).lineStyle())
                .containsExactly("reply-2xx", "reply-5xx", "client");
        assertThat(pane.entry(1).event().line()).isEqualTo("554 5.7.1 No SMTP service here");
    }

    @Test
    void aLongRetrDrainedInBatchesOfAnySizeKeepsEveryLineInOrderWithItsReading() {
        pane.follow(transcript, new EventExplainer(MailProtocol.POP3, Catalogue.english()));
        transcript.record(Direction.SERVER, "+OK ready\r\n".getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        transcript.record(Direction.CLIENT, "RETR 1\r\n".getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        transcript.record(Direction.SERVER, "+OK message follows\r\n".getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        int bodyLines = 10_000; // more than the lines one waiting run holds
        for (int i = 0; i < bodyLines; i++) {
            transcript.record(Direction.SERVER, ("body " + i + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        }
        transcript.record(Direction.SERVER, ".\r\n".getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);

        int drained = 0;
        for (int batch = 1; pane.hasWaiting(); batch = batch * 3 + 1) {
            drained += pane.drain(batch).size();
        }

        assertThat(drained).isEqualTo(bodyLines + 4).isEqualTo(pane.size());
        for (int i = 0; i < bodyLines; i++) {
            TranscriptEntry line = pane.entry(i + 3);
            assertThat(line.event().line()).isEqualTo("body " + i);
            assertThat(line.info().role()).isEqualTo(LineRole.RESPONSE_BODY);
        }
        assertThat(pane.entry(bodyLines + 3).info().role()).isEqualTo(LineRole.RESPONSE_END);
    }

    @Test
    void aSnapshotKeepsTheLinesItWasTakenWithWhileMoreArriveOnThisAndAnotherConnection() {
        pane.follow(transcript, new EventExplainer(MailProtocol.POP3, Catalogue.english()));
        for (int i = 0; i < 100; i++) {
            transcript.record(Direction.SERVER, ("line " + i + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        }
        pane.drain(Integer.MAX_VALUE);
        List<TranscriptEntry> all = pane.entries();
        List<TranscriptEntry> some = pane.entries(10, 20);

        Transcript second = new Transcript();
        pane.follow(second, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        for (int i = 0; i < 1_000; i++) { // past the arrays' first capacity
            second.record(Direction.SERVER, ("250-more " + i + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
            transcript.record(Direction.SERVER, ("late " + i + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        }
        pane.drain(Integer.MAX_VALUE);

        assertThat(pane.size()).isEqualTo(2_100);
        assertThat(all).hasSize(100).extracting(entry -> entry.event().line()).endsWith("line 98", "line 99");
        assertThat(some).extracting(entry -> entry.event().line()).startsWith("line 10").endsWith("line 19");
        assertThat(pane.entries()).extracting(entry -> entry.event().line())
                .contains("line 99", "250-more 0", "late 0", "250-more 999", "late 999");
        assertThat(pane.entries(100, 102)).extracting(entry -> entry.event().line()).containsExactly("250-more 0", "late 0");
    }
}
