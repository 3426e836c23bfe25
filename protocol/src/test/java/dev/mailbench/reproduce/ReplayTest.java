package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A recorded session, saved with its password masked, played again against the practice server. */
class ReplayTest {

    private final ScriptRunner runner = new ScriptRunner(
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)), line -> { });

    @Test
    void aMaskedSessionPlayedWithThePasswordGivenDrawsTheSameReplies() throws Exception {
        PracticeServer server = SharedPracticeServer.get();
        ServerAddress address = new ServerAddress("127.0.0.1", server.smtpPort(), MailProtocol.SMTP, TlsMode.STARTTLS);
        RunResult recorded = runner.run(Script.parse("live.mbscript", """
                EHLO client.example.test
                STARTTLS
                EHLO client.example.test
                AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=
                expect 235
                NOOP⟨LF⟩
                NOOP
                QUIT
                """), address);
        assertThat(recorded.exitCode()).isZero();
        List<TranscriptEvent> events = masked(recorded);

        assertThat(Replay.masksPasswords(MailProtocol.SMTP, TlsMode.STARTTLS, events)).isTrue();
        assertThat(Replay.masksPasswords(MailProtocol.SMTP, TlsMode.STARTTLS, recorded.events())).isFalse();
        Script script = Replay.script("replay", MailProtocol.SMTP, TlsMode.STARTTLS, events,
                Optional.of(new Replay.Credentials("alice", "alice-pass")));
        assertThat(script.steps()).extracting(step -> step instanceof ScriptStep.Send send ? send.text()
                        : ((ScriptStep.Raw) step).text())
                .containsExactly("EHLO client.example.test", "STARTTLS", "EHLO client.example.test",
                        "AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=", "NOOP⟨LF⟩", "NOOP", "QUIT");

        RunResult replayed = runner.run(script, address);
        ReplyComparison comparison = ReplyComparison.of(List.of(Replay.original(address, events), replayed));

        assertThat(replayed.error()).isEmpty();
        assertThat(comparison.rows()).extracting(ReplyComparison.Row::command)
                .containsExactly("(connect)", "EHLO client.example.test", "STARTTLS", "EHLO client.example.test",
                        "AUTH PLAIN ••••••", "NOOP", "QUIT"); // NOOP⟨LF⟩ drew no reply of its own
        assertThat(comparison.rows()).extracting(ReplyComparison.Row::difference)
                .doesNotContain(ReplyComparison.Difference.CODE, ReplyComparison.Difference.MISSING);

        // without the password, the mask itself is sent, and the server's refusal is a difference
        RunResult unmasked = runner.run(Replay.script("replay", MailProtocol.SMTP, TlsMode.STARTTLS, events,
                Optional.empty()), address);
        assertThat(ReplyComparison.of(List.of(Replay.original(address, events), unmasked)).rows().get(4).difference())
                .isEqualTo(ReplyComparison.Difference.CODE);
    }

    /** The events as a session file saved without its passwords holds them. */
    private static List<TranscriptEvent> masked(RunResult run) throws Exception {
        ServerAddress a = run.address();
        StringWriter file = new StringWriter();
        SessionFile.write(SessionRecord.of(new SessionConnection(new SessionSettings(a.protocol(), a.host(), a.port(),
                a.tlsMode(), Optional.empty()), run.transcript()), "test"), file, false);
        return SessionFile.read(new StringReader(file.toString())).connections().get(0).events();
    }
}
