package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.WireConnection;
import dev.mailbench.wire.WireLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The client session's state is what its transcript says: the same dialogues, driven through a client session
 * against a scripted server on port 0, give the session's state and a {@link SmtpDialogue} reading the session's
 * transcript the same state after every event; and a reader of the server's own transcript of the connection
 * goes through the same states in the same order.
 */
class SmtpDialoguePropertiesTest {

    private static final String MESSAGE = "Subject: property\r\n\r\n.a line that starts with a dot\r\n";

    /** One turn: what the client sends (the command, or message text in DATA) and the server's reply to it. */
    record Step(String command, String reply, boolean pipelined) {
    }

    @Property(tries = 40)
    void theSessionsStateIsTheStateItsTranscriptReadsTo(@ForAll("greetings") String greeting,
                                                         @ForAll("dialogues") List<Step> steps) throws Exception {
        Transcript clientSide = new Transcript();
        Transcript serverSide = new Transcript();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> serve(listener, serverSide, greeting, steps));
            SmtpClientSession session = new SmtpClientSession(clientSide, ClientOptions.defaults(new ClientTlsLayer()));
            List<SmtpState> seen = new CopyOnWriteArrayList<>();
            clientSide.addListener(event -> seen.add(session.state()));
            try {
                session.connect("127.0.0.1", listener.getLocalPort(), TlsMode.NONE);
                drive(session, steps);
            } catch (IOException e) {
                // the server closed (221, 421): the dialogue ends there
            } finally {
                session.abort();
            }
            server.get(30, TimeUnit.SECONDS);

            // The session's state changes at events, and once more when the connection ends, which no event marks:
            // the reader is told of it (ended()), as the session is, so a note recorded as the connection ends
            // may see either side of that change.
            SmtpDialogue clientReader = new SmtpDialogue();
            List<SmtpState> read = new ArrayList<>();
            for (int i = 0; i < clientSide.size(); i++) {
                clientReader.accept(clientSide.event(i));
                SmtpState state = clientReader.state();
                read.add(seen.get(i).phase() == SmtpPhase.CLOSED
                        ? new SmtpState(SmtpPhase.CLOSED, false, false, state.capabilities(), 0) : state);
            }
            assertThat(read).as(clientSide.toPlainText()).isEqualTo(seen);
            clientReader.ended();
            assertThat(session.state()).isEqualTo(clientReader.state());

            SmtpDialogue serverReader = new SmtpDialogue();
            List<SmtpState> readByServer = new ArrayList<>();
            for (TranscriptEvent event : serverSide.events()) {
                serverReader.accept(event);
                readByServer.add(serverReader.state());
            }
            List<SmtpState> whileConnected = seen.stream().filter(state -> state.phase() != SmtpPhase.CLOSED).toList();
            assertThat(distinct(readByServer)).as(serverSide.toPlainText()).isEqualTo(distinct(whileConnected));
        }
    }

    /** Sends each step's command as typed, a pipelined group at once (RFC 2920), message text whenever in DATA. */
    private static void drive(SmtpClientSession session, List<Step> steps) throws IOException {
        // RFC 4954 §4: inside an AUTH exchange the client waits for each 334, for only the answer says whether the
        // next line is another response or a command: nothing is pipelined behind a line of the exchange
        boolean[] saslLine = new boolean[steps.size()];
        boolean exchange = false;
        for (int k = 0; k < steps.size(); k++) {
            saslLine[k] = exchange || steps.get(k).command().startsWith("AUTH");
            exchange = saslLine[k] && steps.get(k).reply().startsWith("334");
        }
        int i = 0;
        while (i < steps.size()) {
            if (session.state().phase() == SmtpPhase.DATA_INPUT) {
                session.sendMessageText(MESSAGE.getBytes(StandardCharsets.US_ASCII));
                i++;
                continue;
            }
            List<CompletableFuture<SmtpReply>> group = new ArrayList<>();
            do {
                session.send(steps.get(i).command()).ifPresent(group::add);
                i++;
            } while (i < steps.size() && steps.get(i).pipelined() && pipelinable(steps.get(i - 1).command())
                    && !saslLine[i - 1]);
            for (CompletableFuture<SmtpReply> reply : group) {
                try {
                    reply.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }

    /** RFC 2920 §3.1: EHLO, DATA, QUIT, AUTH (and the like) may only be last in a group sent at once. */
    private static boolean pipelinable(String command) {
        return SmtpVerb.of(command).filter(verb -> verb == SmtpVerb.MAIL || verb == SmtpVerb.RCPT
                || verb == SmtpVerb.RSET || verb == SmtpVerb.NOOP || verb == SmtpVerb.VRFY).isPresent();
    }

    /** The scripted server: one reply a turn, in order; a turn is a command line, or the text after 354 to DATA. */
    private static void serve(ServerSocket listener, Transcript transcript, String greeting, List<Step> steps) {
        try (Socket socket = listener.accept()) {
            WireConnection connection = WireConnection.server(socket, transcript, WireLimits.STRICT_CRLF, false);
            reply(connection, greeting);
            if (greeting.startsWith("554")) {
                steps = steps.subList(0, 0); // RFC 5321 §3.1: it still answers QUIT, here by closing
            }
            boolean text = false;
            for (Step step : steps) {
                Line line = connection.readLine();
                while (text && !(line.text().equals(".") && line.ending() == LineEnding.CRLF)) {
                    line = connection.readLine();
                }
                reply(connection, step.reply());
                text = step.reply().startsWith("354") && line.text().toUpperCase(Locale.ROOT).equals("DATA");
                if (step.reply().startsWith("221") || step.reply().startsWith("421")) {
                    connection.close();
                    return;
                }
            }
            connection.close();
        } catch (IOException e) {
            // the client went away first
        }
    }

    private static void reply(WireConnection connection, String reply) throws IOException {
        for (String line : reply.split("\n")) {
            connection.sendLine(line);
        }
    }

    private static List<SmtpState> distinct(List<SmtpState> states) {
        List<SmtpState> changes = new ArrayList<>();
        for (SmtpState state : states) {
            if (changes.isEmpty() || !changes.get(changes.size() - 1).equals(state)) {
                changes.add(state);
            }
        }
        return changes;
    }

    @Provide
    Arbitrary<String> greetings() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just("220 mail.example.test ESMTP ready")),
                Tuple.of(1, Arbitraries.just("554 no service here")));
    }

    @Provide
    Arbitrary<List<Step>> dialogues() {
        Arbitrary<String> commands = Arbitraries.of("EHLO client.example.test", "HELO client.example.test",
                "MAIL FROM:<alice@example.test>", "RCPT TO:<bob@example.test>", "DATA", "RSET", "NOOP", "VRFY bob",
                "AUTH LOGIN", "AUTH PLAIN AGFsaWNlAHNlY3JldA==", "QUIT", "BDAT 10 LAST");
        Arbitrary<String> replies = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("250 2.0.0 OK")),
                Tuple.of(3, Arbitraries.just("250-mail.example.test\n250-AUTH PLAIN LOGIN\n250 PIPELINING")),
                Tuple.of(3, Arbitraries.just("354 go ahead")),
                Tuple.of(2, Arbitraries.just("334 VXNlcm5hbWU6")),
                Tuple.of(2, Arbitraries.just("235 2.7.0 authenticated")),
                Tuple.of(2, Arbitraries.of("503 5.5.1 bad sequence", "550 5.1.1 no", "535 5.7.8 no")),
                Tuple.of(1, Arbitraries.of("221 2.0.0 bye", "421 4.3.2 closing")));
        Arbitrary<Boolean> pipelined = Arbitraries.integers().between(0, 3).map(n -> n == 0);
        return Combinators.combine(commands, replies, pipelined).as(Step::new).list().ofMaxSize(14);
    }
}
