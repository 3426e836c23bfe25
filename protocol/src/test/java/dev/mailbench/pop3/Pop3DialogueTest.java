package dev.mailbench.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading POP3 dialogues: a telnet session as in walkthroughs 000 and 001, CAPA, AUTH, STLS and a cut RETR. */
class Pop3DialogueTest {

    private final Transcript transcript = new Transcript();
    private final Pop3Dialogue dialogue = new Pop3Dialogue();

    @Test
    void aTelnetSessionFromGreetingToQuit() {
        Pop3LineReading greeting =
                server("+OK Microsoft Exchange Server 2003 POP3 server version 6.5.7638.1 <1896.697170952@dbc.mtview.ca.us> ready.");
        assertThat(greeting.answers().kind()).isEqualTo(Pop3Turn.Kind.CONNECTION);
        assertThat(dialogue.state()).extracting(Pop3State::phase, Pop3State::apopOffered)
                .containsExactly(Pop3Phase.AUTHORIZATION, true);
        assertThat(dialogue.apopTimestamp()).contains("<1896.697170952@dbc.mtview.ca.us>");

        client("USER MSEXchangeORG");
        server("+OK");
        assertThat(dialogue.state().userGiven()).isTrue();
        client("PASS Fake001");
        server("+OK User successfully logged on.");
        assertThat(dialogue.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);

        TranscriptEvent stat = record(Direction.CLIENT, "STAT\r\n");
        dialogue.accept(stat);
        Pop3LineReading statStatus = server("+OK 2 320");
        assertThat(statStatus.answers().is(Pop3Verb.STAT)).isTrue();
        assertThat(statStatus.answers().sequence()).isEqualTo(stat.sequence());
        assertThat(statStatus).extracting(Pop3LineReading::multiLine, Pop3LineReading::completesResponse)
                .containsExactly(false, true);

        // RFC 1939 §5: LIST without an argument answers with a scan listing ended by a dot.
        client("list");
        assertThat(server("+OK 2 messages (320 octets)").multiLine()).isTrue();
        assertThat(server("1 120").role()).isEqualTo(Pop3LineRole.RESPONSE_TEXT);
        assertThat(server("2 200").role()).isEqualTo(Pop3LineRole.RESPONSE_TEXT);
        assertThat(server(".")).extracting(Pop3LineReading::role, Pop3LineReading::completesResponse)
                .containsExactly(Pop3LineRole.RESPONSE_END, true);
        client("LIST 1");
        assertThat(server("+OK 1 120").completesResponse()).as("with an argument: one line").isTrue();

        TranscriptEvent retr = record(Direction.CLIENT, "retr 1\r\n");
        dialogue.accept(retr);
        TranscriptEvent status = record(Direction.SERVER, "+OK 120 octets\r\n");
        dialogue.accept(status);
        server("Subject: test");
        server("");
        assertThat(server("..starts with a dot"))
                .extracting(Pop3LineReading::role, Pop3LineReading::leadingDot)
                .containsExactly(Pop3LineRole.RESPONSE_TEXT, true);
        assertThat(dialogue.retrievedAt(retr.sequence())).hasValueSatisfying(text ->
                assertThat(text.complete()).as("still arriving").isFalse());
        TranscriptEvent end = record(Direction.SERVER, ".\r\n");
        dialogue.accept(end);
        RetrievedText text = new RetrievedText(retr.sequence(), status.sequence(), end.sequence(), true);
        assertThat(dialogue.retrieved()).containsExactly(text);
        assertThat(dialogue.retrievedAt(status.sequence() + 2)).contains(text);
        assertThat(dialogue.retrievedAt(stat.sequence())).isEmpty();

        client("DELE 1");
        server("+OK");
        client("QUIT");
        server("+OK Microsoft Exchange Server 2003 POP3 server version 6.5.7638.1 signing off.");
        assertThat(dialogue.state().phase()).isEqualTo(Pop3Phase.UPDATE);
    }

    @Test
    void passIsLegalOnlyRightAfterAnAcceptedUser() {
        // RFC 1939 §7: PASS follows USER directly; a server answers PASS after USER and CAPA "-ERR No username given".
        server("+OK POP3 ready");
        client("USER alice");
        server("+OK");
        assertThat(dialogue.state().isLegal(Pop3Verb.PASS)).isTrue();
        client("CAPA");
        server("+OK Capability list follows");
        server("USER");
        server(".");
        assertThat(dialogue.state().isLegal(Pop3Verb.PASS)).as("after CAPA's answer").isFalse();

        // A command refused in between counts too.
        client("USER alice");
        server("+OK");
        client("XTND");
        server("-ERR Unknown command");
        assertThat(dialogue.state().isLegal(Pop3Verb.PASS)).as("after XTND's refusal").isFalse();
        client("USER alice");
        server("+OK");
        assertThat(dialogue.state().isLegal(Pop3Verb.PASS)).isTrue();
    }

    @Test
    void capaListsTheCapabilitiesAndStlsStartsTlsWithTheFirstProtectedLine() {
        server("+OK ready");
        client("CAPA");
        server("+OK capability list follows");
        server("USER");
        server("STLS");
        server("SASL PLAIN");
        server(".");
        assertThat(dialogue.state().capabilities()).containsExactly("USER", "STLS", "SASL PLAIN");

        client("STLS");
        server("+OK begin TLS negotiation");
        assertThat(dialogue.tlsDue()).isTrue();
        TranscriptEvent capa = transcript.record(Direction.CLIENT, "CAPA\r\n".getBytes(StandardCharsets.US_ASCII),
                true, Set.of(), null);
        dialogue.accept(capa);
        // RFC 2595 §4: the capabilities learnt in plain text are discarded.
        assertThat(dialogue.state()).extracting(Pop3State::phase, Pop3State::tls, Pop3State::capabilities)
                .containsExactly(Pop3Phase.AUTHORIZATION, true, List.of());
    }

    @Test
    void anAuthExchangeReadsTheClientsLinesAsResponsesUntilTheVerdict() {
        server("+OK ready");
        client("AUTH LOGIN");
        Pop3LineReading challenge = server("+ VXNlcm5hbWU6");
        assertThat(challenge.status().status()).isEqualTo(Pop3Reply.Status.CONTINUATION);
        assertThat(dialogue.state().phase()).isEqualTo(Pop3Phase.AUTH_EXCHANGE);
        assertThat(client("YWxpY2U=").role()).isEqualTo(Pop3LineRole.AUTH_RESPONSE);
        assertThat(server("+ UGFzc3dvcmQ6").answers().kind()).isEqualTo(Pop3Turn.Kind.AUTH_RESPONSE);
        assertThat(client("c2VjcmV0").role()).isEqualTo(Pop3LineRole.AUTH_RESPONSE);
        server("+OK maildrop locked and ready");
        assertThat(dialogue.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);
        assertThat(client("STAT").role()).isEqualTo(Pop3LineRole.COMMAND);
    }

    @Test
    void aRetrCutShortByTheConnectionIsAnIncompleteMessage() {
        server("+OK ready");
        client("USER alice");
        server("+OK");
        client("PASS secret");
        server("+OK");
        TranscriptEvent retr = record(Direction.CLIENT, "RETR 1\r\n");
        dialogue.accept(retr);
        TranscriptEvent status = record(Direction.SERVER, "+OK\r\n");
        dialogue.accept(status);
        TranscriptEvent cut = transcript.record(Direction.SERVER, "Subj".getBytes(StandardCharsets.US_ASCII), false,
                Set.of(LineIssue.UNTERMINATED), null);
        assertThat(dialogue.accept(cut)).extracting(Pop3LineReading::role, Pop3LineReading::completesResponse)
                .containsExactly(Pop3LineRole.RESPONSE_TEXT, true);
        assertThat(dialogue.retrieved())
                .containsExactly(new RetrievedText(retr.sequence(), status.sequence(), cut.sequence(), false));
    }

    private Pop3LineReading client(String line) {
        return dialogue.accept(record(Direction.CLIENT, line + "\r\n"));
    }

    private Pop3LineReading server(String line) {
        return dialogue.accept(record(Direction.SERVER, line + "\r\n"));
    }

    private TranscriptEvent record(Direction direction, String text) {
        return transcript.record(direction, text.getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
    }
}
