package dev.mailbench.server.practice;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.RawConnection;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 5321 §6.1: once the server has said {@code 250} to the end of data it must not lose the message. The
 * whole practice server runs in a child process and is killed without warning (SIGKILL) in the middle of a
 * burst of deliveries over SMTP; restarted on the same data directory, it still has every message it
 * accepted, byte for byte, and shows no message that arrived only in part.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PracticeServerCrashTest {

    private static final int SENDERS = 4;
    private static final int KILL_AFTER_ACCEPTED = 40;
    private static final Pattern SEQUENCE = Pattern.compile("X-Sequence: (\\d+-\\d+)\r\n");

    @TempDir
    Path data;

    /** What each sender sent, by sequence; the message text as it should be stored (not dot-stuffed). */
    private final Map<String, byte[]> sent = new ConcurrentHashMap<>();
    /** The sequences the server answered 250 to. */
    private final Map<String, Boolean> accepted = new ConcurrentHashMap<>();

    @Test
    void everyMessageAnswered250SurvivesAKillAndNoPartialMessageIsVisible() throws Exception {
        ServerConfig config = DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0); // made once, here
        Process child = startChild();
        CountDownLatch enough = new CountDownLatch(KILL_AFTER_ACCEPTED);
        List<Thread> senders = new ArrayList<>();
        try {
            int smtpPort = listeningPort(child);
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                Thread t = new Thread(() -> send(smtpPort, sender, enough), "crash-test-sender-" + s);
                t.start();
                senders.add(t);
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d messages accepted before the kill", KILL_AFTER_ACCEPTED).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no flush
            child.waitFor(30, TimeUnit.SECONDS);
        }
        for (Thread t : senders) {
            t.join(30_000);
        }
        assertThat(accepted.size()).isGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);

        try (PracticeServer restarted = PracticeServer.start(config);
             Pop3ClientSession pop3 = new Pop3ClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer())
                     .withReplyTimeout(Duration.ofSeconds(30)))) {
            pop3.connect("127.0.0.1", restarted.pop3Port(), TlsMode.NONE);
            pop3.user("alice");
            assertThat(pop3.pass("alice-pass").isOk()).isTrue();
            int count = Integer.parseInt(pop3.stat().text().split(" ")[0]);
            List<String> found = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                Pop3Reply retr = pop3.retr(n);
                assertThat(retr.isOk()).isTrue();
                byte[] stored = retr.content();
                String sequence = sequenceOf(stored);
                assertThat(sent).as("message %d is one that was sent", n).containsKey(sequence);
                byte[] original = sent.get(sequence);
                assertThat(endsWith(stored, original))
                        .as("message %s is whole: the text sent, after the server's trace headers", sequence).isTrue();
                found.add(sequence);
            }
            assertThat(found).as("every message answered 250").containsAll(accepted.keySet());
            assertThat(found).doesNotHaveDuplicates();
            pop3.quit();
        }
    }

    /** One SMTP session sending numbered messages back to back until the server is gone. */
    private void send(int port, int sender, CountDownLatch enough) {
        Random random = new Random(sender);
        try (RawConnection raw = RawConnection.open(port)) {
            raw.expect(220).command("EHLO sender" + sender + ".example.test").expect(250);
            for (int n = 0; ; n++) {
                String sequence = sender + "-" + n;
                byte[] message = message(sequence, random);
                raw.command("MAIL FROM:<sender" + sender + "@example.test>").expect(250)
                        .command("RCPT TO:<alice@example.test>").expect(250)
                        .command("DATA").expect(354);
                sent.put(sequence, message);
                raw.send(dotStuffed(message)).send(".\r\n");
                if (raw.replyCode() == 250) {
                    accepted.put(sequence, true);
                    enough.countDown();
                }
            }
        } catch (IOException e) {
            // the server was killed: the point of the test
        }
    }

    /** A message of 1 to 40 KB, numbered, with lines that need dot-stuffing and a few 8-bit octets. */
    private static byte[] message(String sequence, Random random) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes(("From: crash@example.test\r\nTo: alice@example.test\r\nSubject: burst " + sequence
                + "\r\nX-Sequence: " + sequence + "\r\n\r\n").getBytes(US_ASCII));
        int lines = 10 + random.nextInt(500);
        for (int i = 0; i < lines; i++) {
            byte[] line = new byte[random.nextInt(78)];
            for (int j = 0; j < line.length; j++) {
                line[j] = (byte) (random.nextInt(10) == 0 ? 0x80 + random.nextInt(0x7F) : 0x20 + random.nextInt(0x5F));
            }
            if (random.nextInt(20) == 0 && line.length > 0) {
                line[0] = '.';
            }
            text.writeBytes(line);
            text.writeBytes("\r\n".getBytes(US_ASCII));
        }
        return text.toByteArray();
    }

    /** RFC 5321 §4.5.2: a line starting with "." gets another in front. */
    private static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        return out.toByteArray();
    }

    private static String sequenceOf(byte[] stored) {
        Matcher m = SEQUENCE.matcher(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(m.find()).as("a numbered message").isTrue();
        return m.group(1);
    }

    private static boolean endsWith(byte[] whole, byte[] end) {
        return whole.length >= end.length
                && Arrays.equals(whole, whole.length - end.length, whole.length, end, 0, end.length);
    }

    private Process startChild() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The quick compiler only: the child starts sooner, and speed is not what is tested here.
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PracticeServerChildProcess.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static int listeningPort(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), US_ASCII));
        String line = out.readLine();
        assertThat(line).as("the child server's first words").startsWith("LISTENING ");
        return Integer.parseInt(line.split(" ")[1]);
    }
}
