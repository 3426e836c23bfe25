package dev.mailbench.server.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.StudentLimits;
import dev.mailbench.server.TestClock;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice server serving a class, as students' telnet sessions see it: passwords only under TLS when
 * required (RFC 4954 §4, RFC 2595 §4), and each student's limits answered with the RFCs' replies; the teacher is
 * not a student.
 */
class ClassModeServerTest {
    /** One data directory for all: its certificate is made once. */
    @TempDir
    static Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-12T08:00:00Z"));
    private PracticeServer server;
    private ClassRoster roster;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(ServerConfig.TlsForAuth tls, StudentLimits limits) throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        roster = ClassRoster.empty().withStudents(ClassRoster.numbered(3), new SecureRandom());
        roster.save(data);
        ServerConfig config = data.loadOrCreateConfig().withPorts(0, 0).withTlsForAuth(tls)
                .withClassroom(new ClassSettings(Set.of(), limits));
        server = PracticeServer.start(roster.applyTo(config), clock);
    }

    private String password(int student) {
        return roster.students().get(student - 1).password();
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwordsAreTakenOnlyAfterStartTlsAndStls() throws Exception {
        start(ServerConfig.TlsForAuth.ON, StudentLimits.DEFAULTS);
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            List<String> ehlo = smtp.smtpLines("EHLO laptop");
            assertThat(ehlo).anyMatch(line -> line.contains("STARTTLS")).noneMatch(line -> line.contains("AUTH"));
            // RFC 4954 §4
            assertThat(smtp.smtp("AUTH PLAIN " + plain("student01", password(1))))
                    .startsWith("538 5.7.11 Encryption required for requested authentication mechanism");
            assertThat(smtp.smtp("STARTTLS")).startsWith("220");
            smtp.startTls();
            assertThat(smtp.smtpLines("EHLO laptop")).anyMatch(line -> line.startsWith("250-AUTH PLAIN LOGIN CRAM-MD5")
                    || line.startsWith("250 AUTH PLAIN LOGIN CRAM-MD5"));
            assertThat(smtp.smtp("AUTH PLAIN " + plain("student01", password(1)))).startsWith("235 2.7.0");
        }
        try (RawClient pop3 = new RawClient(server.pop3Port())) {
            pop3.line();
            List<String> capa = pop3.pop3Lines("CAPA");
            assertThat(capa).contains("STLS", "SASL CRAM-MD5").doesNotContain("USER");
            assertThat(pop3.pop3("USER student02")).startsWith("-ERR [AUTH] Plaintext authentication disallowed");
            assertThat(pop3.pop3("AUTH PLAIN " + plain("student02", password(2)))).startsWith("-ERR [AUTH]");
            assertThat(pop3.pop3("STLS")).startsWith("+OK");
            pop3.startTls();
            assertThat(pop3.pop3Lines("CAPA")).contains("USER", "SASL PLAIN LOGIN CRAM-MD5");
            assertThat(pop3.pop3("USER student02")).startsWith("+OK");
            assertThat(pop3.pop3("PASS " + password(2))).startsWith("+OK");
        }
    }

    @Test
    void onLoopbackTheDefaultTakesPasswordsInClearAsTheWalkthroughsShow() throws Exception {
        start(ServerConfig.TlsForAuth.AUTO, StudentLimits.DEFAULTS);
        assertThat(server.classPolicy().requireTlsForAuth()).isFalse();
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            assertThat(smtp.smtpLines("EHLO laptop")).anyMatch(line -> line.contains("AUTH PLAIN"));
            assertThat(smtp.smtp("AUTH PLAIN " + plain("student01", password(1)))).startsWith("235");
        }
        assertThat(server.config().withBindAddress(InetAddress.getByName("0.0.0.0"), true).requireTlsForAuth())
                .isTrue();
    }

    @Test
    void aStudentWithTooManyConnectionsGets421AndInUseButTheTeacherDoesNot() throws Exception {
        start(ServerConfig.TlsForAuth.OFF, new StudentLimits(2, 30, 1_000_000, 5, Duration.ofMinutes(1)));
        try (RawClient a = new RawClient(server.smtpPort()); RawClient b = new RawClient(server.smtpPort());
             RawClient c = new RawClient(server.smtpPort()); RawClient p = new RawClient(server.pop3Port())) {
            for (RawClient client : List.of(a, b)) {
                client.smtpReply();
                client.smtp("HELO laptop");
                assertThat(client.smtp("MAIL FROM:<student01@example.test>")).startsWith("250");
            }
            c.smtpReply();
            c.smtp("HELO laptop");
            assertThat(c.smtp("MAIL FROM:<student01@example.test>")).startsWith("421 4.7.0");
            assertThat(c.untilClosed()).isEmpty();
            p.line();
            p.pop3("USER student01");
            assertThat(p.pop3("PASS " + password(1))).startsWith("-ERR [IN-USE]");
            // another student is not affected, nor is the teacher
            try (RawClient other = new RawClient(server.smtpPort())) {
                other.smtpReply();
                other.smtp("HELO laptop");
                assertThat(other.smtp("MAIL FROM:<student02@example.test>")).startsWith("250");
            }
            a.smtp("QUIT");
            a.untilClosed();
        }
        // a's connection has ended: student01 may connect again
        try (RawClient again = new RawClient(server.smtpPort())) {
            again.smtpReply();
            again.smtp("HELO laptop");
            assertThat(again.smtp("MAIL FROM:<student01@example.test>")).startsWith("250");
        }
    }

    @Test
    void aStudentsMessagesOfAMinuteAreLimitedWith451() throws Exception {
        start(ServerConfig.TlsForAuth.OFF, new StudentLimits(5, 2, 1_000_000, 5, Duration.ofMinutes(1)));
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("HELO laptop");
            for (int i = 0; i < 2; i++) {
                assertThat(smtp.smtp("MAIL FROM:<student03@example.test>")).startsWith("250");
                smtp.smtp("RSET");
            }
            assertThat(smtp.smtp("MAIL FROM:<student03@example.test>")).startsWith("451 4.7.1");
            assertThat(smtp.smtp("MAIL FROM:<alice@example.test>")).startsWith("250");   // not a student
            smtp.smtp("RSET");
            clock.advance(Duration.ofSeconds(61));
            assertThat(smtp.smtp("MAIL FROM:<student03@example.test>")).startsWith("250");
        }
    }

    @Test
    void aFullMailboxRefusesMoreMailWith552() throws Exception {
        start(ServerConfig.TlsForAuth.OFF, new StudentLimits(5, 30, 200, 5, Duration.ofMinutes(1)));
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("HELO laptop");
            smtp.smtp("MAIL FROM:<alice@example.test>");
            assertThat(smtp.smtp("RCPT TO:<student02@example.test>")).startsWith("250");
            smtp.smtp("DATA");
            smtp.send("Subject: a long one");
            smtp.send("");
            smtp.send("x".repeat(300));
            assertThat(smtp.smtp(".")).startsWith("250");
            smtp.smtp("MAIL FROM:<alice@example.test>");
            assertThat(smtp.smtp("RCPT TO:<student02@example.test>")).startsWith("552 5.2.2");
            assertThat(smtp.smtp("RCPT TO:<teacher@example.test>")).startsWith("250");
        }
    }

    @Test
    void failedLoginsPauseAStudentsLoginsWith454AndAuthButNotTheTeachers() throws Exception {
        start(ServerConfig.TlsForAuth.OFF, new StudentLimits(5, 30, 1_000_000, 2, Duration.ofMinutes(1)));
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("EHLO laptop");
            assertThat(smtp.smtp("AUTH PLAIN " + plain("student01", "wrong"))).startsWith("535 5.7.8");
        }
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("EHLO laptop");
            assertThat(smtp.smtp("AUTH PLAIN " + plain("student01", "wrong"))).startsWith("535 5.7.8");
            // the pause: even the right password is not checked
            assertThat(smtp.smtp("AUTH PLAIN " + plain("student01", password(1)))).startsWith("454 4.7.0");
            String teacher = roster.teacher().orElseThrow().password();
            for (int i = 0; i < 2; i++) {
                try (RawClient t = new RawClient(server.smtpPort())) {
                    t.smtpReply();
                    t.smtp("EHLO laptop");
                    assertThat(t.smtp("AUTH PLAIN " + plain("teacher", "wrong"))).startsWith("535");
                }
            }
            try (RawClient t = new RawClient(server.smtpPort())) {
                t.smtpReply();
                t.smtp("EHLO laptop");
                assertThat(t.smtp("AUTH PLAIN " + plain("teacher", teacher))).startsWith("235");
            }
        }
        try (RawClient pop3 = new RawClient(server.pop3Port())) {
            pop3.line();
            pop3.pop3("USER student01");
            assertThat(pop3.pop3("PASS " + password(1))).startsWith("-ERR [AUTH] Too many failed logins for student01");
        }
        clock.advance(Duration.ofSeconds(61));
        try (RawClient pop3 = new RawClient(server.pop3Port())) {
            pop3.line();
            pop3.pop3("USER student01");
            assertThat(pop3.pop3("PASS " + password(1))).startsWith("+OK");
        }
    }
}
