package dev.mailbench.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.ArbitraryDialogues;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The client and the practice server read the same rules of {@link SmtpVerb}: random dialogues of commands,
 * in and out of sequence, sent by the real client to the real server. Whenever the client's state says a
 * command is legal, the server never answers it {@code 503 Bad sequence of commands}.
 */
class SmtpRulesAgreementTest {

    private static final byte[] MESSAGE = "Subject: rules\r\n\r\nThe rules agree.\r\n".getBytes(StandardCharsets.US_ASCII);

    private static Path root;
    private static PracticeSmtp practice;

    /** One command with a plausible argument (for AUTH, alice's password, right or wrong). */
    record Step(SmtpVerb verb, String argument) {
        @Override
        public String toString() {
            return argument.isEmpty() ? verb.name() : verb + " " + argument;
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        root = Files.createTempDirectory("mailbench-smtp-rules");
        practice = PracticeSmtp.start(root.resolve("server"));
    }

    @AfterContainer
    static void stop() throws IOException {
        practice.close();
        ArbitraryDialogues.deleteTree(root);
    }

    @Property(tries = 30)
    void aCommandTheClientCallsLegalIsNeverRefusedAsOutOfSequence(@ForAll("dialogues") List<Step> dialogue)
            throws IOException {
        SmtpClientSession client = practice.connect();
        try {
            List<String> sent = new ArrayList<>();
            for (Step step : dialogue) {
                if (!client.isConnected() || client.state().phase() == SmtpPhase.CLOSING) {
                    break;
                }
                boolean legal = client.state().isLegal(step.verb());
                SmtpReply reply = send(client, step);
                if (legal) {
                    assertThat(reply.code()).as("%s after %s, legal by the client's state", step, sent)
                            .isNotEqualTo(503);
                }
                sent.add(step.toString());
            }
        } finally {
            client.close();
        }
    }

    @Example
    void verbsKnownButNotImplementedAreAnswered502AndUnknownOnes500() throws IOException {
        SmtpClientSession client = practice.connectAndEhlo();
        try {
            for (SmtpVerb verb : SmtpVerb.values()) {
                if (!verb.isImplemented()) {
                    assertThat(client.command(verb.keyword()).orElseThrow().code()).as("%s", verb).isEqualTo(502);
                }
            }
            assertThat(client.command("XYZZY").orElseThrow().code()).isEqualTo(500);
        } finally {
            client.close();
        }
    }

    @Provide
    Arbitrary<List<Step>> dialogues() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(new Step(SmtpVerb.EHLO, "client.example.test"))),
                Tuple.of(1, Arbitraries.of(new Step(SmtpVerb.HELO, "client.example.test"))),
                Tuple.of(1, Arbitraries.of(new Step(SmtpVerb.STARTTLS, ""))),
                Tuple.of(1, Arbitraries.of(new Step(SmtpVerb.AUTH, "alice-pass"), new Step(SmtpVerb.AUTH, "wrong"))),
                Tuple.of(4, Arbitraries.of(new Step(SmtpVerb.MAIL, "alice@example.test"), new Step(SmtpVerb.MAIL, ""))),
                Tuple.of(4, Arbitraries.of(new Step(SmtpVerb.RCPT, "bob@example.test"),
                        new Step(SmtpVerb.RCPT, "nobody@example.test"), new Step(SmtpVerb.RCPT, "carol@elsewhere.test"))),
                Tuple.of(3, Arbitraries.of(new Step(SmtpVerb.DATA, ""))),
                Tuple.of(1, Arbitraries.of(new Step(SmtpVerb.RSET, ""), new Step(SmtpVerb.NOOP, ""),
                        new Step(SmtpVerb.VRFY, "alice"), new Step(SmtpVerb.EXPN, "class"), new Step(SmtpVerb.HELP, ""),
                        new Step(SmtpVerb.HELP, "MAIL"), new Step(SmtpVerb.ETRN, "example.test"))),
                Tuple.of(1, Arbitraries.of(new Step(SmtpVerb.QUIT, ""))));
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    private static SmtpReply send(SmtpClientSession client, Step step) throws IOException {
        String argument = step.argument();
        return switch (step.verb()) {
            case HELO -> client.helo(argument);
            case EHLO -> client.ehlo(argument);
            case STARTTLS -> client.startTls();
            case AUTH -> client.authPlain("alice", argument);
            case MAIL -> client.mailFrom(argument);
            case RCPT -> client.rcptTo(argument);
            case DATA -> client.data(MESSAGE);
            case RSET -> client.rset();
            case VRFY -> client.vrfy(argument);
            case EXPN -> client.expn(argument);
            case HELP -> client.help(argument);
            case NOOP -> client.noop();
            case ETRN -> client.etrn(argument);
            case QUIT -> client.quit();
            default -> throw new IllegalArgumentException(step.verb() + " is not implemented");
        };
    }
}
