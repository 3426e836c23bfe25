package dev.mailbench.server.pop3;

import static dev.mailbench.server.pop3.Pop3ServerReply.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.MaildropStatus;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wire scripts against the practice POP3 server with Mailbench's own client: every verb, every state. */
class Pop3DialogueTest {

    static final String FIRST = String.join("\r\n",
            "From: Bob <bob@example.test>",
            "To: Alice <alice@example.test>",
            "Subject: first",
            "",
            "line one",
            ".starts with a dot",
            "..starts with two",
            ".",
            "line five",
            "");
    static final String SECOND = String.join("\r\n",
            "From: Bob <bob@example.test>",
            "To: Alice <alice@example.test>",
            "Subject: second",
            "",
            "hello again",
            "");

    @TempDir
    Path directory;

    private Pop3Fixture pop3;

    @BeforeEach
    void serverWithTwoMessagesForAlice() throws Exception {
        pop3 = new Pop3Fixture(directory).start();
        pop3.deliver("alice", FIRST);
        pop3.deliver("alice", SECOND);
    }

    @AfterEach
    void stop() {
        pop3.close();
    }

    @Test
    void greetingCarriesAnApopTimestampNamingTheHost() throws Exception {
        Pop3ClientSession client = pop3.client();
        Pop3Reply greeting = client.connect("127.0.0.1", pop3.port(), dev.mailbench.wire.TlsMode.NONE);

        assertThat(Pop3Fixture.lineOf(greeting)).matches("\\+OK Mailbench POP3 \\(Dovecot-like\\) ready\\. <\\d+\\.\\d+\\.\\d+@pop\\.example\\.test>");
        assertThat(client.apopTimestamp()).hasValueSatisfying(t -> assertThat(greeting.text()).endsWith(t));

        Pop3ClientSession another = pop3.connect();
        assertThat(another.apopTimestamp()).isNotEqualTo(client.apopTimestamp()); // RFC 1939 §7: a new one each time
    }

    @Test
    void aWholeSessionFromUserToQuit() throws Exception {
        Pop3ClientSession client = pop3.connect();
        pop3.assertReply(client.user("alice"), USER_ACCEPTED, "user", "alice");
        pop3.assertReply(client.pass("alice-pass"), LOGGED_IN);
        assertThat(client.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);

        long first = FIRST.length();
        long second = SECOND.length();
        pop3.assertReply(client.stat(), MAILDROP_STATUS, "count", "2", "octets", String.valueOf(first + second));
        assertThat(MaildropStatus.parse(client.stat())).contains(new MaildropStatus(2, first + second));

        Pop3Reply list = client.list();
        pop3.assertReply(list, SCAN_LISTING, "count", "2", "octets", String.valueOf(first + second));
        assertThat(list.bodyLines()).containsExactly("1 " + first, "2 " + second);
        pop3.assertReply(client.list(2), SCAN_LINE, "number", "2", "octets", String.valueOf(second));

        List<StoredMessage> stored = pop3.store.listMessages("alice");
        Pop3Reply uidl = client.uidl();
        pop3.assertReply(uidl, UNIQUE_ID_LISTING);
        assertThat(uidl.bodyLines()).containsExactly("1 " + stored.get(0).uid(), "2 " + stored.get(1).uid());
        pop3.assertReply(client.uidl(1), UNIQUE_ID_LINE, "number", "1", "uid", stored.get(0).uid());

        Pop3Reply retr = client.retr(1);
        pop3.assertReply(retr, MESSAGE_FOLLOWS, "octets", String.valueOf(first));
        assertThat(new String(retr.content(), StandardCharsets.UTF_8)).isEqualTo(FIRST);

        pop3.assertReply(client.noop(), NOOP);
        pop3.assertReply(client.dele(1), MARKED_DELETED);
        pop3.assertReply(client.stat(), MAILDROP_STATUS, "count", "1", "octets", String.valueOf(second));
        pop3.assertReply(client.rset(), RESET);
        pop3.assertReply(client.stat(), MAILDROP_STATUS, "count", "2", "octets", String.valueOf(first + second));
        pop3.assertReply(client.quit(), LOGOUT);
        assertThat(pop3.store.listMessages("alice")).hasSize(2);
    }

    @Test
    void retrSendsEveryLineThatBeginsWithADotWithOneMoreDot() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");
        client.retr(1);

        List<String> serverLines = pop3.serverTranscript(0).events().stream()
                .filter(e -> e.direction() == dev.mailbench.wire.Direction.SERVER).map(TranscriptEvent::line).toList();
        // RFC 1939 §3: byte-stuffed on the wire, un-stuffed by the client (checked above).
        assertThat(serverLines).containsSubsequence("line one", "..starts with a dot", "...starts with two", "..",
                "line five", ".");
    }

    @Test
    void aMessageWithoutFinalLineBreakGetsOneBeforeTheEndLine() throws Exception {
        pop3.deliver("bob", "Subject: short\r\n\r\nno line break at the end");
        Pop3ClientSession client = pop3.loggedIn("bob", "bob-pass");

        assertThat(new String(client.retr(1).content(), StandardCharsets.UTF_8))
                .isEqualTo("Subject: short\r\n\r\nno line break at the end\r\n");
        assertThat(new String(client.top(1, 5).content(), StandardCharsets.UTF_8))
                .isEqualTo("Subject: short\r\n\r\nno line break at the end\r\n");
    }

    @Test
    void aDotAfterABareLineFeedIsStuffedSoLenientClientsKeepIt() throws Exception {
        byte[] message = "Subject: smuggled\r\n\r\nfirst\n.\nafter a bare LF\r\n".getBytes(StandardCharsets.US_ASCII);
        pop3.deliver("bob", message);
        Pop3ClientSession client = pop3.loggedIn("bob", "bob-pass");

        assertThat(client.retr(1).content()).isEqualTo(message);
    }

    @Test
    void topSendsTheHeaderTheBlankLineAndTheRequestedBodyLines() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");
        String header = "From: Bob <bob@example.test>\r\nTo: Alice <alice@example.test>\r\nSubject: first\r\n\r\n";

        Pop3Reply none = client.top(1, 0);
        pop3.assertReply(none, TOP_FOLLOWS);
        assertThat(new String(none.content(), StandardCharsets.UTF_8)).isEqualTo(header);
        assertThat(new String(client.top(1, 2).content(), StandardCharsets.UTF_8))
                .isEqualTo(header + "line one\r\n.starts with a dot\r\n");
        assertThat(new String(client.top(1, 99).content(), StandardCharsets.UTF_8)).isEqualTo(FIRST);
        pop3.assertReply(client.top(3, 0), NO_SUCH_MESSAGE, "number", "3");
    }

    @Test
    void numbersThatNameNoMessageOrADeletedOneAreRefused() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");
        client.dele(2);

        for (String command : List.of("LIST", "UIDL", "RETR", "DELE")) {
            pop3.assertReply(client.command(command + " 3"), NO_SUCH_MESSAGE, "number", "3");
            pop3.assertReply(client.command(command + " 0"), NO_SUCH_MESSAGE, "number", "0");
            pop3.assertReply(client.command(command + " 2"), NO_SUCH_MESSAGE, "number", "2");
            pop3.assertReply(client.command(command + " 99999999999999"), NO_SUCH_MESSAGE, "number", "99999999999999");
        }
        pop3.assertReply(client.top(2, 1), NO_SUCH_MESSAGE, "number", "2");
        assertThat(client.list().bodyLines()).containsExactly("1 " + FIRST.length());
        assertThat(client.uidl().bodyLines()).hasSize(1);
    }

    @Test
    void malformedArgumentsShowTheSyntax() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");

        pop3.assertReply(client.command("RETR"), INVALID_ARGUMENTS, "usage", "RETR msg");
        pop3.assertReply(client.command("RETR one"), INVALID_ARGUMENTS, "usage", "RETR msg");
        pop3.assertReply(client.command("RETR -1"), INVALID_ARGUMENTS, "usage", "RETR msg");
        pop3.assertReply(client.command("TOP 1"), INVALID_ARGUMENTS, "usage", "TOP msg n");
        pop3.assertReply(client.command("TOP 1 x"), INVALID_ARGUMENTS, "usage", "TOP msg n");
        pop3.assertReply(client.command("LIST 1 2"), INVALID_ARGUMENTS, "usage", "LIST [msg]");
        pop3.assertReply(client.command("STAT now"), INVALID_ARGUMENTS, "usage", "STAT");
        pop3.assertReply(client.command("DELE"), INVALID_ARGUMENTS, "usage", "DELE msg");
        pop3.assertReply(client.command("retr 1"), MESSAGE_FOLLOWS, "octets", String.valueOf(FIRST.length()));
    }

    @Test
    void everyTransactionCommandIsRefusedBeforeLogin() throws Exception {
        Pop3ClientSession client = pop3.connect();

        for (String command : List.of("STAT", "LIST", "UIDL", "RETR 1", "TOP 1 1", "DELE 1", "RSET", "NOOP")) {
            String verb = command.split(" ")[0];
            pop3.assertReply(client.command(command), WRONG_STATE, "verb", verb, "state", "AUTHORIZATION");
        }
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void everyLoginCommandIsRefusedAfterLogin() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");

        for (String command : List.of("USER bob", "PASS bob-pass", "APOP bob 0123", "AUTH PLAIN", "STLS")) {
            String verb = command.split(" ")[0];
            pop3.assertReply(client.command(command), WRONG_STATE, "verb", verb, "state", "TRANSACTION");
        }
        assertThat(client.state().phase()).isEqualTo(Pop3Phase.TRANSACTION);
    }

    @Test
    void unknownCommandsAreNamedInTheReply() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.command("HELO there"), UNKNOWN_COMMAND, "verb", "HELO");
        pop3.assertReply(client.command("XYZZY"), UNKNOWN_COMMAND, "verb", "XYZZY");
    }

    @Test
    void passOnlyRightAfterUser() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.pass("alice-pass"), PASS_WITHOUT_USER);
        client.user("alice");
        client.capa();
        pop3.assertReply(client.pass("alice-pass"), PASS_WITHOUT_USER); // RFC 1939 §7: immediately after USER
        client.user("alice");
        pop3.assertReply(client.pass("alice-pass"), LOGGED_IN);
    }

    @Test
    void capaListsWhatTheServerOffersInBothStates() throws Exception {
        Pop3ClientSession client = pop3.connect();

        Pop3Reply capa = client.capa();
        pop3.assertReply(capa, CAPABILITIES);
        assertThat(capa.bodyLines()).containsExactly("TOP", "USER", "UIDL", "RESP-CODES", "AUTH-RESP-CODE",
                "PIPELINING", "SASL PLAIN LOGIN CRAM-MD5", "EXPIRE NEVER", "LOGIN-DELAY 0", "IMPLEMENTATION Mailbench");
        client.user("alice");
        client.pass("alice-pass");
        assertThat(client.capa().bodyLines()).contains("TOP", "UIDL", "IMPLEMENTATION Mailbench");
    }

    @Test
    void deleThenQuitRemovesTheMessagesInTheUpdateState() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");
        String keptUid = pop3.store.listMessages("alice").get(1).uid();

        client.dele(1);
        pop3.assertReply(client.quit(), LOGOUT);

        assertThat(pop3.store.listMessages("alice")).extracting(StoredMessage::uid).containsExactly(keptUid);
        Pop3ClientSession again = pop3.loggedIn("alice", "alice-pass");
        assertThat(again.uidl().bodyLines()).containsExactly("1 " + keptUid);
    }

    @Test
    void deleThenADroppedConnectionRemovesNothingAndFreesTheMailbox() throws Exception {
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");
        client.dele(1);
        client.dele(2);

        client.abort();
        pop3.awaitServerEvent(0, e -> e.isNote() && e.line().contains("released without QUIT"));

        assertThat(pop3.store.listMessages("alice")).hasSize(2);
        Pop3ClientSession again = pop3.loggedIn("alice", "alice-pass");
        assertThat(MaildropStatus.parse(again.stat()).orElseThrow().messages()).isEqualTo(2);
    }

    @Test
    void quitBeforeLoginJustSaysGoodbye() throws Exception {
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.quit(), LOGOUT);
        assertThat(client.isConnected()).isFalse();
        assertThat(pop3.store.listMessages("alice")).hasSize(2);
    }

    @Test
    void theMailboxIsInUseWhileAnotherSessionHoldsIt() throws Exception {
        Pop3ClientSession first = pop3.loggedIn("alice", "alice-pass");
        Pop3ClientSession second = pop3.connect();

        second.user("alice");
        Pop3Reply refused = second.pass("alice-pass");
        pop3.assertReply(refused, MAILBOX_IN_USE);
        assertThat(refused.code()).contains("IN-USE");
        assertThat(second.state().phase()).isEqualTo(Pop3Phase.AUTHORIZATION);

        first.quit();
        second.user("alice");
        pop3.assertReply(second.pass("alice-pass"), LOGGED_IN);
    }

    @Test
    void uidsStayTheSameAcrossAServerRestart() throws Exception {
        List<String> before = pop3.loggedIn("alice", "alice-pass").uidl().bodyLines();

        pop3.restart();

        List<String> after = pop3.loggedIn("alice", "alice-pass").uidl().bodyLines();
        assertThat(after).isEqualTo(before).hasSize(2);
        assertThat(pop3.store.listMessages("alice")).extracting(StoredMessage::uid)
                .containsExactly(before.get(0).split(" ")[1], before.get(1).split(" ")[1]);
    }

    @Test
    void theServerTranscriptMasksThePassword() throws Exception {
        pop3.loggedIn("alice", "alice-pass");

        TranscriptEvent pass = pop3.awaitServerEvent(0, e -> e.line().startsWith("PASS"));
        assertThat(pass.annotation().secret()).isTrue();
        assertThat(pass.annotation().decoded()).doesNotContain("alice-pass");
        assertThat(pass.annotation().revealed()).contains("alice-pass");
    }
}
