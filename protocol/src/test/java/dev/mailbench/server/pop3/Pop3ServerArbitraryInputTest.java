package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.ArbitraryDialogues;
import dev.mailbench.server.RawConnection;
import dev.mailbench.server.ResourceCounts;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The practice POP3 server against whatever bytes a client may send: commands in every state, random
 * octets, NUL, invalid UTF-8, bare CR and LF, lines far over RFC 2449's 255 octets, pipelined and cut into
 * TCP segments at random places. The server greets, never stops in the middle of a response, closes once
 * the client stops, answers the same however the bytes were cut, serves others throughout, and keeps no
 * thread or file descriptor once the connections are gone.
 */
class Pop3ServerArbitraryInputTest {

    private static final String THREADS = "mailbench-pop3-";

    private static Path root;
    private static Pop3Fixture pop3;
    /** A well-behaved client, logged in as bob, that stays connected through all the abuse. */
    private static Pop3ClientSession bystander;

    @BeforeContainer
    static void start() throws Exception {
        root = Files.createTempDirectory("mailbench-pop3-fuzz");
        pop3 = new Pop3Fixture(root.resolve("server")).withTls().start();
        pop3.deliver("bob", "Subject: for bob\r\n\r\nhello\r\n");
        bystander = pop3.loggedIn("bob", "bob-pass");
    }

    @AfterContainer
    static void stop() throws IOException {
        pop3.close();
        ArbitraryDialogues.deleteTree(root);
    }

    @Property(tries = 120)
    void anyBytesGetAGreetingWholeResponsesAndACleanClose(@ForAll("clientBytes") byte[] bytes,
                                                          @ForAll("segments") List<Integer> segments) throws Exception {
        refillAlice();
        int seen = pop3.serverTranscripts.size();

        List<String> lines = untilTls(RawConnection.exchange(pop3.port(), bytes, segments));

        assertThat(lines).as("the greeting first").first().asString().startsWith("+OK ");
        assertThat(lines.get(lines.size() - 1)).as("never cut off in the middle of a multi-line response")
                .matches("(\\+OK|-ERR|\\+)( .*)?|\\.");
        for (Transcript t : pop3.serverTranscripts.subList(seen, pop3.serverTranscripts.size())) {
            assertThat(t.toPlainText()).doesNotContain("error in the server");
        }
        assertThat(bystander.stat().isOk()).as("the server still serves others").isTrue();
    }

    @Property(tries = 50)
    void pipelinedCommandsGetTheSameResponsesHoweverTheBytesAreCut(@ForAll("dialogue") byte[] dialogue,
                                                                  @ForAll("segments") List<Integer> segments)
            throws Exception {
        refillAlice();
        List<String> whole = comparable(RawConnection.exchange(pop3.port(), dialogue, List.of(dialogue.length + 1)));
        List<String> cut = comparable(RawConnection.exchange(pop3.port(), dialogue, segments));

        assertThat(cut).isEqualTo(whole);
    }

    @Example
    void abusedConnectionsLeaveNoThreadOrFileDescriptorBehind() throws Exception {
        ResourceCounts before = ResourceCounts.now(THREADS);
        List<byte[]> inputs = clientBytes().sampleStream().limit(50).collect(Collectors.toList());
        try (Pop3Fixture server = new Pop3Fixture(Files.createTempDirectory(root, "leaks")).start()) {
            server.deliver("alice", "Subject: one\r\n\r\nbody\r\n");
            RawConnection.exchange(server.port(), inputs.get(0), List.of(7)); // warm-up
            ResourceCounts serving = ResourceCounts.now(THREADS);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> done = new ArrayList<>();
                for (byte[] input : inputs) {
                    done.add(clients.submit(() -> RawConnection.exchange(server.port(), input, List.of(3, 50, 1000))));
                }
                for (Future<List<String>> f : done) {
                    assertThat(f.get()).first().asString().startsWith("+OK ");
                }
            } finally {
                clients.shutdown();
            }
            awaitNoConnections(server.server());
            ResourceCounts.awaitAtMost(new ResourceCounts(Integer.MAX_VALUE, serving.fileDescriptors()), THREADS, 4,
                    Duration.ofSeconds(10));
        }
        ResourceCounts.awaitAtMost(before, THREADS, 4, Duration.ofSeconds(10));
    }

    /** Alice keeps at least two messages, whatever DELE and QUIT did in the last try. */
    private static void refillAlice() throws Exception {
        while (pop3.store.listMessages("alice").size() < 2) {
            pop3.deliver("alice", "Subject: for alice\r\n\r\n.dotted\r\nline two\r\n");
        }
    }

    private static void awaitNoConnections(Pop3Server server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.activeConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.activeConnections()).isZero();
    }

    /** The lines up to a positive STLS response: after it come TLS records (RFC 2595 §4), not lines. */
    private static List<String> untilTls(List<String> lines) {
        int tls = lines.indexOf(pop3.line(Pop3ServerReply.STLS_READY));
        return tls < 0 ? lines : lines.subList(0, tls + 1);
    }

    /** The lines without the greeting and SASL challenges, which carry a fresh timestamp each time. */
    private static List<String> comparable(List<String> lines) {
        return lines.stream().skip(1).map(l -> l.startsWith("+ ") ? "+" : l).collect(Collectors.toList());
    }

    // ---- what a client may send ----

    private static final List<String> COMMANDS = List.of(
            "USER alice", "USER carol", "USER nobody", "USER", "PASS alice-pass", "PASS wrong", "PASS",
            "APOP alice 0123456789abcdef0123456789abcdef", "APOP", "AUTH", "AUTH PLAIN", "AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=",
            "AUTH PLAIN !!!", "AUTH LOGIN", "AUTH CRAM-MD5", "AUTH XOAUTH2", "*", "=", "CAPA", "STAT", "LIST", "LIST 1",
            "LIST 0", "LIST 99999999999999999999", "LIST -1", "UIDL", "UIDL 2", "RETR 1", "RETR", "RETR x", "TOP 1 0",
            "TOP 1 99999999999", "TOP 1", "DELE 1", "DELE 1", "RSET", "NOOP", "NOOP x", "STLS", "QUIT", "quit", "",
            "HELO x", "\u00c9T\u00c9 1");

    @Provide
    Arbitrary<byte[]> clientBytes() {
        return ArbitraryDialogues.anyBytes(COMMANDS,
                List.of("\r", "\n", "\r\n", "\0", ".\r\n", "\n.\n", "\r.\r", "\u00ff"),
                List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {'U', 'S', 'E', 'R', ' ', (byte) 0xE9, '\r', '\n'}),
                "USER", 250);
    }

    /**
     * A dialogue whose responses are the same however it arrives: no STLS (refused when pipelined, RFC 2595
     * §4, so its answer depends on the cutting), no DELE (QUIT would change the mailbox for the next run),
     * QUIT only at the end, and few enough errors not to spend the budget.
     */
    @Provide
    Arbitrary<byte[]> dialogue() {
        List<String> steady = COMMANDS.stream()
                .filter(c -> !c.equals("STLS") && !c.startsWith("DELE") && !c.equalsIgnoreCase("quit"))
                .collect(Collectors.toList());
        return ArbitraryDialogues.endingInQuit(steady, List.of("NOOP\0", "NOOP\rX", "NOOP \u00e9t\u00e9", "x".repeat(300)), 12);
    }

    @Provide
    Arbitrary<List<Integer>> segments() {
        return ArbitraryDialogues.segmentSizes();
    }


}
