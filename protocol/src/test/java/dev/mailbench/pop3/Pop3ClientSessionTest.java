package dev.mailbench.pop3;

import static dev.mailbench.wire.TranscriptAssert.assertTranscript;
import static dev.mailbench.wire.TranscriptAssert.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The POP3 client against GreenMail's POP3 server over real loopback sockets. */
class Pop3ClientSessionTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.POP3, ServerSetupTest.POP3S}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.test", "alice", "alice-pass"));

    static final String FIRST = String.join("\r\n",
            "From: Bob <bob@example.test>",
            "To: Alice <alice@example.test>",
            "Subject: first",
            "Message-ID: <first@example.test>",
            "",
            "line one",
            ".starts with a dot",
            "line three",
            "");
    static final String SECOND = String.join("\r\n",
            "From: Bob <bob@example.test>",
            "To: Alice <alice@example.test>",
            "Subject: second",
            "Message-ID: <second@example.test>",
            "",
            "hello again",
            "");

    private final Transcript transcript = new Transcript();
    private final Pop3ClientSession pop3 = new Pop3ClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));

    @BeforeEach
    void deliverTwoMessages() throws Exception {
        try (SmtpClientSession smtp = new SmtpClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
            smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
            smtp.ehlo("client.example.test");
            for (String message : List.of(FIRST, SECOND)) {
                smtp.mailFrom("bob@example.test");
                smtp.rcptTo("alice@example.test");
                assertThat(smtp.data(message.getBytes(StandardCharsets.US_ASCII)).code()).isEqualTo(250);
            }
            smtp.quit();
        }
    }

    @Test
    void fullDialogueFromLoginToQuit() throws Exception {
        Pop3Reply greeting = pop3.connect("127.0.0.1", greenMail.getPop3().getPort(), TlsMode.NONE);
        assertThat(greeting.isOk()).isTrue();
        assertThat(pop3.state().phase()).isEqualTo(Pop3Phase.AUTHORIZATION);
        assertThat(pop3.state().legalVerbs()).contains(Pop3Verb.USER).doesNotContain(Pop3Verb.PASS, Pop3Verb.STAT);

        assertThat(pop3.user("alice").isOk()).isTrue();
        assertThat(pop3.state().isLegal(Pop3Verb.PASS)).isTrue();
        assertThat(pop3.pass("alice-pass").isOk()).isTrue();
        assertThat(pop3.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);

        MaildropStatus status = MaildropStatus.parse(pop3.stat()).orElseThrow();
        assertThat(status.messages()).isEqualTo(2);

        List<ScanListing> sizes = ScanListing.parse(pop3.list());
        assertThat(sizes).extracting(ScanListing::number).containsExactly(1, 2);
        assertThat(sizes.stream().mapToLong(ScanListing::size).sum()).isEqualTo(status.octets());
        assertThat(ScanListing.parse(pop3.list(2))).singleElement().extracting(ScanListing::number).isEqualTo(2);

        List<ScanListing> uids = ScanListing.parse(pop3.uidl());
        assertThat(uids).hasSize(2);
        assertThat(uids.get(0).value()).isNotEqualTo(uids.get(1).value());

        Pop3Reply top = pop3.top(1, 0);
        assertThat(new String(top.content(), StandardCharsets.US_ASCII)).contains("Subject: first").doesNotContain("line one");

        Pop3Reply retr = pop3.retr(1);
        assertThat(retr.isOk()).isTrue();
        String retrieved = new String(retr.content(), StandardCharsets.US_ASCII);
        // The exact bytes of the body, with the transparency dot removed again.
        assertThat(retrieved).endsWith("\r\n\r\nline one\r\n.starts with a dot\r\nline three\r\n");
        assertThat(retrieved).contains("Subject: first\r\n", "Message-ID: <first@example.test>\r\n");
        // RFC 1939 §5 wants LIST to give the exact size; GreenMail reports the body's size only, which is
        // exactly the kind of discrepancy a user of this workbench gets to see.
        assertThat(retr.content().length).isGreaterThan(0);

        assertThat(pop3.dele(1).isOk()).isTrue();
        assertThat(pop3.rset().isOk()).isTrue();
        // GreenMail answers RSET with two lines, which RFC 1939 §5 does not allow; the second arrives with no
        // command waiting and is recorded as unsolicited. Wait for it so that it cannot be taken for RETR's reply.
        awaitEvent(transcript, e -> e.line().equals("Unsolicited reply: no command was waiting for it."), Duration.ofSeconds(10));
        assertThat(pop3.retr(1).isOk()).isTrue();
        assertThat(pop3.dele(2).isOk()).isTrue();
        assertThat(pop3.noop().isOk()).isTrue();
        assertThat(pop3.quit().isOk()).isTrue();
        assertThat(pop3.state().phase()).isEqualTo(Pop3Phase.CLOSED);

        assertTranscript(transcript,
                "*  Connecting to 127.0.0.1:* …",
                "*  Connected to * in *",
                "S: +OK *",
                "C: USER alice",
                "S: +OK*",
                "C: PASS alice-pass",
                "S: +OK*",
                "C: STAT",
                "S: +OK 2 *",
                "C: LIST",
                "S: +OK*",
                "S: 1 *",
                "S: 2 *",
                "S: .",
                "C: LIST 2",
                "S: +OK 2 *",
                "C: UIDL",
                "S: +OK*",
                "S: 1 *",
                "S: 2 *",
                "S: .",
                "C: TOP 1 0",
                "S: +OK*",
                "S: Return-Path: <bob@example.test>",
                "S: Received: from 127.0.0.1 (HELO client.example.test); *",
                "S: From: Bob <bob@example.test>",
                "S: To: Alice <alice@example.test>",
                "S: Subject: first",
                "S: Message-ID: <first@example.test>",
                "S: ",
                "S: .",
                "C: RETR 1",
                "S: +OK*",
                "S: Return-Path: <bob@example.test>",
                "S: Received: from 127.0.0.1 (HELO client.example.test); *",
                "S: From: Bob <bob@example.test>",
                "S: To: Alice <alice@example.test>",
                "S: Subject: first",
                "S: Message-ID: <first@example.test>",
                "S: ",
                "S: line one",
                "S: ..starts with a dot",
                "S: line three",
                "S: .",
                "C: DELE 1",
                "S: +OK*",
                "C: RSET",
                "S: +OK",
                "S: +OK maildrop has 1 messages undeleted.",
                "*  Unsolicited reply: no command was waiting for it.",
                "C: RETR 1",
                "S: +OK*",
                "S: Return-Path: <bob@example.test>",
                "S: Received: from 127.0.0.1 (HELO client.example.test); *",
                "S: From: Bob <bob@example.test>",
                "S: To: Alice <alice@example.test>",
                "S: Subject: first",
                "S: Message-ID: <first@example.test>",
                "S: ",
                "S: line one",
                "S: ..starts with a dot",
                "S: line three",
                "S: .",
                "C: DELE 2",
                "S: +OK*",
                "C: NOOP",
                "S: +OK*",
                "C: QUIT",
                "S: +OK*",
                "*  Connection closed by the server");
        // The PASS line carries the password in clear; the transcript marks it secret so a view can mask it.
        TranscriptEvent passLine = transcript.events().stream().filter(e -> e.line().startsWith("PASS ")).findFirst().orElseThrow();
        assertThat(passLine.annotation().secret()).isTrue();
        assertThat(passLine.annotation().decoded()).doesNotContain("alice-pass");
    }

    @Test
    void implicitTlsCapaAndAuthPlain() throws Exception {
        Pop3Reply greeting = pop3.connect("127.0.0.1", greenMail.getPop3s().getPort(), TlsMode.IMPLICIT);
        assertThat(greeting.isOk()).isTrue();
        assertThat(pop3.isTls()).isTrue();

        assertThat(pop3.capa().bodyLines()).contains("SASL PLAIN XOAUTH2");
        assertThat(pop3.state().capabilities()).contains("SASL PLAIN XOAUTH2");
        // CAPA lists no STLS, so the guidance does not offer it.
        assertThat(pop3.state().isLegal(Pop3Verb.STLS)).isFalse();

        Pop3Reply auth = pop3.authenticate(new dev.mailbench.sasl.PlainClient("", "alice", "alice-pass"));
        assertThat(auth.isOk()).isTrue();
        assertThat(pop3.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);
        assertThat(MaildropStatus.parse(pop3.stat()).orElseThrow().messages()).isEqualTo(2);
        pop3.quit();

        TranscriptEvent authLine = transcript.events().stream()
                .filter(e -> e.line().startsWith("AUTH PLAIN")).findFirst().orElseThrow();
        assertThat(authLine.tls()).isTrue();
        assertThat(authLine.annotation().decoded()).contains("alice").doesNotContain("alice-pass");
        assertThat(transcript.events()).filteredOn(TranscriptEvent::isNote).map(TranscriptEvent::line)
                .anySatisfy(note -> assertThat(note).startsWith("TLS established, certificate for another host: ").contains("chain trusted: no"));
    }
}
