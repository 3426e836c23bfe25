package dev.mailbench.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.WireConnection;
import dev.mailbench.wire.WireLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * The POP3 client session's state is what its transcript says: the same dialogues, driven through a client
 * session against a scripted server on port 0, give the session's state and a {@link Pop3Dialogue} reading the
 * session's transcript the same state after every event; and a reader of the server's own transcript goes
 * through the same states in the same order.
 */
class Pop3DialoguePropertiesTest {

    /** The text of a positive multi-line response: a dot-stuffed line among others (RFC 1939 §3). */
    private static final List<String> TEXT = List.of("USER", "..a line that starts with a dot", "SASL PLAIN", "");

    /** One turn: the line the client sends and the server's status line in answer. */
    record Step(String command, String reply, boolean pipelined) {
    }

    @Property(tries = 40)
    void theSessionsStateIsTheStateItsTranscriptReadsTo(@ForAll("greetings") String greeting,
                                                         @ForAll("dialogues") List<Step> steps) throws Exception {
        Transcript clientSide = new Transcript();
        Transcript serverSide = new Transcript();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> serve(listener, serverSide, greeting, steps));
            Pop3ClientSession session = new Pop3ClientSession(clientSide, ClientOptions.defaults(new ClientTlsLayer()));
            List<Pop3State> seen = new CopyOnWriteArrayList<>();
            clientSide.addListener(event -> seen.add(session.state()));
            try {
                session.connect("127.0.0.1", listener.getLocalPort(), TlsMode.NONE);
                drive(session, steps);
            } catch (IOException e) {
                // the server closed: the dialogue ends there
            } finally {
                session.abort();
            }
            server.get(30, TimeUnit.SECONDS);

            // As for SMTP: the end of the connection is a change no event marks; the reader is told of it (ended()),
            // as the session is, so a note recorded as the connection ends may see either side of that change.
            Pop3Dialogue clientReader = new Pop3Dialogue();
            List<Pop3State> read = new ArrayList<>();
            List<Pop3State> expected = new ArrayList<>();
            for (int i = 0; i < clientSide.size(); i++) {
                clientReader.accept(clientSide.event(i));
                Pop3State state = clientReader.state();
                Pop3State ended = new Pop3State(Pop3Phase.CLOSED, false, false, false, state.capabilities());
                read.add(state);
                expected.add(seen.get(i).equals(ended) ? ended : state);
            }
            assertThat(seen).as(clientSide.toPlainText()).isEqualTo(expected);
            clientReader.ended();
            assertThat(session.state()).isEqualTo(clientReader.state());

            Pop3Dialogue serverReader = new Pop3Dialogue();
            List<Pop3State> readByServer = new ArrayList<>();
            for (TranscriptEvent event : serverSide.events()) {
                serverReader.accept(event);
                readByServer.add(serverReader.state());
            }
            assertThat(distinct(readByServer)).as(serverSide.toPlainText()).isEqualTo(distinct(read));
        }
    }

    private static void drive(Pop3ClientSession session, List<Step> steps) throws IOException {
        // RFC 5034 §4: inside an AUTH exchange the client waits for each answer, for only the answer says whether
        // the next line is another response or a command: nothing is pipelined behind AUTH or a response
        boolean[] saslLine = new boolean[steps.size()];
        boolean exchange = false;
        for (int k = 0; k < steps.size(); k++) {
            saslLine[k] = exchange || steps.get(k).command().startsWith("AUTH");
            exchange = saslLine[k] && steps.get(k).reply().startsWith("+ ");
        }
        int i = 0;
        while (i < steps.size()) {
            List<CompletableFuture<Pop3Reply>> group = new ArrayList<>();
            do {
                group.add(session.send(steps.get(i).command()));
                i++;
            } while (i < steps.size() && steps.get(i).pipelined() && !saslLine[i - 1] && !saslLine[i]);
            for (CompletableFuture<Pop3Reply> reply : group) {
                try {
                    reply.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }

    /** The scripted server: one status line a command, in order, with a text after +OK where RFC 1939 §3 wants one. */
    private static void serve(ServerSocket listener, Transcript transcript, String greeting, List<Step> steps) {
        try (Socket socket = listener.accept()) {
            WireConnection connection = WireConnection.server(socket, transcript, WireLimits.STRICT_CRLF, false);
            connection.sendLine(greeting);
            if (greeting.startsWith("-ERR")) {
                connection.close();
                return;
            }
            boolean authExchange = false;
            for (Step step : steps) {
                Line line = connection.readLine();
                String command = line.text();
                connection.sendLine(step.reply());
                boolean response = authExchange;
                authExchange = step.reply().startsWith("+ ")
                        && (response || command.toUpperCase(Locale.ROOT).startsWith("AUTH"));
                if (!response && step.reply().startsWith("+OK") && Pop3Verb.expectsMultiLine(command)) {
                    for (String text : TEXT) {
                        connection.sendLine(text);
                    }
                    connection.sendLine(".");
                }
                if (!response && step.reply().startsWith("+OK") && command.equalsIgnoreCase("QUIT")) {
                    connection.close();
                    return;
                }
            }
            connection.close();
        } catch (IOException e) {
            // the client went away first
        }
    }

    private static List<Pop3State> distinct(List<Pop3State> states) {
        List<Pop3State> changes = new ArrayList<>();
        for (Pop3State state : states) {
            if (changes.isEmpty() || !changes.get(changes.size() - 1).equals(state)) {
                changes.add(state);
            }
        }
        return changes;
    }

    @Provide
    Arbitrary<String> greetings() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("+OK POP3 ready <1896.697170952@mail.example.test>")),
                Tuple.of(3, Arbitraries.just("+OK POP3 ready")),
                Tuple.of(1, Arbitraries.just("-ERR too busy")));
    }

    @Provide
    Arbitrary<List<Step>> dialogues() {
        Arbitrary<String> commands = Arbitraries.of("USER alice", "PASS secret",
                "APOP alice c4c9334bac560ecc979e58001b3e22fb", "AUTH PLAIN AGFsaWNlAHNlY3JldA==", "AUTH LOGIN",
                "CAPA", "STAT", "LIST", "LIST 1", "UIDL", "RETR 1", "TOP 1 2", "DELE 1", "RSET", "NOOP", "QUIT", "XTND");
        Arbitrary<String> replies = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("+OK", "+OK 2 320", "+OK 120 octets")),
                Tuple.of(2, Arbitraries.of("-ERR no", "-ERR [AUTH] wrong password", "-ERR [IN-USE] locked")),
                Tuple.of(2, Arbitraries.just("+ VXNlcm5hbWU6")));
        Arbitrary<Boolean> pipelined = Arbitraries.integers().between(0, 3).map(n -> n == 0);
        return Combinators.combine(commands, replies, pipelined).as(Step::new).list().ofMaxSize(14);
    }
}
