package dev.mailbench.server.pop3;

import static dev.mailbench.server.pop3.Pop3ServerReply.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TranscriptEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STLS (RFC 2595 §4) on the practice server. */
class Pop3TlsTest {

    @TempDir
    Path directory;

    private Pop3Fixture pop3;

    @AfterEach
    void stop() {
        pop3.close();
    }

    @Test
    void stlsUpgradesTheConnectionAndIsThenNoLongerOffered() throws Exception {
        pop3 = new Pop3Fixture(directory).withTls().start();
        pop3.deliver("alice", "Subject: secret\r\n\r\nunder TLS\r\n");
        Pop3ClientSession client = pop3.connect();
        assertThat(client.capa().bodyLines()).contains("STLS");

        pop3.assertReply(client.stls(), STLS_READY);

        assertThat(client.isTls()).isTrue();
        assertThat(client.capa().bodyLines()).doesNotContain("STLS").contains("USER", "SASL PLAIN LOGIN CRAM-MD5");
        assertThat(client.state().isLegal(Pop3Verb.STLS)).isFalse();
        pop3.assertReply(client.command("STLS"), TLS_ALREADY_ACTIVE);
        client.user("alice");
        pop3.assertReply(client.pass("alice-pass"), LOGGED_IN);
        assertThat(new String(client.retr(1).content(), StandardCharsets.US_ASCII)).endsWith("under TLS\r\n");

        pop3.awaitServerEvent(0, e -> e.isNote() && e.line().startsWith("TLS established: TLSv1.3"));
        TranscriptEvent pass = pop3.awaitServerEvent(0, e -> e.line().startsWith("PASS"));
        assertThat(pass.tls()).isTrue();
        TranscriptEvent stls = pop3.awaitServerEvent(0, e -> e.direction() == Direction.CLIENT && e.line().equals("STLS"));
        assertThat(stls.tls()).isFalse();
    }

    @Test
    void theCapabilitiesAfterLoginDoNotOfferStls() throws Exception {
        pop3 = new Pop3Fixture(directory).withTls().start();
        Pop3ClientSession client = pop3.loggedIn("bob", "bob-pass");

        assertThat(client.capa().bodyLines()).doesNotContain("STLS");
        assertThat(client.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);
    }

    @Test
    void withoutACertificateStlsIsNeitherOfferedNorAccepted() throws Exception {
        pop3 = new Pop3Fixture(directory).start();
        Pop3ClientSession client = pop3.connect();

        assertThat(client.capa().bodyLines()).doesNotContain("STLS");
        pop3.assertReply(client.stls(), TLS_UNAVAILABLE);
        assertThat(client.isTls()).isFalse();
    }

    @Test
    void plainTextPipelinedAfterStlsIsNeverReadAsACommand() throws Exception {
        pop3 = new Pop3Fixture(directory).withTls().start();

        List<String> lines = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", pop3.port())) {
            socket.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            lines.add(in.readLine());
            // An attacker's injection, or a careless client: a command right behind STLS, in clear text.
            socket.getOutputStream().write("STLS\r\nCAPA\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            try {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                lines.add("(" + e.getClass().getSimpleName() + ")");
            }
        }

        assertThat(lines.get(0)).startsWith("+OK");
        // Either the server saw CAPA waiting and refused STLS, or it started TLS and the clear text broke the
        // handshake; in no case is CAPA answered.
        assertThat(lines).noneMatch(line -> line.equals("TOP") || line.startsWith("SASL"));
        assertThat(lines.get(1)).isIn(pop3.line(STLS_PIPELINED), pop3.line(STLS_READY));
        assertThat(pop3.serverTranscript(0).toPlainText())
                .containsAnyOf("sent more after STLS", "TLS handshake", "Connection ended");
    }
}
