package dev.mailbench.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineClass;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A misbehaving POP3 server (RFC 1939 §3, §5, §7): a RETR of another size than its +OK announced, LIST and UIDL lines
 * that are not {@code n size} / {@code n uid}, a RETR cut off before its dot. Each line at fault gets the malformed
 * class, the explanation leads with the problem, and the session says so.
 */
class MalformedPop3ResponsesTest {

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.POP3, catalogue);
    private final Pop3ClientSession pop3 = new Pop3ClientSession(transcript,
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(20)));

    MalformedPop3ResponsesTest() {
        transcript.addListener(explainer);
    }

    @Test
    void aRetrOfAnotherSizeThanAnnouncedIsMalformed() throws Exception {
        try (ScriptedPeer peer = loggedIn("+OK 50 octets\r\nSubject: x\r\n\r\nhi\r\n.\r\n")) {
            connectAndLogIn(peer);
            pop3.retr(1);

            String problem = "the status line announced 50 octets but 18 came";
            assertThat(pop3.malformedResponse()).contains(problem);
            assertThat(lineClass(line(".\r\n"))).isEqualTo(LineClass.MALFORMED);
            assertThat(firstSentence(line("+OK 50 octets"))).isEqualTo(catalogue.malformedResponse(problem));
            pop3.abort();
        }
    }

    @Test
    void aRetrOfTheAnnouncedSizeIsASuccess() throws Exception {
        try (ScriptedPeer peer = loggedIn("+OK 18 octets\r\nSubject: x\r\n\r\nhi\r\n.\r\n")) {
            connectAndLogIn(peer);
            pop3.retr(1);

            assertThat(pop3.malformedResponse()).isEmpty();
            assertThat(lineClass(line(".\r\n"))).isEqualTo(LineClass.SUCCESS);
            assertThat(firstSentence(line("+OK 18 octets"))).isEqualTo(catalogue.pop3Status(true));
            pop3.abort();
        }
    }

    @Test
    void aListLineThatIsNotNumberAndSizeIsMalformed() throws Exception {
        try (ScriptedPeer peer = loggedIn("+OK 2 messages\r\n1 120\r\n2 big\r\n.\r\n")) {
            connectAndLogIn(peer);
            pop3.list();

            String problem = "a LIST line's size is not a number of octets (RFC 1939 §5)";
            assertThat(pop3.malformedResponse()).contains(problem);
            assertThat(lineClass(line("1 120"))).isEqualTo(LineClass.SUCCESS);
            assertThat(lineClass(line("2 big"))).isEqualTo(LineClass.MALFORMED);
            assertThat(firstSentence(line("2 big"))).isEqualTo(catalogue.malformedResponse(problem));
            pop3.abort();
        }
    }

    @Test
    void aUidlLineWithAnIdOfMoreThan70CharactersIsMalformed() throws Exception {
        try (ScriptedPeer peer = loggedIn("+OK\r\n1 " + "u".repeat(71) + "\r\n.\r\n")) {
            connectAndLogIn(peer);
            pop3.uidl();

            assertThat(pop3.malformedResponse()).hasValueSatisfying(p -> assertThat(p).contains("1 to 70"));
            assertThat(lineClass(line("1 uuu"))).isEqualTo(LineClass.MALFORMED);
            pop3.abort();
        }
    }

    @Test
    void aRetrCutOffBeforeItsDotIsNotASuccess() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("+OK ready\r\n");
            c.receive();
            c.send("+OK\r\n");
            c.receive();
            c.send("+OK\r\n");
            c.receive();
            c.send("+OK 100 octets\r\nSubject: x\r\n");
            c.hangUp();
        })) {
            connectAndLogIn(peer);
            assertThatThrownBy(() -> pop3.retr(1)).isInstanceOf(ConnectionClosedException.class);

            assertThat(pop3.malformedResponse()).hasValueSatisfying(p -> assertThat(p).contains("terminating"));
            TranscriptEvent close = transcript.events().get(transcript.size() - 1);
            assertThat(close.isNote()).isTrue();
            assertThat(lineClass(close)).isEqualTo(LineClass.MALFORMED);
            assertThat(firstSentence(close)).isEqualTo(catalogue.eventSentence("response.cut-off"));
            assertThat(firstSentence(line("+OK 100 octets"))).isEqualTo(catalogue.eventSentence("response.cut-off"));
        }
    }

    private ScriptedPeer loggedIn(String response) throws Exception {
        return new ScriptedPeer(c -> {
            c.send("+OK ready\r\n");
            c.receive();
            c.send("+OK\r\n");
            c.receive();
            c.send("+OK\r\n");
            c.receive();
            c.send(response);
            c.awaitClientClose();
        });
    }

    private void connectAndLogIn(ScriptedPeer peer) throws Exception {
        pop3.connect("127.0.0.1", peer.port(), TlsMode.NONE);
        pop3.user("alice");
        pop3.pass("secret");
    }

    private TranscriptEvent line(String start) {
        List<TranscriptEvent> events = transcript.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!events.get(i).isNote() && events.get(i).text().startsWith(start)) {
                return events.get(i);
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private LineClass lineClass(TranscriptEvent event) {
        return explainer.info(event.sequence()).lineClass();
    }

    private String firstSentence(TranscriptEvent event) {
        return explainer.explain(event.sequence()).sentences().get(0);
    }
}
