package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every wrong order and every wrong syntax, and the reply the practice server gives to each. */
class SmtpSequenceAndSyntaxTest {

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @AfterEach
    void stop() {
        if (practice != null) {
            practice.close();
        }
    }

    private SmtpClientSession connected() throws Exception {
        practice = PracticeSmtp.start(root);
        return practice.connect();
    }

    @Test
    void aTransactionNeedsHeloOrEhloFirst() throws Exception {
        SmtpClientSession smtp = connected();

        assertReply(smtp.command("MAIL FROM:<miro@example.test>"), SmtpReplies.S503_NEED_HELO);
        assertReply(smtp.command("RCPT TO:<alice@example.test>"), SmtpReplies.S503_NEED_HELO);
        assertReply(smtp.command("DATA"), SmtpReplies.S503_NEED_HELO);
        assertReply(smtp.command("AUTH PLAIN"), SmtpReplies.S503_NEED_HELO);
        assertReply(smtp.command("STARTTLS"), SmtpReplies.S503_NEED_HELO);
        assertReply(smtp.command("ETRN example.test"), SmtpReplies.S503_NEED_HELO);
        // RFC 5321 §4.1.4: these are allowed at any time.
        assertReply(smtp.command("NOOP"), SmtpReplies.S250_OK);
        assertReply(smtp.command("RSET"), SmtpReplies.S250_OK);
        assertReply(smtp.command("VRFY bob"), SmtpReplies.S250_VRFY);
    }

    @Test
    void rcptBeforeMailDataBeforeRcptAndNestedMail() throws Exception {
        SmtpClientSession smtp = connected();
        smtp.ehlo("client.example.test");

        assertReply(smtp.command("RCPT TO:<alice@example.test>"), SmtpReplies.S503_NEED_MAIL);
        assertReply(smtp.command("DATA"), SmtpReplies.S503_NEED_MAIL);
        assertReply(smtp.command("MAIL FROM:<miro@example.test>"), SmtpReplies.S250_SENDER_OK);
        assertReply(smtp.command("DATA"), SmtpReplies.S503_NEED_RCPT);
        assertReply(smtp.command("MAIL FROM:<other@example.test>"), SmtpReplies.S503_NESTED_MAIL);
        assertReply(smtp.command("RCPT TO:<nobody@example.test>"), SmtpReplies.S550_UNKNOWN_USER);
        assertReply(smtp.command("DATA"), SmtpReplies.S503_NEED_RCPT); // a refused recipient does not count
    }

    @Test
    void authTwiceAndAuthInsideATransaction() throws Exception {
        SmtpClientSession smtp = connected();
        smtp.ehlo("client.example.test");

        smtp.mailFrom("miro@example.test");
        assertReply(smtp.command("AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M="), SmtpReplies.S503_TRANSACTION_IN_PROGRESS);
        smtp.rset();
        assertReply(smtp.authPlain("alice", "alice-pass"), SmtpReplies.S235_AUTHENTICATED);
        assertReply(smtp.command("AUTH LOGIN"), SmtpReplies.S503_ALREADY_AUTHENTICATED);
    }

    @Test
    void unknownAndUnimplementedCommands() throws Exception {
        SmtpClientSession smtp = connected();

        assertReply(smtp.command("FROB"), SmtpReplies.S500_UNKNOWN_COMMAND);
        assertReply(smtp.command(""), SmtpReplies.S500_UNKNOWN_COMMAND);
        assertReply(smtp.command("MAIL:<miro@example.test>"), SmtpReplies.S503_NEED_HELO);
        assertReply(smtp.command("TURN"), SmtpReplies.S502_NOT_IMPLEMENTED);
        assertReply(smtp.command("BDAT 10 LAST"), SmtpReplies.S502_NOT_IMPLEMENTED);
        assertReply(smtp.command("XEXCH50 1 2"), SmtpReplies.S502_NOT_IMPLEMENTED);
    }

    @Test
    void missingAndMalformedArguments() throws Exception {
        // More errors in a row than the default budget of 20 allows.
        practice = PracticeSmtp.start(root, context -> context.withLimits(new dev.mailbench.server.ServerLimits(
                1000, 1_000_000, 100, 10, java.time.Duration.ofSeconds(30), 3, 100)));
        SmtpClientSession smtp = practice.connect();

        assertReply(smtp.command("HELO"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("EHLO"), SmtpReplies.S501_SYNTAX);
        smtp.ehlo("client.example.test");
        // RFC 5321 §4.1.2: MAIL FROM: needs a path; an empty one is "<>", never nothing.
        assertReply(smtp.command("MAIL FROM:"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("MAIL"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("MAIL TO:<miro@example.test>"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("MAIL:<miro@example.test>"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("MAIL FROM:<miro@example.test"), SmtpReplies.S501_BAD_SENDER);
        assertReply(smtp.command("MAIL FROM:<not an address>"), SmtpReplies.S501_BAD_SENDER);
        assertReply(smtp.command("MAIL FROM:<miro@>"), SmtpReplies.S501_BAD_SENDER);
        assertReply(smtp.command("MAIL FROM:<miro@example.test>junk"), SmtpReplies.S501_BAD_SENDER);
        assertReply(smtp.command("MAIL FROM:<miro@example.test> SIZE=lots"), SmtpReplies.S501_BAD_SIZE);
        assertReply(smtp.command("MAIL FROM:<miro@example.test> BODY=BINARYMIME"), SmtpReplies.S555_UNSUPPORTED_PARAMETER);
        assertReply(smtp.command("MAIL FROM:<miro@example.test> RET=HDRS"), SmtpReplies.S555_UNSUPPORTED_PARAMETER);
        assertReply(smtp.command("MAIL FROM:<miro@example.test> AUTH=<>"), SmtpReplies.S250_SENDER_OK);
        assertReply(smtp.command("RCPT TO:"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("RCPT TO:<>"), SmtpReplies.S501_BAD_RECIPIENT);
        assertReply(smtp.command("RCPT TO:<alice@example.test> NOTIFY=NEVER"), SmtpReplies.S555_UNSUPPORTED_PARAMETER);
        assertReply(smtp.command("RCPT TO:<alice@example.test>"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.command("DATA now"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("RSET all"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("ETRN example.test"), SmtpReplies.S503_TRANSACTION_IN_PROGRESS); // RFC 1985 §3
        smtp.rset();
        assertReply(smtp.command("VRFY"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("EXPN"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("ETRN"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("STARTTLS please"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("QUIT now"), SmtpReplies.S501_SYNTAX);
    }

    @Test
    void authArgumentsAndMechanisms() throws Exception {
        SmtpClientSession smtp = connected();
        smtp.ehlo("client.example.test");

        assertReply(smtp.command("AUTH"), SmtpReplies.S501_SYNTAX);
        assertReply(smtp.command("AUTH GSSAPI"), SmtpReplies.S504_UNKNOWN_MECHANISM);
        assertReply(smtp.command("AUTH PLAIN not*base64"), SmtpReplies.S501_AUTH_NOT_BASE64);
        assertReply(smtp.command("AUTH CRAM-MD5 dGlt"), SmtpReplies.S501_AUTH_MALFORMED); // RFC 4954 §4
    }

    @Test
    void anOverlongCommandLineIsRefusedAndTheSessionGoesOn() throws Exception {
        SmtpClientSession smtp = connected();

        SmtpReply reply = smtp.command("NOOP " + "x".repeat(1200)).orElseThrow();

        assertReply(reply, SmtpReplies.S500_LINE_TOO_LONG);
        assertReply(smtp.command("NOOP"), SmtpReplies.S250_OK);
    }

    @Test
    void aCommandLineLongerThanTheHoldLimitIsDiscardedInPieces() throws Exception {
        SmtpClientSession smtp = connected();

        SmtpReply reply = smtp.command("VRFY " + "y".repeat(200_000)).orElseThrow();

        assertReply(reply, SmtpReplies.S500_LINE_TOO_LONG);
        assertReply(smtp.command("NOOP"), SmtpReplies.S250_OK);
    }

    @Test
    void aBareLineFeedInsideACommandLineIsRefused() throws Exception {
        SmtpClientSession smtp = connected();

        Replies.sendRawAndAwait(smtp, "NOOP\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII), "500 5.5.2");

        assertReply(smtp.command("NOOP"), SmtpReplies.S250_OK);
        // The LF did not end a line: one refused line, then the one NOOP after it.
        assertThat(practice.lastServerTranscript().events().stream()
                .filter(e -> e.direction() == dev.mailbench.wire.Direction.SERVER).map(e -> e.line()).skip(1))
                .containsExactly("500 5.5.2 Error: bare <CR> or <LF> in command line (RFC 5321 section 2.3.8)", "250 2.0.0 Ok");
    }

    @Test
    void theErrorBudgetEndsAnAbusiveSessionWith421() throws Exception {
        practice = PracticeSmtp.start(root, context -> context.withLimits(new dev.mailbench.server.ServerLimits(
                1000, 1_000_000, 100, 10, java.time.Duration.ofSeconds(30), 3, 3)));
        SmtpClientSession smtp = practice.connect();

        assertReply(smtp.command("FROB"), SmtpReplies.S500_UNKNOWN_COMMAND);
        assertReply(smtp.command("DATA"), SmtpReplies.S503_NEED_HELO);
        SmtpReply last = smtp.command("HELO").orElseThrow();

        assertReply(last, SmtpReplies.S421_TOO_MANY_ERRORS);
        Replies.awaitNote(smtp.transcript(), "Connection closed by the server");
    }
}
