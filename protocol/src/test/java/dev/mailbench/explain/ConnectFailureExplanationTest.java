package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ConnectFailures;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection that cannot be made is a note in the transcript that says why, and its explanation says what that
 * means and what to check: a refused port (nothing listens there) and a host name that does not resolve.
 */
class ConnectFailureExplanationTest {

    /** RFC 2606 §2: a name under .invalid never resolves, so no test packet leaves this machine for it. */
    private static final String UNKNOWN_HOST = "no-such-host.invalid";

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
    private final SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));

    ConnectFailureExplanationTest() {
        transcript.addListener(explainer);
    }

    /** A port that nothing listens on: one the system just gave out and that was closed again. */
    private static int closedPort() throws Exception {
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return unused.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionIsANoteThatSaysNothingListensThereAndWhichPortsThePracticeServerUses() throws Exception {
        int port = closedPort();

        assertThatThrownBy(() -> smtp.connect("127.0.0.1", port, TlsMode.NONE))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("nothing listens on that port");

        TranscriptEvent note = lastNote();
        assertThat(note.line()).startsWith("Could not connect to 127.0.0.1:" + port + ": connection refused");
        assertThat(ConnectFailures.kindOf(note.line())).isEqualTo("connection-refused");
        // drawn in the colour of a problem, not like "Connecting to …"
        assertThat(explainer.info(note.sequence()).lineClass()).isEqualTo(LineClass.MALFORMED);
        assertThat(explainer.info(note.sequence() - 1).lineClass()).isEqualTo(LineClass.NOTE);
        List<String> sentences = explainer.explain(note.sequence()).sentences();
        assertThat(sentences.get(0)).isEqualTo(catalogue.eventSentence("note.connection-refused"))
                .contains("nothing listens on that port").contains("2525").contains("1110");
    }

    @Test
    void aRefusedImplicitTlsConnectionIsExplainedTheSameWay() throws Exception {
        int port = closedPort();

        assertThatThrownBy(() -> smtp.connect("127.0.0.1", port, TlsMode.IMPLICIT)).isInstanceOf(ConnectException.class);

        TranscriptEvent note = lastNote();
        assertThat(note.line()).startsWith("Could not connect to 127.0.0.1:" + port + " with TLS: connection refused");
        assertThat(explainer.explain(note.sequence()).sentences().get(0))
                .isEqualTo(catalogue.eventSentence("note.connection-refused"));
    }

    @Test
    void anUnknownHostIsANoteThatSaysTheNameDoesNotResolve() {
        assertThatThrownBy(() -> smtp.connect(UNKNOWN_HOST, 25, TlsMode.NONE))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining(UNKNOWN_HOST).hasMessageContaining("does not resolve");

        TranscriptEvent note = lastNote();
        assertThat(note.line()).isEqualTo("Could not connect to " + UNKNOWN_HOST
                + ":25: unknown host, the name does not resolve to an address");
        List<String> sentences = explainer.explain(note.sequence()).sentences();
        assertThat(sentences.get(0)).isEqualTo(catalogue.eventSentence("note.unknown-host")).contains("DNS");
        assertThat(sentences).doesNotContain(catalogue.eventSentence("note.connection-refused"));
    }

    @Test
    void otherNotesGetNoConnectionSentence() {
        assertThat(ConnectFailures.kindOf("Connected to 127.0.0.1:25 from 127.0.0.1:5000 in 1 ms")).isNull();
        assertThat(ConnectFailures.kindOf("Could not connect to a:25: something else")).isNull();
    }

    private TranscriptEvent lastNote() {
        List<TranscriptEvent> notes = transcript.events().stream().filter(TranscriptEvent::isNote).toList();
        return notes.get(notes.size() - 1);
    }
}
