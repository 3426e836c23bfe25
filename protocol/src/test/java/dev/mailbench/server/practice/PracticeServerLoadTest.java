package dev.mailbench.server.practice;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.PasswordHash;
import dev.mailbench.server.RawConnection;
import dev.mailbench.server.ServerLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classroom at once: 200 SMTP sessions and 50 POP3 sessions open together against one practice server,
 * each going through a whole dialogue; all of them complete, and a client beyond the connection limit is
 * told {@code 421} at once instead of being left waiting. The clients are driven step by step from one
 * thread (every session sends its command, then every session reads its reply), so all of them really are
 * open at the same time.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PracticeServerLoadTest {

    private static final int SMTP_SESSIONS = 200;
    private static final int POP3_SESSIONS = 50;
    private static final Pattern APOP_TIMESTAMP = Pattern.compile("<[^>]+>");

    @TempDir
    Path data;

    @Test
    void twoHundredSmtpAndFiftyPop3SessionsAtOnceAllCompleteAndTheNextSmtpClientGets421() throws Exception {
        ServerConfig config = DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0)
                .withAccounts(classOf(POP3_SESSIONS))
                .withLimits(ServerLimits.DEFAULTS.withMaxConnections(SMTP_SESSIONS).withIdleTimeout(Duration.ofMinutes(1)));
        try (PracticeServer server = PracticeServer.start(config)) {
            List<RawConnection> smtp = new ArrayList<>();
            List<RawConnection> pop3 = new ArrayList<>();
            try {
                for (int i = 0; i < SMTP_SESSIONS; i++) {
                    smtp.add(RawConnection.open(server.smtpPort()));
                }
                for (int i = 0; i < POP3_SESSIONS; i++) {
                    pop3.add(RawConnection.open(server.pop3Port()));
                }
                assertThat(smtpStep(smtp, null)).containsOnly("220");
                List<String> greetings = pop3Step(pop3, i -> null);
                assertThat(greetings).allSatisfy(g -> assertThat(g).startsWith("+OK"));
                assertThat(smtpStep(smtp, i -> "EHLO student" + i + ".example.test")).containsOnly("250");

                // Every slot is taken: the next client is refused at once, and the connection closed.
                try (RawConnection extra = RawConnection.open(server.smtpPort())) {
                    List<String> refusal = extra.readUntilClosed(Duration.ofSeconds(10));
                    assertThat(refusal).singleElement().asString().startsWith("421 4.7.0 ");
                }

                assertThat(smtpStep(smtp, i -> "MAIL FROM:<student" + i + "@example.test>")).containsOnly("250");
                assertThat(smtpStep(smtp, i -> "RCPT TO:<" + student(i % POP3_SESSIONS) + "@example.test>")).containsOnly("250");
                assertThat(smtpStep(smtp, i -> "DATA")).containsOnly("354");
                assertThat(smtpStep(smtp, i -> "Subject: essay " + i + "\r\n\r\nmy essay\r\n.")).containsOnly("250");

                // While the 200 SMTP sessions stay open, each student reads what was sent to them.
                int each = SMTP_SESSIONS / POP3_SESSIONS;
                assertThat(pop3Step(pop3, i -> "APOP " + student(i) + " " + apopDigest(greetings.get(i), secret(i))))
                        .allSatisfy(r -> assertThat(r).startsWith("+OK"));
                assertThat(pop3Step(pop3, i -> "STAT")).allSatisfy(r -> assertThat(r).startsWith("+OK " + each + " "));
                assertThat(pop3Step(pop3, i -> "RETR " + each)).allSatisfy(r -> assertThat(r).startsWith("Return-Path: "));
                assertThat(pop3Step(pop3, i -> "QUIT")).allSatisfy(r -> assertThat(r).startsWith("+OK"));
                assertThat(smtpStep(smtp, i -> "QUIT")).containsOnly("221");
            } finally {
                for (RawConnection c : smtp) {
                    c.close();
                }
                for (RawConnection c : pop3) {
                    c.close();
                }
            }
            int delivered = 0;
            for (int i = 0; i < POP3_SESSIONS; i++) {
                delivered += server.store().listMessages(student(i)).size();
            }
            assertThat(delivered).isEqualTo(SMTP_SESSIONS);
        }
    }

    /**
     * Sends each SMTP session its command (none: just read), then reads every session's reply; returns the
     * reply codes.
     */
    private static List<String> smtpStep(List<RawConnection> sessions, Function<Integer, String> command) throws IOException {
        if (command != null) {
            for (int i = 0; i < sessions.size(); i++) {
                sessions.get(i).send(command.apply(i) + "\r\n");
            }
        }
        List<String> codes = new ArrayList<>();
        for (RawConnection session : sessions) {
            String line;
            do {
                line = session.readLine();
                assertThat(line).as("a reply, not a closed connection").isNotNull();
            } while (line.length() > 3 && line.charAt(3) == '-');
            codes.add(line.substring(0, 3));
        }
        return codes;
    }

    /**
     * Sends each POP3 session its command (null: just read), then reads every session's response: its status
     * line, or for RETR the first line of the message, reading up to the terminating ".".
     */
    private static List<String> pop3Step(List<RawConnection> sessions, Function<Integer, String> command) throws IOException {
        for (int i = 0; i < sessions.size(); i++) {
            String c = command.apply(i);
            if (c != null) {
                sessions.get(i).send(c + "\r\n");
            }
        }
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            String status = sessions.get(i).readLine();
            assertThat(status).as("a response, not a closed connection").isNotNull();
            String c = command.apply(i);
            if (c != null && c.startsWith("RETR") && status.startsWith("+OK")) {
                String first = sessions.get(i).readLine();
                String line = first;
                while (!".".equals(line)) {
                    line = sessions.get(i).readLine();
                    assertThat(line).isNotNull();
                }
                status = first;
            }
            responses.add(status);
        }
        return responses;
    }

    private static String student(int i) {
        return String.format("student%02d", i);
    }

    private static String secret(int i) {
        return "secret-" + i;
    }

    /** The class: one account per POP3 session, each with its own APOP secret (one password hash for all: hashing is slow on purpose). */
    private static Accounts classOf(int students) {
        String hash = PasswordHash.hash("not used here");
        Accounts.Builder accounts = Accounts.builder().domain("example.test");
        for (int i = 0; i < students; i++) {
            accounts.account(new Accounts.Account(student(i), "Student " + i, hash, secret(i)));
        }
        return accounts.build();
    }

    /** RFC 1939 §7: the MD5 of the greeting's timestamp and the shared secret, in lower-case hex. */
    private static String apopDigest(String greeting, String secret) {
        Matcher timestamp = APOP_TIMESTAMP.matcher(greeting);
        assertThat(timestamp.find()).as("a timestamp in %s", greeting).isTrue();
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((timestamp.group() + secret).getBytes(US_ASCII));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java has MD5", e);
        }
    }
}
