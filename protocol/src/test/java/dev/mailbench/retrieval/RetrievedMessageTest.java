package dev.mailbench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.RetrievedText;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Putting together the message a RETR carried, from the transcript where a POP3 dialogue reader found it. */
class RetrievedMessageTest {

    private final Transcript transcript = new Transcript();
    private final Pop3Dialogue dialogue = new Pop3Dialogue();

    @Test
    void theTextWithoutItsTransparencyDotsLinesSentMeanwhileOrNotes() throws Exception {
        server("+OK ready\r\n");
        client("USER alice\r\n");
        server("+OK\r\n");
        client("PASS secret\r\n");
        server("+OK\r\n");
        client("RETR 1\r\n");
        server("+OK 52 octets\r\n");
        server("Subject: dots\r\n");
        server("\r\n");
        client("NOOP\r\n"); // pipelined while the text arrives (RFC 2449 §6.6)
        dialogue.accept(transcript.note("a note in the middle"));
        server("..starts with a dot\r\n");
        server("last line\n");
        server(".\r\n");
        server("+OK\r\n");

        RetrievedText where = dialogue.retrieved().get(0);
        RetrievedMessage message = RetrievedMessage.read(transcript, where);

        assertThat(message.command()).isEqualTo("RETR 1");
        assertThat(message.complete()).isTrue();
        assertThat(new String(message.content(), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: dots\r\n\r\n.starts with a dot\r\nlast line\n");
        assertThat(message.source().read(message.source().all())).isEqualTo(message.content());
    }

    @Test
    void aLineReadInPiecesLosesOnlyTheDotItStartsWith() {
        server("+OK ready\r\n");
        client("TOP 1 0\r\n");
        server("+OK\r\n");
        // A line too long to hold at once is recorded in pieces: only the first piece starts a line.
        split("..first piece, ");
        split(".second piece starts with a dot, ");
        server("end\r\n");
        transcript.record(Direction.SERVER, "cut".getBytes(StandardCharsets.US_ASCII), false,
                Set.of(LineIssue.UNTERMINATED), null);
        dialogue.accept(transcript.event(transcript.size() - 1));

        RetrievedMessage message = RetrievedMessage.read(transcript, dialogue.retrieved().get(0));

        assertThat(message.complete()).as("the connection ended first").isFalse();
        assertThat(new String(message.content(), StandardCharsets.US_ASCII))
                .isEqualTo(".first piece, .second piece starts with a dot, end\r\ncut");
    }

    private void split(String piece) {
        dialogue.accept(transcript.record(Direction.SERVER, piece.getBytes(StandardCharsets.US_ASCII), false,
                Set.of(LineIssue.SPLIT), null));
    }

    private void client(String line) {
        dialogue.accept(transcript.record(Direction.CLIENT, line.getBytes(StandardCharsets.US_ASCII), false, Set.of(), null));
    }

    private void server(String line) {
        dialogue.accept(transcript.record(Direction.SERVER, line.getBytes(StandardCharsets.US_ASCII), false, Set.of(), null));
    }
}
