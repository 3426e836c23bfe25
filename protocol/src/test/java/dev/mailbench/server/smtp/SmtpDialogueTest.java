package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.EhloCapabilities;
import dev.mailbench.smtp.EnhancedStatus;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wire scripts of the ordinary SMTP dialogue against the practice server, with our own client. */
class SmtpDialogueTest {

    private static final String MESSAGE = String.join("\r\n",
            "From: Miro <miro@example.test>",
            "To: Alice <alice@example.test>",
            "Subject: dots",
            "",
            "ciaooooo",
            ".a line that starts with a dot",
            ".",
            "..two dots",
            "");

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @BeforeEach
    void start() throws Exception {
        practice = PracticeSmtp.start(root);
    }

    @AfterEach
    void stop() {
        practice.close();
    }

    @Test
    void greetsAndListsItsExtensions() throws Exception {
        SmtpClientSession smtp = practice.client();

        SmtpReply banner = smtp.connect("127.0.0.1", practice.port(), dev.mailbench.wire.TlsMode.NONE);
        SmtpReply ehlo = smtp.ehlo("client.example.test");

        assertThat(banner.wireLines()).containsExactly("220 mail.example.test ESMTP Postfix (Mailbench practice server)");
        assertThat(ehlo.code()).isEqualTo(250);
        assertThat(ehlo.lines().get(0)).isEqualTo("mail.example.test");
        EhloCapabilities capabilities = EhloCapabilities.parse(ehlo);
        assertThat(capabilities.keywords()).containsExactly("PIPELINING", "SIZE", "VRFY", "ETRN", "STARTTLS", "AUTH",
                "ENHANCEDSTATUSCODES", "8BITMIME", "HELP");
        assertThat(capabilities.maxSize()).hasValue(25L * 1024 * 1024);
        assertThat(capabilities.authMechanisms()).containsExactly("PLAIN", "LOGIN", "CRAM-MD5");
    }

    @Test
    void aMessageForALocalUserIsStoredWithTraceHeadersAndDotsUnstuffed() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();

        assertReply(smtp.mailFrom("miro@example.test"), SmtpReplies.S250_SENDER_OK);
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.data(), SmtpReplies.S354_START_INPUT);
        SmtpReply queued = assertReply(smtp.sendMessageText(MESSAGE.getBytes(StandardCharsets.US_ASCII)),
                SmtpReplies.S250_QUEUED);
        smtp.quit();

        List<StoredMessage> stored = practice.messages("alice");
        assertThat(stored).hasSize(1);
        StoredMessage message = stored.get(0);
        // The queue id in "250 2.0.0 Ok: queued as <id>" is the message's POP3 UID.
        assertThat(queued.lines().get(0)).isEqualTo("2.0.0 Ok: queued as " + message.uid());
        String text = practice.text(message);
        assertThat(text).startsWith("Return-Path: <miro@example.test>\r\n"
                + "Received: from client.example.test ([127.0.0.1])\r\n"
                + "\tby mail.example.test (Postfix) with ESMTP id " + message.uid() + "\r\n"
                + "\tfor <alice@example.test>; ");
        assertThat(text).endsWith("\r\n" + MESSAGE);
        assertThat(text.split("\r\n", -1)).contains(".a line that starts with a dot", ".", "..two dots");
    }

    @Test
    void aliasesAndListsDeliverOnceToEachMailbox() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();

        smtp.mailFrom("miro@example.test");
        assertReply(smtp.rcptTo("postmaster@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.command("RCPT TO:<Postmaster>"), SmtpReplies.S250_RECIPIENT_OK); // RFC 5321 §4.1.1.3
        assertReply(smtp.rcptTo("class@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII)), SmtpReplies.S250_QUEUED);

        assertThat(practice.messages("alice")).hasSize(1);
        assertThat(practice.messages("bob")).hasSize(1);
        // Several recipients: the Received line names none of them (each could see the others, Bcc included).
        assertThat(practice.text(practice.messages("bob").get(0))).doesNotContain("for <");
    }

    @Test
    void anUnknownLocalUserIsRefusedAndTheOthersStillGetTheMessage() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();

        smtp.mailFrom("miro@example.test");
        assertReply(smtp.rcptTo("nobody@example.test"), SmtpReplies.S550_UNKNOWN_USER);
        assertReply(smtp.rcptTo("bob@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII)), SmtpReplies.S250_QUEUED);

        assertThat(practice.messages("bob")).hasSize(1);
    }

    @Test
    void theNullSenderOfBouncesIsAccepted() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();

        assertReply(smtp.mailFrom(""), SmtpReplies.S250_SENDER_OK);
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII)), SmtpReplies.S250_QUEUED);

        assertThat(practice.text(practice.messages("alice").get(0))).startsWith("Return-Path: <>\r\n");
    }

    @Test
    void theTelnetFormsOfTheWalkthroughsAreAccepted() throws Exception {
        // Walkthrough 004: "mail from:miro@miro.com", "rcpt to:test@myrocode.com" — no angle brackets.
        SmtpClientSession smtp = practice.connect();

        assertThat(smtp.command("helo client.example.test").orElseThrow().wireLines())
                .containsExactly("250 mail.example.test");
        assertReply(smtp.command("mail from:miro@miro.com"), SmtpReplies.S250_SENDER_OK);
        assertReply(smtp.command("rcpt to:alice@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.command("RSET"), SmtpReplies.S250_OK);
        assertReply(smtp.command("MAIL FROM: <miro@miro.com> SIZE=100 BODY=8BITMIME"), SmtpReplies.S250_SENDER_OK);
        assertReply(smtp.command("RCPT TO:<@relay.example.test:alice@example.test>"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.command("data"), SmtpReplies.S354_START_INPUT);
        assertReply(smtp.sendMessageText("ciaooooo\r\n".getBytes(StandardCharsets.US_ASCII)), SmtpReplies.S250_QUEUED);

        // HELO, not EHLO: the trace line says plain SMTP (RFC 3848).
        assertThat(practice.text(practice.messages("alice").get(0))).contains(" with SMTP id ").endsWith("\r\nciaooooo\r\n");
    }

    @Test
    void rsetAbandonsTheTransaction() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();

        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.rset(), SmtpReplies.S250_OK);

        assertReply(smtp.command("DATA"), SmtpReplies.S503_NEED_MAIL);
        assertReply(smtp.command("RCPT TO:<alice@example.test>"), SmtpReplies.S503_NEED_MAIL);
    }

    @Test
    void vrfyExpnHelpNoopAndEtrn() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();

        assertThat(assertReply(smtp.vrfy("alice"), SmtpReplies.S250_VRFY).wireLines())
                .containsExactly("250 2.1.5 Alice Example <alice@example.test>");
        assertThat(assertReply(smtp.vrfy("postmaster"), SmtpReplies.S250_VRFY).text()).contains("alice@example.test");
        assertReply(smtp.vrfy("nobody"), SmtpReplies.S550_VRFY_UNKNOWN);
        assertThat(assertReply(smtp.expn("class"), SmtpReplies.S250_EXPN).wireLines()).containsExactly(
                "250-2.1.5 Alice Example <alice@example.test>",
                "250 2.1.5 Bob Example <bob@example.test>");
        assertReply(smtp.expn("alice"), SmtpReplies.S550_NOT_A_LIST);
        assertThat(assertReply(smtp.help(null), SmtpReplies.S214_HELP).wireLines()).first()
                .isEqualTo("214-2.0.0 Commands:");
        assertThat(assertReply(smtp.help("mail"), SmtpReplies.S214_HELP_TOPIC).wireLines())
                .containsExactly("214 2.0.0 Syntax: MAIL FROM:<reverse-path> [SP mail-parameters]");
        assertReply(smtp.help("FROB"), SmtpReplies.S504_UNKNOWN_HELP_TOPIC);
        assertReply(smtp.noop(), SmtpReplies.S250_OK);
        assertReply(smtp.command("NOOP ignored argument"), SmtpReplies.S250_OK);
        assertReply(smtp.etrn("example.test"), SmtpReplies.S251_ETRN_NOTHING_WAITING);
        assertReply(smtp.etrn("@elsewhere.example"), SmtpReplies.S458_ETRN_REFUSED);
        assertReply(smtp.quit(), SmtpReplies.S221_BYE);
        assertThat(smtp.isConnected()).isFalse();
    }

    @Test
    void everyReplyButGreetingHeloEhloAnd3xxCarriesAMatchingEnhancedStatusCode() throws Exception {
        // RFC 2034 §3: whether or not the client used EHLO.
        SmtpClientSession smtp = practice.connect();
        smtp.helo("client.example.test");
        smtp.command("FROB");
        smtp.vrfy("alice");
        smtp.vrfy("nobody");
        smtp.help(null);
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        smtp.rcptTo("x@elsewhere.example");
        smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        smtp.command("DATA");
        smtp.authLogin("alice", "wrong");
        smtp.quit();

        List<TranscriptEvent> events = practice.lastServerTranscript().events();
        List<String> serverLines = events.stream().filter(e -> e.direction() == Direction.SERVER)
                .map(TranscriptEvent::line).toList();
        assertThat(serverLines).hasSizeGreaterThan(15);
        for (String line : serverLines.subList(1, serverLines.size())) {
            int code = Integer.parseInt(line.substring(0, 3));
            String text = line.substring(4);
            if (code / 100 == 3 || text.startsWith("mail.example.test")) {
                continue; // 354/334, and the answer to HELO
            }
            assertThat(EnhancedStatus.atStartOf(text)).as(line).hasValueSatisfying(
                    status -> assertThat(status.klass()).isEqualTo(code / 100));
        }
    }
}
