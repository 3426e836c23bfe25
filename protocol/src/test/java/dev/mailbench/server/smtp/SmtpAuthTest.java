package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP AUTH (RFC 4954) with PLAIN, LOGIN and CRAM-MD5, over the wire with our own client. */
class SmtpAuthTest {

    @TempDir
    Path root;
    private PracticeSmtp practice;
    private SmtpClientSession smtp;

    @BeforeEach
    void start() throws Exception {
        practice = PracticeSmtp.start(root);
        smtp = practice.connectAndEhlo();
    }

    @AfterEach
    void stop() {
        practice.close();
    }

    @Test
    void plainWithInitialResponseAndThePasswordMaskedInTheServerTranscript() throws Exception {
        assertReply(smtp.authPlain("alice", "alice-pass"), SmtpReplies.S235_AUTHENTICATED);

        TranscriptEvent auth = practice.lastServerTranscript().events().stream()
                .filter(e -> e.direction() == Direction.CLIENT && e.line().startsWith("AUTH PLAIN ")).findFirst().orElseThrow();
        assertThat(auth.annotation().secret()).isTrue();
        assertThat(auth.annotation().decoded()).contains("alice").doesNotContain("alice-pass");
        assertThat(auth.annotation().revealed()).contains("alice-pass");
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() throws Exception {
        SmtpReply challenge = smtp.command("AUTH PLAIN").orElseThrow();
        assertThat(challenge.wireLines()).containsExactly("334 ");

        assertReply(smtp.command("AGJvYgBib2ItcGFzcw=="), SmtpReplies.S235_AUTHENTICATED); // \0bob\0bob-pass
    }

    @Test
    void loginAsksUsernameThenPassword() throws Exception {
        assertThat(smtp.command("AUTH LOGIN").orElseThrow().wireLines()).containsExactly("334 VXNlcm5hbWU6");
        assertThat(smtp.command("Ym9i").orElseThrow().wireLines()).containsExactly("334 UGFzc3dvcmQ6");
        assertReply(smtp.command("Ym9iLXBhc3M="), SmtpReplies.S235_AUTHENTICATED);

        List<String> decoded = practice.lastServerTranscript().events().stream().filter(e -> e.annotation() != null)
                .map(e -> e.direction() + " " + e.annotation().decoded()).toList();
        assertThat(decoded).containsSubsequence(
                "SERVER challenge decoded from base64: \"Username:\"",
                "CLIENT response decoded from base64: \"bob\"",
                "SERVER challenge decoded from base64: \"Password:\"",
                "CLIENT response decoded from base64: \"••••••\" (the password)");
    }

    @Test
    void cramMd5WithTheRecoverableSecret() throws Exception {
        assertReply(smtp.authCramMd5("alice", "alice-pass"), SmtpReplies.S235_AUTHENTICATED);

        String challenge = practice.lastServerTranscript().events().stream()
                .filter(e -> e.direction() == Direction.SERVER && e.line().startsWith("334 "))
                .findFirst().orElseThrow().annotation().decoded();
        assertThat(challenge).matches("challenge decoded from base64: \"<\\d+\\.\\d+@mail\\.example\\.test>\"");
    }

    @Test
    void cramMd5ForAnAccountWithoutARecoverableSecretFailsAndSaysWhy() throws Exception {
        SmtpReply refused = smtp.authCramMd5("carol", "carol-pass");

        assertReply(refused, SmtpReplies.S535_AUTH_FAILED);
        assertThat(refused.text()).contains("only a password hash", "PLAIN");
        assertReply(smtp.authPlain("carol", "carol-pass"), SmtpReplies.S235_AUTHENTICATED);
    }

    @Test
    void aWrongPasswordIs535AndTheSessionGoesOn() throws Exception {
        assertReply(smtp.authLogin("alice", "bob-pass"), SmtpReplies.S535_AUTH_FAILED);
        assertReply(smtp.authPlain("mallory", "x"), SmtpReplies.S535_AUTH_FAILED);

        assertReply(smtp.noop(), SmtpReplies.S250_OK);
        assertReply(smtp.authPlain("alice", "alice-pass"), SmtpReplies.S235_AUTHENTICATED);
    }

    @Test
    void tooManyFailuresEndTheSessionWith421() throws Exception {
        assertReply(smtp.authPlain("alice", "one"), SmtpReplies.S535_AUTH_FAILED);
        assertReply(smtp.authPlain("alice", "two"), SmtpReplies.S535_AUTH_FAILED);

        assertReply(smtp.authPlain("alice", "three"), SmtpReplies.S421_TOO_MANY_AUTH_FAILURES);
        Replies.awaitNote(smtp.transcript(), "Connection closed by the server");
    }

    @Test
    void aStarCancelsAndGarbageIsNotBase64() throws Exception {
        smtp.command("AUTH LOGIN");
        assertReply(smtp.command("*"), SmtpReplies.S501_AUTH_CANCELLED);

        smtp.command("AUTH LOGIN");
        assertReply(smtp.command("%%%"), SmtpReplies.S501_AUTH_NOT_BASE64);

        assertReply(smtp.authLogin("bob", "bob-pass"), SmtpReplies.S235_AUTHENTICATED);
    }

    @Test
    void aMalformedPlainMessageIs501() throws Exception {
        assertReply(smtp.command("AUTH PLAIN YWxpY2U="), SmtpReplies.S501_AUTH_MALFORMED); // "alice", no NULs
    }

    @Test
    void actingForAnotherUserIsRefused() throws Exception {
        // authzid "bob", authcid "alice": alice's password is right, but she may not act as bob.
        assertReply(smtp.command("AUTH PLAIN Ym9iAGFsaWNlAGFsaWNlLXBhc3M="), SmtpReplies.S535_AUTH_FAILED);
    }
}
