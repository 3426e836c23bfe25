package dev.mailbench.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.ArbitraryDialogues;
import dev.mailbench.server.RawConnection;
import dev.mailbench.server.ResourceCounts;
import dev.mailbench.smtp.SmtpClientSession;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The practice SMTP server against whatever bytes a client may send: commands good and bad, random octets,
 * NUL, invalid UTF-8, bare CR and LF, lines far over the limit, all of it pipelined and cut into TCP segments
 * at random places. Every connection gets well-formed replies and is closed cleanly once the client stops;
 * nothing the server does depends on how the bytes were cut; the server serves others throughout, and keeps
 * no thread or file descriptor once the connections are gone.
 */
class SmtpServerArbitraryInputTest {

    /** An SMTP reply line (RFC 5321 §4.2): three digits, then a space, a hyphen or the end of the line. */
    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9][0-9]([ -].*)?", Pattern.DOTALL);
    private static final String THREADS = "mailbench-smtp-";

    private static Path root;
    private static PracticeSmtp practice;
    /** A well-behaved client that stays connected through all the abuse. */
    private static SmtpClientSession bystander;

    @BeforeContainer
    static void start() throws Exception {
        root = Files.createTempDirectory("mailbench-smtp-fuzz");
        practice = PracticeSmtp.start(root.resolve("server"));
        bystander = practice.connectAndEhlo();
    }

    @AfterContainer
    static void stop() throws IOException {
        practice.close();
        ArbitraryDialogues.deleteTree(root);
    }

    @Property(tries = 150)
    void anyBytesGetWellFormedRepliesAndACleanClose(@ForAll("clientBytes") byte[] bytes,
                                                    @ForAll("segments") List<Integer> segments) throws Exception {
        int seen = practice.serverTranscripts.size();

        List<String> replies = untilTls(sendAndReadUntilClosed(practice.port(), bytes, segments));

        assertThat(replies).as("the greeting first").first().asString().startsWith("220 ");
        assertThat(replies).allSatisfy(line -> assertThat(line).matches(REPLY_LINE));
        assertThat(replies.get(replies.size() - 1)).as("never cut off in the middle of a multi-line reply")
                .matches("[0-9]{3}( .*)?");
        assertNoServerError(seen);
        assertThat(bystander.noop().code()).as("the server still serves others").isEqualTo(250);
    }

    @Property(tries = 60)
    void pipelinedCommandsGetTheSameRepliesHoweverTheBytesAreCut(@ForAll("dialogue") byte[] dialogue,
                                                                @ForAll("segments") List<Integer> segments)
            throws Exception {
        List<String> whole = codes(sendAndReadUntilClosed(practice.port(), dialogue, List.of(dialogue.length + 1)));
        List<String> cut = codes(sendAndReadUntilClosed(practice.port(), dialogue, segments));

        assertThat(cut).isEqualTo(whole);
    }

    @Example
    void abusedConnectionsLeaveNoThreadOrFileDescriptorBehind() throws Exception {
        Path data = Files.createTempDirectory(root, "leaks");
        ResourceCounts before = ResourceCounts.now(THREADS);
        List<byte[]> inputs = clientBytes().sampleStream().limit(60).collect(Collectors.toList());
        try (PracticeSmtp server = PracticeSmtp.start(data)) {
            sendAndReadUntilClosed(server.port(), inputs.get(0), List.of(7)); // warm-up: classes loaded, pools made
            ResourceCounts serving = ResourceCounts.now(THREADS);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> done = new ArrayList<>();
                for (byte[] input : inputs) {
                    done.add(clients.submit(() -> sendAndReadUntilClosed(server.port(), input, List.of(3, 50, 1000))));
                }
                for (Future<List<String>> f : done) {
                    assertThat(f.get()).first().asString().startsWith("220 ");
                }
            } finally {
                clients.shutdown();
            }
            server.awaitIdle();
            // Idle worker threads may stay pooled; descriptors must be back to what one listener holds.
            ResourceCounts.awaitAtMost(new ResourceCounts(Integer.MAX_VALUE, serving.fileDescriptors()), THREADS, 4,
                    Duration.ofSeconds(10));
        }
        ResourceCounts.awaitAtMost(before, THREADS, 4, Duration.ofSeconds(10));
    }

    private static List<String> sendAndReadUntilClosed(int port, byte[] bytes, List<Integer> segments) throws IOException {
        return RawConnection.exchange(port, bytes, segments);
    }

    /** The replies up to {@code 220 2.0.0} after STARTTLS: what follows is TLS records (RFC 3207 §4), not lines. */
    private static List<String> untilTls(List<String> replies) {
        for (int i = 1; i < replies.size(); i++) {
            if (replies.get(i).startsWith("220 2.0.0 ")) {
                return replies.subList(0, i + 1);
            }
        }
        return replies;
    }

    private static void assertNoServerError(int fromConnection) {
        List<Transcript> transcripts = practice.serverTranscripts;
        for (Transcript t : transcripts.subList(fromConnection, transcripts.size())) {
            assertThat(t.toPlainText()).doesNotContain("error in the server");
        }
    }

    /** Each reply's code and enhanced code, without the text (which holds queue ids and challenges). */
    private static List<String> codes(List<String> replies) {
        return replies.stream()
                .map(line -> {
                    String[] words = line.split(" ", 3);
                    return words.length > 1 && words[1].matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}")
                            ? words[0] + " " + words[1] : line.substring(0, Math.min(4, line.length()));
                })
                .collect(Collectors.toList());
    }

    // ---- what a client may send ----

    private static final List<String> COMMANDS = List.of(
            "EHLO client.example.test", "HELO client.example.test", "EHLO", "MAIL FROM:<miro@example.test>",
            "MAIL FROM:<miro@example.test> SIZE=99999999999999999999", "MAIL FROM:<> BODY=8BITMIME",
            "MAIL FROM:<bad address>", "MAIL TO:<alice@example.test>", "RCPT TO:<alice@example.test>",
            "RCPT TO:<class@example.test>", "RCPT TO:<nobody@example.test>", "RCPT TO:<friend@elsewhere.example>",
            "RCPT TO:alice@example.test", "DATA", "DATA now", ".", "..", "Subject: hi", "", "RSET", "NOOP",
            "NOOP with an argument", "VRFY alice", "VRFY", "EXPN class", "EXPN alice", "HELP", "HELP DATA",
            "ETRN example.test", "AUTH PLAIN", "AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=", "AUTH PLAIN !!!!",
            "AUTH LOGIN", "AUTH CRAM-MD5", "AUTH XOAUTH2", "*", "BDAT 10 LAST", "TURN", "quit", "QUIT",
            "STARTTLS", "mail from:<MIRO@EXAMPLE.TEST>", "RCPT TO:<postmaster>", "\u00c9HLO caf\u00e9");

    /** Anything: commands, random octets, NUL, 0xFF, bare CR and LF, over-long lines, in any order. */
    @Provide
    Arbitrary<byte[]> clientBytes() {
        return ArbitraryDialogues.anyBytes(COMMANDS,
                List.of("\r", "\n", "\r\n", "\0", "\r\n.\r\n", "\n.\n", "\r.\r", "\u00ff"),
                List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xE9, '\r', '\n'}),
                "NOOP", 500);
    }

    /**
     * A dialogue whose replies are the same however it arrives: no STARTTLS (whose answer depends on what is
     * buffered behind it), few enough errors not to spend the error budget, and QUIT only at the end.
     */
    @Provide
    Arbitrary<byte[]> dialogue() {
        List<String> steady = COMMANDS.stream().filter(c -> !c.equals("STARTTLS") && !c.equalsIgnoreCase("quit"))
                .collect(Collectors.toList());
        return ArbitraryDialogues.endingInQuit(steady, List.of("NOOP\0", "NOOP\rX", "NOOP \u00e9t\u00e9", "x".repeat(600), "RCPT TO:<" + "a".repeat(300) + "@example.test>"), 14);
    }

    @Provide
    Arbitrary<List<Integer>> segments() {
        return ArbitraryDialogues.segmentSizes();
    }


}
