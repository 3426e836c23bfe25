package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.RecentPopLogins;
import dev.mailbench.server.TestClock;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.store.StoredMessage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay policy: local mail always, other domains only after AUTH or (on loopback) SMTP after POP. */
class SmtpRelayTest {

    private static final byte[] MESSAGE = "Subject: out\r\n\r\nfor the world\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @AfterEach
    void stop() {
        if (practice != null) {
            practice.close();
        }
    }

    @Test
    void relayingIsRefusedWithoutAuthentication() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("alice@example.test");

        assertThat(assertReply(smtp.rcptTo("friend@elsewhere.example"), SmtpReplies.S550_RELAY_DENIED).wireLines())
                .containsExactly("550 5.7.1 <friend@elsewhere.example>: Relay access denied");
        // Not even from loopback, and not with a local sender: no open relay.
        assertReply(smtp.data(), SmtpReplies.S503_NEED_RCPT);
        assertThat(practice.messages(RelayPolicy.OUTBOX_MAILBOX)).isEmpty();
    }

    @Test
    void afterAuthRelayedMailIsHeldInTheOutboxWithItsEnvelopeAndLocalCopiesStayPrivate() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.authPlain("alice", "alice-pass");
        smtp.mailFrom("alice@example.test");

        assertReply(smtp.rcptTo("friend@elsewhere.example"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.rcptTo("bob@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.data(MESSAGE), SmtpReplies.S250_QUEUED);

        StoredMessage held = practice.messages(RelayPolicy.OUTBOX_MAILBOX).get(0);
        assertThat(practice.text(held))
                .startsWith("X-Mailbench-Held-For: <friend@elsewhere.example>\r\n"
                        + "\t(not delivered: the practice server never sends mail to other servers)\r\n"
                        + "Received: from client.example.test ([127.0.0.1])\r\n\t(Authenticated sender: alice)\r\n")
                .contains(" with ESMTPA id ")
                .doesNotContain("Return-Path:")
                .endsWith("\r\n\r\nfor the world\r\n");
        String local = practice.text(practice.messages("bob").get(0));
        assertThat(local).startsWith("Return-Path: <alice@example.test>\r\nReceived: ").doesNotContain("elsewhere");
    }

    @Test
    void smtpAfterPopAllowsRelayingWithinTheWindowOnly() throws Exception {
        TestClock clock = new TestClock();
        practice = PracticeSmtp.start(root, clock, c -> c.withRelay(RelayPolicy.DEFAULTS.withSmtpAfterPop(true)));
        practice.popLogins.loggedIn(InetAddress.getByName("127.0.0.1"), "bob");

        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("alice@example.test");
        assertReply(smtp.rcptTo("friend@elsewhere.example"), SmtpReplies.S250_RELAY_AFTER_POP);
        assertReply(smtp.data(MESSAGE), SmtpReplies.S250_QUEUED);

        clock.advance(RelayPolicy.DEFAULTS.smtpAfterPopWindow().plusSeconds(1));
        smtp.mailFrom("alice@example.test");
        assertReply(smtp.rcptTo("friend@elsewhere.example"), SmtpReplies.S550_RELAY_DENIED);
        assertThat(practice.messages(RelayPolicy.OUTBOX_MAILBOX)).hasSize(1);
    }

    @Test
    void smtpAfterPopIsOffByDefault() throws Exception {
        practice = PracticeSmtp.start(root);
        practice.popLogins.loggedIn(InetAddress.getByName("127.0.0.1"), "bob");

        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("alice@example.test");

        assertReply(smtp.rcptTo("friend@elsewhere.example"), SmtpReplies.S550_RELAY_DENIED);
    }

    @Test
    void onAnyAddressButLoopbackOnlyAuthAllowsRelaying() throws Exception {
        RecentPopLogins logins = new RecentPopLogins();
        InetAddress client = InetAddress.getByName("192.0.2.10");
        logins.loggedIn(client, "bob");
        RelayPolicy policy = RelayPolicy.DEFAULTS.withSmtpAfterPop(true);

        assertThat(policy.relayPermission(InetAddress.getLoopbackAddress(), false, client, logins))
                .isEqualTo(RelayPolicy.Permission.SMTP_AFTER_POP);
        assertThat(policy.relayPermission(InetAddress.getByName("0.0.0.0"), false, client, logins))
                .isEqualTo(RelayPolicy.Permission.DENIED);
        assertThat(policy.relayPermission(InetAddress.getByName("192.0.2.1"), false, client, logins))
                .isEqualTo(RelayPolicy.Permission.DENIED);
        assertThat(policy.relayPermission(InetAddress.getByName("192.0.2.1"), true, client, logins))
                .isEqualTo(RelayPolicy.Permission.AUTHENTICATED);
        assertThat(policy.relayPermission(InetAddress.getLoopbackAddress(), false, InetAddress.getByName("192.0.2.11"), logins))
                .isEqualTo(RelayPolicy.Permission.DENIED);
    }

    @Test
    void whenAuthIsRequiredEvenLocalMailNeedsIt() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withRelay(RelayPolicy.DEFAULTS.withAuthRequired(true)));
        SmtpClientSession smtp = practice.connectAndEhlo();

        assertReply(smtp.mailFrom("alice@example.test"), SmtpReplies.S530_AUTH_REQUIRED);
        smtp.authLogin("alice", "alice-pass");
        assertReply(smtp.mailFrom("alice@example.test"), SmtpReplies.S250_SENDER_OK);
    }

    @Test
    void noAccountMayOwnTheOutbox() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PracticeSmtp.start(root, c -> new SmtpServerContext(
                        c.bindAddress(), 0, c.hostName(), c.backend(),
                        dev.mailbench.server.Accounts.builder().domain("example.test")
                                .user(RelayPolicy.OUTBOX_MAILBOX, "Sneaky", "x", false).build(),
                        c.limits(), c.personality(), c.faults(), c.tls(), c.popLogins(), c.observer(), c.relay())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RelayPolicy.OUTBOX_MAILBOX);
    }
}
