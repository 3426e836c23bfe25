package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.server.ArbitraryDialogues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The client's guidance and the practice server read the same verb specification: whatever a client has
 * done before, a command its state calls legal is never answered with a sequence error: "not valid in this
 * state" (RFC 1939 §3), PASS without USER right before it (RFC 1939 §7), STLS with TLS already active or with
 * commands pipelined after it (RFC 2595 §4).
 * Random dialogues of every verb, legal or not, with plausible arguments, as alice.
 */
class Pop3LegalityPropertyTest {

    private static Path root;
    private static Pop3Fixture pop3;

    @BeforeContainer
    static void start() throws Exception {
        root = Files.createTempDirectory("mailbench-pop3-legality");
        pop3 = new Pop3Fixture(root.resolve("server")).withTls().start();
    }

    @AfterContainer
    static void stop() throws IOException {
        pop3.close();
        ArbitraryDialogues.deleteTree(root);
    }

    /** One command of a dialogue: a verb, a message number, and whether to give the right credentials. */
    record Step(Pop3Verb verb, int message, boolean right) {
    }

    @Property(tries = 40)
    void whatTheClientCallsLegalTheServerAcceptsInItsState(@ForAll("dialogues") List<Step> dialogue) throws Exception {
        pop3.deliver("alice", "Subject: practice\r\n\r\nline one\r\n.line two\r\n");
        Pop3ClientSession client = pop3.connect();
        try {
            for (Step step : dialogue) {
                if (!client.isConnected()) {
                    break;
                }
                boolean legal = client.state().isLegal(step.verb());
                Pop3Reply reply;
                try {
                    reply = send(client, step);
                } catch (IOException e) {
                    if (client.isConnected()) {
                        throw e;
                    }
                    break; // the server closed the connection (QUIT, or a spent budget)
                }
                if (legal) {
                    assertThat(Pop3Fixture.lineOf(reply)).as("%s, legal by the client's state", step)
                            .isNotIn(sequenceErrors(step.verb()));
                }
            }
        } finally {
            if (client.isConnected() && client.state().isLegal(Pop3Verb.QUIT)) {
                client.quit(); // releases alice's mailbox before the next dialogue logs in
            } else {
                client.abort();
            }
        }
    }

    private static Pop3Reply send(Pop3ClientSession client, Step step) throws IOException {
        String password = step.right() ? "alice-pass" : "not-alice-pass";
        int n = step.message();
        return switch (step.verb()) {
            case CAPA -> client.capa();
            case STLS -> client.stls();
            case USER -> client.user(step.right() ? "alice" : "nobody");
            case PASS -> client.pass(password);
            case APOP -> client.apop("alice", password);
            case AUTH -> client.authenticate(SaslClientMechanism.forName("PLAIN", "alice", password));
            case STAT -> client.stat();
            case LIST -> n == 0 ? client.list() : client.list(n);
            case UIDL -> n == 0 ? client.uidl() : client.uidl(n);
            case RETR -> client.retr(n);
            case TOP -> client.top(n, 2);
            case DELE -> client.dele(n);
            case RSET -> client.rset();
            case NOOP -> client.noop();
            case QUIT -> client.quit();
        };
    }

    /**
     * The server's lines that say the verb came at the wrong point of the dialogue: "not valid in this state"
     * in any state it could be in, and the verb's own sequence errors.
     */
    private static List<String> sequenceErrors(Pop3Verb verb) {
        List<String> lines = new ArrayList<>(List.of(Pop3Phase.AUTHORIZATION, Pop3Phase.TRANSACTION, Pop3Phase.UPDATE)
                .stream()
                .map(phase -> pop3.line(Pop3ServerReply.WRONG_STATE, "verb", verb.keyword(), "state", phase.name()))
                .toList());
        switch (verb) {
            case PASS -> lines.add(pop3.line(Pop3ServerReply.PASS_WITHOUT_USER));
            case STLS -> {
                lines.add(pop3.line(Pop3ServerReply.TLS_ALREADY_ACTIVE));
                lines.add(pop3.line(Pop3ServerReply.STLS_PIPELINED));
            }
            default -> {
                // the other verbs have no sequence error of their own
            }
        }
        return lines;
    }

    @Provide
    Arbitrary<List<Step>> dialogues() {
        // Most dialogues log in first, one of three ways, so that the TRANSACTION state is explored as much
        // as AUTHORIZATION; the rest of the dialogue is any verb at all. Some put a command between USER and
        // PASS, which RFC 1939 §7 does not allow.
        Arbitrary<Step> steps = Combinators.combine(Arbitraries.of(Pop3Verb.values()), Arbitraries.integers().between(0, 3),
                Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)))
                .as(Step::new);
        Arbitrary<List<Step>> interrupted = steps.map(between -> List.of(new Step(Pop3Verb.USER, 0, true), between,
                new Step(Pop3Verb.PASS, 0, true)));
        Arbitrary<List<Step>> logins = Arbitraries.oneOf(Arbitraries.of(
                List.of(),
                List.of(new Step(Pop3Verb.USER, 0, true), new Step(Pop3Verb.PASS, 0, true)),
                List.of(new Step(Pop3Verb.APOP, 0, true)),
                List.of(new Step(Pop3Verb.AUTH, 0, true))), interrupted);
        return Combinators.combine(logins, steps.list().ofMaxSize(12)).as((login, rest) -> {
            List<Step> dialogue = new ArrayList<>(login);
            dialogue.addAll(rest);
            return dialogue;
        });
    }
}
