package dev.mailbench.server.pop3;

import static dev.mailbench.server.pop3.Pop3ServerReply.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.sasl.ApopDigest;
import dev.mailbench.sasl.CramMd5Client;
import dev.mailbench.sasl.LoginClient;
import dev.mailbench.sasl.PlainClient;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.wire.TranscriptEvent;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** USER/PASS, APOP and AUTH (PLAIN, LOGIN, CRAM-MD5) against the practice server, and what limits them. */
class Pop3LoginTest {

    @TempDir
    Path directory;

    private Pop3Fixture pop3;

    @BeforeEach
    void server() throws Exception {
        pop3 = new Pop3Fixture(directory)
                .limits(new ServerLimits(1000, 0, 100, 10, Duration.ofMinutes(1), 3, 20))
                .start();
        pop3.deliver("alice", "Subject: hello\r\n\r\nhi\r\n");
    }

    @AfterEach
    void stop() {
        pop3.close();
    }

    @Test
    void userAndPassOpenTheMailboxAndRecordTheClientForSmtpAfterPop() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(pop3.popLogins.loggedInWithin(loopback, Duration.ofMinutes(5))).isFalse();

        Pop3ClientSession client = pop3.connect();
        client.user("alice@example.test");
        pop3.assertReply(client.pass("alice-pass"), LOGGED_IN);

        assertThat(pop3.popLogins.loggedInWithin(loopback, Duration.ofMinutes(5))).isTrue();
        assertThat(client.stat().text()).isEqualTo("1 " + "Subject: hello\r\n\r\nhi\r\n".length());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.user("alice"), USER_ACCEPTED, "user", "alice");
        Pop3Reply wrongPassword = client.pass("not-her-password");
        pop3.assertReply(client.user("mallory"), USER_ACCEPTED, "user", "mallory");
        Pop3Reply unknownUser = client.pass("anything");

        pop3.assertReply(wrongPassword, AUTH_FAILED);
        assertThat(Pop3Fixture.lineOf(unknownUser)).isEqualTo(Pop3Fixture.lineOf(wrongPassword));
        assertThat(unknownUser.code()).contains("AUTH");
        assertThat(client.state().phase()).isEqualTo(Pop3Phase.AUTHORIZATION);
    }

    @Test
    void theLastFailedLoginAllowedClosesTheConnection() throws Exception {
        Pop3ClientSession client = pop3.connect();

        client.user("alice");
        pop3.assertReply(client.pass("wrong-1"), AUTH_FAILED);
        client.user("alice");
        pop3.assertReply(client.pass("wrong-2"), AUTH_FAILED);
        client.user("alice");
        pop3.assertReply(client.pass("wrong-3"), TOO_MANY_AUTH_FAILURES);

        Pop3Fixture.awaitClosed(client);
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void apopProvesTheSecretWithTheGreetingsTimestamp() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.apop("alice", "alice-pass"), LOGGED_IN);
        assertThat(client.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);
        TranscriptEvent apop = pop3.awaitServerEvent(0, e -> e.line().startsWith("APOP"));
        String digest = ApopDigest.of(client.apopTimestamp().orElseThrow(), "alice-pass");
        assertThat(apop.line()).isEqualTo("APOP alice " + digest);
    }

    @Test
    void apopWithAWrongSecretOrForAnAccountWithoutOneIsRefused() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.apop("alice", "not-the-secret"), AUTH_FAILED);
        pop3.assertReply(client.apop("carol", "carol-pass"), SHARED_SECRET_NOT_ENABLED, "mechanism", "APOP");
    }

    @Test
    void apopForCarolSaysWhyInWords() throws Exception {
        Pop3ClientSession client = pop3.connect();

        assertThat(Pop3Fixture.lineOf(client.apop("carol", "carol-pass")))
                .isEqualTo("-ERR [AUTH] APOP is not enabled for this account.");
    }

    @Test
    void authPlainWithAnInitialResponse() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.authenticate(new PlainClient("", "alice", "alice-pass")), LOGGED_IN);
        assertThat(client.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);
        TranscriptEvent auth = pop3.awaitServerEvent(0, e -> e.line().startsWith("AUTH PLAIN "));
        assertThat(auth.annotation().secret()).isTrue();
        assertThat(auth.annotation().decoded()).doesNotContain("alice-pass");
    }

    @Test
    void authPlainAfterAnEmptyChallenge() throws Exception {
        Pop3ClientSession client = pop3.connect();

        Pop3Reply challenge = client.command("AUTH PLAIN");
        assertThat(Pop3Fixture.lineOf(challenge)).isEqualTo("+ ");
        String response = SaslText.encode("\0alice\0alice-pass".getBytes(StandardCharsets.UTF_8));
        pop3.assertReply(client.command(response), LOGGED_IN);
    }

    @Test
    void authPlainForSomeoneElseOrWithAWrongPasswordFails() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.authenticate(new PlainClient("bob", "alice", "alice-pass")), AUTH_FAILED);
        pop3.assertReply(client.authenticate(new PlainClient("", "alice", "wrong")), AUTH_FAILED);
    }

    @Test
    void authLoginAsksForUserNameThenPassword() throws Exception {
        Pop3ClientSession client = pop3.connect();

        Pop3Reply username = client.command("AUTH LOGIN");
        assertThat(Pop3Fixture.lineOf(username)).isEqualTo("+ VXNlcm5hbWU6"); // "Username:"
        Pop3Reply password = client.command(SaslText.encode("alice".getBytes(StandardCharsets.UTF_8)));
        assertThat(Pop3Fixture.lineOf(password)).isEqualTo("+ UGFzc3dvcmQ6"); // "Password:"
        pop3.assertReply(client.command(SaslText.encode("alice-pass".getBytes(StandardCharsets.UTF_8))), LOGGED_IN);

        TranscriptEvent secret = pop3.awaitServerEvent(0, e -> e.line().equals("YWxpY2UtcGFzcw=="));
        assertThat(secret.annotation().secret()).isTrue();
    }

    @Test
    void authLoginWithTheClientMechanism() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.authenticate(new LoginClient("bob", "bob-pass")), LOGGED_IN);
    }

    @Test
    void authCramMd5ProvesTheSecretWithoutSendingIt() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.authenticate(new CramMd5Client("alice", "alice-pass")), LOGGED_IN);
        TranscriptEvent challenge = pop3.awaitServerEvent(0, e -> e.direction() == dev.mailbench.wire.Direction.SERVER
                && e.line().startsWith("+ "));
        String decoded = new String(SaslText.decode(challenge.line().substring(2)).orElseThrow(), StandardCharsets.US_ASCII);
        // RFC 2195 §2: the challenge has the form of a msg-id, unique and naming the server.
        assertThat(decoded).matches("<\\d+\\.\\d+@pop\\.example\\.test>");
        assertThat(pop3.serverTranscript(0).toPlainText()).doesNotContain("alice-pass");
    }

    @Test
    void authCramMd5WithAWrongSecretOrForAnAccountWithoutOneFails() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.authenticate(new CramMd5Client("alice", "wrong")), AUTH_FAILED);
        pop3.assertReply(client.authenticate(new CramMd5Client("carol", "carol-pass")),
                SHARED_SECRET_NOT_ENABLED, "mechanism", "CRAM-MD5");
    }

    @Test
    void authCanBeCancelledAndNeedsAKnownMechanism() throws Exception {
        Pop3ClientSession client = pop3.connect();

        client.command("AUTH LOGIN");
        pop3.assertReply(client.command("*"), AUTH_CANCELLED);
        pop3.assertReply(client.command("AUTH"), AUTH_MECHANISM_REQUIRED, "mechanisms", "PLAIN LOGIN CRAM-MD5");
        pop3.assertReply(client.command("AUTH GSSAPI"), AUTH_MECHANISM_UNKNOWN, "mechanism", "GSSAPI");
        pop3.assertReply(client.command("AUTH PLAIN not*base64"), AUTH_INVALID_BASE64);
        assertThat(Pop3Fixture.lineOf(client.command("AUTH CRAM-MD5 YWxpY2U="))).isEqualTo("-ERR Malformed CRAM-MD5 "
                + "message: CRAM-MD5 starts with the server's challenge; an initial response is not allowed.");
        pop3.assertReply(client.command("AUTH PLAIN " + SaslText.encode("alice".getBytes(StandardCharsets.UTF_8))),
                AUTH_MALFORMED, "mechanism", "PLAIN",
                "explanation", "PLAIN expects authzid, NUL, user name, NUL, password (RFC 4616 §2)");
        client.command("AUTH LOGIN");
        pop3.assertReply(client.command("not base64!"), AUTH_INVALID_BASE64);
        assertThat(client.isConnected()).isTrue();
        pop3.assertReply(client.authenticate(new PlainClient("", "alice", "alice-pass")), LOGGED_IN);
    }

    @Test
    void theLoginFaultAnswersTemporaryFailureWithoutSpendingTheBudget() throws Exception {
        pop3.faults.pop3LoginTemporaryFailure(true);
        Pop3ClientSession client = pop3.connect();

        for (int i = 0; i < 4; i++) {
            client.user("alice");
            Pop3Reply reply = client.pass("alice-pass");
            pop3.assertReply(reply, LOGIN_TEMPORARY_FAILURE);
            assertThat(reply.code()).contains("SYS/TEMP");
        }
        pop3.assertReply(client.apop("alice", "alice-pass"), LOGIN_TEMPORARY_FAILURE);
        pop3.assertReply(client.authenticate(new PlainClient("", "alice", "alice-pass")), LOGIN_TEMPORARY_FAILURE);
        assertThat(client.isConnected()).isTrue();

        pop3.faults.pop3LoginTemporaryFailure(false);
        client.user("alice");
        pop3.assertReply(client.pass("alice-pass"), LOGGED_IN);
    }

    @Test
    void aPasswordWithSpacesIsTheWholeRestOfTheLine() throws Exception {
        Pop3ClientSession client = pop3.connect();
        client.user("alice");

        pop3.assertReply(client.pass("alice-pass "), AUTH_FAILED); // the trailing space belongs to it
        client.user("alice");
        pop3.assertReply(client.pass("alice-pass"), LOGGED_IN);
    }
}
