package dev.mailbench.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preview a form shows is what the session then really sends. */
class SaslPreviewTest {

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void thePreviewIsWhatTheSessionSends(String mechanism) throws Exception {
        SaslPreview preview = SaslPreview.of(SmtpVerb.AUTH::line, mechanism, "alice", "alice-pass");
        Transcript transcript = new Transcript();
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 mx.example.test ESMTP\r\n");
            c.receive();
            c.send("250-mx.example.test\r\n250 AUTH PLAIN LOGIN\r\n");
            String auth = c.receive();
            if (auth.equals("AUTH LOGIN")) {
                c.send("334 VXNlcm5hbWU6\r\n");
                c.receive();
                c.send("334 UGFzc3dvcmQ6\r\n");
                c.receive();
            }
            c.send("235 2.7.0 OK\r\n");
            c.awaitClientClose();
        });
             SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()))) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example.test");
            smtp.authenticate(SaslClientMechanism.forName(mechanism, "alice", "alice-pass"));
        }

        List<TranscriptEvent> sent = transcript.events().stream()
                .filter(e -> e.direction() == Direction.CLIENT && !e.line().startsWith("EHLO")).toList();
        assertThat(preview.lines()).extracting(SaslPreview.PreviewLine::line)
                .containsExactlyElementsOf(sent.stream().map(TranscriptEvent::line).toList());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(preview.lines().get(i).annotation()).isEqualTo(sent.get(i).annotation());
        }
        assertThat(preview.answersChallenge()).isFalse();
    }

    @Test
    void passwordsAreSecretTheUserNameIsNot() {
        SaslPreview login = SaslPreview.of(SmtpVerb.AUTH::line, "login", "alice", "alice-pass");

        assertThat(login.mechanism()).isEqualTo("LOGIN");
        assertThat(login.lines()).extracting(SaslPreview.PreviewLine::secret).containsExactly(false, false, true);
        assertThat(login.lines().get(2).annotation().decoded()).doesNotContain("alice-pass");
        assertThat(login.lines().get(2).annotation().revealed()).contains("alice-pass");
        assertThat(SaslPreview.of(SmtpVerb.AUTH::line, "PLAIN", "alice", "alice-pass").lines()).singleElement()
                .satisfies(line -> assertThat(line.secret()).isTrue());
    }

    @Test
    void cramMd5CanOnlyAnswerTheChallengeOnceItArrives() {
        SaslPreview cram = SaslPreview.of(SmtpVerb.AUTH::line, "CRAM-MD5", "alice", "alice-pass");

        assertThat(cram.lines()).extracting(SaslPreview.PreviewLine::line).containsExactly("AUTH CRAM-MD5");
        assertThat(cram.answersChallenge()).isTrue();
    }
}
