package dev.mailbench.smtp;

import static dev.mailbench.wire.TranscriptAssert.assertTranscript;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP client against GreenMail, a server nobody here wrote, over real loopback sockets. */
class SmtpClientSessionTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.test", "alice", "alice-pass"));

    private final Transcript transcript = new Transcript();
    private final SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));

    private static final String MESSAGE = String.join("\r\n",
            "From: Miro <miro@example.test>",
            "To: Test <test@example.test>",
            "Subject: dots",
            "",
            "ciaooooo",
            ".a line that starts with a dot",
            ".",
            "..two dots",
            "") ;

    @Test
    void walkthroughDialogueWithDotStuffing() throws Exception {
        SmtpReply banner = smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        assertThat(banner.code()).isEqualTo(220);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.GREETED);
        assertThat(smtp.state().legalVerbs()).contains(SmtpVerb.EHLO, SmtpVerb.HELO).doesNotContain(SmtpVerb.MAIL);

        SmtpReply ehlo = smtp.ehlo("client.example.test");
        assertThat(ehlo.code()).isEqualTo(250);
        assertThat(ehlo.lines().size()).isGreaterThan(1);
        assertThat(smtp.capabilities().keywords()).isNotEmpty();
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.READY);

        assertThat(smtp.mailFrom("miro@example.test").code()).isEqualTo(250);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.MAIL_GIVEN);
        assertThat(smtp.state().isLegal(SmtpVerb.DATA)).isFalse();
        assertThat(smtp.rcptTo("test@example.test").code()).isEqualTo(250);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.RECIPIENTS_GIVEN);
        assertThat(smtp.state().isLegal(SmtpVerb.DATA)).isTrue();

        SmtpReply go = smtp.data();
        assertThat(go.code()).isEqualTo(354);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.DATA_INPUT);
        SmtpReply accepted = smtp.sendMessageText(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        assertThat(accepted.code()).isEqualTo(250);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.READY);

        SmtpReply bye = smtp.quit();
        assertThat(bye.code()).isEqualTo(221);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.CLOSED);

        assertTranscript(transcript,
                "*  Connecting to 127.0.0.1:* …",
                "*  Connected to 127.0.0.1:* from 127.0.0.1:* in *",
                "S: 220 *",
                "C: EHLO client.example.test",
                "S: 250-*",
                "S: 250*",
                "C: MAIL FROM:<miro@example.test>",
                "S: 250 *",
                "C: RCPT TO:<test@example.test>",
                "S: 250 *",
                "C: DATA",
                "S: 354 *",
                "C: From: Miro <miro@example.test>",
                "C: To: Test <test@example.test>",
                "C: Subject: dots",
                "C: ",
                "C: ciaooooo",
                "C: ..a line that starts with a dot",
                "C: ..",
                "C: ...two dots",
                "C: .",
                "S: 250 *",
                "C: QUIT",
                "S: 221 *",
                "*  Connection closed by the server");

        // The server un-stuffed the dots: the message arrived as written (GreenMail drops the final CRLF).
        MimeMessage received = greenMail.getReceivedMessages()[0];
        String body = GreenMailUtil.getBody(received);
        assertThat(body).isEqualTo("ciaooooo\r\n.a line that starts with a dot\r\n.\r\n..two dots");
    }

    @Test
    void everyEventCarriesExactBytesTimestampsAndLatency() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.noop();
        smtp.quit();

        List<TranscriptEvent> events = transcript.events();
        TranscriptEvent noop = events.stream().filter(e -> e.line().equals("NOOP")).findFirst().orElseThrow();
        assertThat(noop.bytes()).isEqualTo("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(noop.direction()).isEqualTo(Direction.CLIENT);
        TranscriptEvent reply = events.get((int) noop.sequence() + 1);
        assertThat(reply.direction()).isEqualTo(Direction.SERVER);
        assertThat(reply.latency()).isPresent();
        assertThat(reply.nanoTime()).isGreaterThanOrEqualTo(noop.nanoTime());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i);
        }
    }

    @Test
    void authPlainAndLoginShowDecodedPayloadsWithPasswordMasked() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        assertThat(smtp.capabilities().authMechanisms()).contains("PLAIN", "LOGIN");

        SmtpReply plain = smtp.authPlain("alice", "alice-pass");
        assertThat(plain.code()).isEqualTo(235);
        assertThat(smtp.state().authenticated()).isTrue();
        TranscriptEvent authLine = transcript.events().stream()
                .filter(e -> e.line().startsWith("AUTH PLAIN ")).findFirst().orElseThrow();
        assertThat(authLine.annotation().secret()).isTrue();
        assertThat(authLine.annotation().decoded()).contains("⟨NUL⟩alice⟨NUL⟩").doesNotContain("alice-pass");
        assertThat(authLine.annotation().revealed()).contains("alice-pass");
        smtp.quit();

        Transcript second = new Transcript();
        try (SmtpClientSession login = new SmtpClientSession(second, ClientOptions.defaults(new ClientTlsLayer()))) {
            login.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
            login.ehlo("client.example.test");
            assertThat(login.authLogin("alice", "alice-pass").code()).isEqualTo(235);
            login.quit();
        }
        List<TranscriptEvent> events = second.events();
        List<String> decoded = events.stream().filter(e -> e.annotation() != null)
                .map(e -> e.direction() + " " + e.annotation().decoded()).toList();
        assertThat(decoded).containsSubsequence(
                "SERVER challenge decoded from base64: \"Username:\"",
                "CLIENT response decoded from base64: \"alice\"",
                "SERVER challenge decoded from base64: \"Password:\"",
                "CLIENT response decoded from base64: \"••••••\" (the password)");
    }

    @Test
    void wrongPasswordIsRefusedAndSessionStaysUsable() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        SmtpReply refused = smtp.authLogin("alice", "wrong");
        assertThat(refused.isPermanent()).isTrue();
        assertThat(smtp.state().authenticated()).isFalse();
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.READY);
        assertThat(smtp.noop().code()).isEqualTo(250);
        smtp.quit();
    }

    @Test
    void implicitTlsReportsTheCertificateAndProtectsEveryLine() throws Exception {
        SmtpReply banner = smtp.connect("127.0.0.1", greenMail.getSmtps().getPort(), TlsMode.IMPLICIT);
        assertThat(banner.code()).isEqualTo(220);
        assertThat(smtp.isTls()).isTrue();
        smtp.ehlo("client.example.test");
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertThat(smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII)).code()).isEqualTo(250);
        smtp.quit();

        List<TranscriptEvent> events = transcript.events();
        assertThat(events.stream().filter(TranscriptEvent::isNote).map(TranscriptEvent::line))
                .anySatisfy(note -> assertThat(note).startsWith("TLS established, certificate for another host: TLSv1.").contains("chain trusted: no"));
        assertThat(events.stream().filter(e -> !e.isNote())).allSatisfy(e -> assertThat(e.tls()).isTrue());
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void commandLineTypingFollowsTheStateAndShowsA503() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.command("ehlo client.example.test");
        // Out of order on purpose: DATA before MAIL.
        SmtpReply outOfOrder = smtp.command("DATA").orElseThrow();
        assertThat(outOfOrder.code()).isEqualTo(503);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.READY);

        smtp.command("mail from:<miro@example.test>");
        smtp.command("rcpt to:<test@example.test>");
        assertThat(smtp.command("data").orElseThrow().code()).isEqualTo(354);
        assertThat(smtp.command("Subject: typed")).isEmpty();
        assertThat(smtp.command("")).isEmpty();
        assertThat(smtp.command("typed by hand")).isEmpty();
        SmtpReply done = smtp.command(".").orElseThrow();
        assertThat(done.code()).isEqualTo(250);
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.READY);
        smtp.quit();
        assertThat(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0])).isEqualTo("typed by hand");
    }

    @Test
    void mailParametersAreSentAsGiven() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        smtp.mailFrom("miro@example.test", new java.util.LinkedHashMap<>(Map.of("SIZE", "1234")));
        smtp.quit();
        assertThat(dev.mailbench.wire.TranscriptAssert.wireLines(transcript)).contains("C: MAIL FROM:<miro@example.test> SIZE=1234");
    }
}
