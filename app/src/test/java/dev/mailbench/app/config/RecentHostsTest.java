package dev.mailbench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentHostsTest {

    @TempDir
    Path config;

    private static final RecentHost PRACTICE = new RecentHost("127.0.0.1", 2525, MailProtocol.SMTP, TlsMode.NONE);
    private static final RecentHost SUBMISSION = new RecentHost("smtp.example.test", 587, MailProtocol.SMTP, TlsMode.STARTTLS);
    private static final RecentHost MAILBOX = new RecentHost("pop.example.test", 995, MailProtocol.POP3, TlsMode.IMPLICIT);

    @Test
    void nothingIsRememberedAtFirst() throws Exception {
        assertThat(new RecentHosts(config.resolve("not-yet")).load()).isEmpty();
    }

    @Test
    void theMostRecentComesFirstAndAServerIsListedOnce() throws Exception {
        RecentHosts hosts = new RecentHosts(config.resolve("mailbench"));
        hosts.remember(PRACTICE);
        hosts.remember(SUBMISSION);
        hosts.remember(MAILBOX);
        hosts.remember(PRACTICE);

        assertThat(new RecentHosts(config.resolve("mailbench")).load()).containsExactly(PRACTICE, MAILBOX, SUBMISSION);
    }

    @Test
    void onlyTheNewestTenAreKept() throws Exception {
        RecentHosts hosts = new RecentHosts(config);
        for (int port = 1; port <= 12; port++) {
            hosts.remember(new RecentHost("mx.example.test", port, MailProtocol.SMTP, TlsMode.NONE));
        }

        assertThat(hosts.load()).hasSize(RecentHosts.LIMIT)
                .first().isEqualTo(new RecentHost("mx.example.test", 12, MailProtocol.SMTP, TlsMode.NONE));
    }

    @Test
    void theFileIsPlainTextATeacherCanWriteAndBrokenLinesAreSkipped() throws Exception {
        Files.writeString(config.resolve("recent-hosts"), String.join("\n",
                "# prepared for the class",
                "pop3 stls pop.example.test 110",
                "SMTP NONE half a line",
                "SMTP NONE mx.example.test 99999",
                "SMTP IMPLICIT smtp.example.test 465",
                ""), StandardCharsets.UTF_8);

        assertThat(new RecentHosts(config).load()).containsExactly(
                new RecentHost("pop.example.test", 110, MailProtocol.POP3, TlsMode.STARTTLS),
                new RecentHost("smtp.example.test", 465, MailProtocol.SMTP, TlsMode.IMPLICIT));
    }

    @Test
    void labelsSayProtocolAndTlsTheWayEachProtocolNamesIt() {
        assertThat(SUBMISSION.label()).isEqualTo("smtp.example.test:587 (SMTP, STARTTLS)");
        assertThat(new RecentHost("pop.example.test", 110, MailProtocol.POP3, TlsMode.STARTTLS).label())
                .isEqualTo("pop.example.test:110 (POP3, STLS)");
        assertThat(PRACTICE.label()).isEqualTo("127.0.0.1:2525 (SMTP, plain)");
    }

    @Test
    void twoWritersAtOnceLoseNeitherListNorFile() throws Exception {
        // Two tabs (or two windows) connecting at the same moment, each remembering its own five servers.
        List<RecentHost> first = new ArrayList<>();
        List<RecentHost> second = new ArrayList<>();
        for (int port = 1; port <= 5; port++) {
            first.add(new RecentHost("smtp.example.test", port, MailProtocol.SMTP, TlsMode.NONE));
            second.add(new RecentHost("pop.example.test", port, MailProtocol.POP3, TlsMode.NONE));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<RecentHost> servers : List.of(first, second)) {
                RecentHosts hosts = new RecentHosts(config);
                done.add(writers.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        for (RecentHost server : servers) {
                            hosts.remember(server);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();   // throws if a writer failed, as one did when both wrote "recent-hosts.tmp"
            }
        } finally {
            writers.shutdownNow();
        }

        List<RecentHost> remembered = new RecentHosts(config).load();
        assertThat(remembered).hasSize(RecentHosts.LIMIT).containsAll(first).containsAll(second);
        try (Stream<Path> files = Files.list(config)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(RecentHosts.FILE_NAME);
        }
    }

    @Test
    void aReplyTimeoutOtherThanTheUsualOneIsRememberedWithItsServer() throws Exception {
        RecentHosts hosts = new RecentHosts(config);
        RecentHost patient = new RecentHost("slow.example.test", 25, MailProtocol.SMTP, TlsMode.NONE,
                Duration.ofSeconds(180));
        hosts.remember(new RecentHost("slow.example.test", 25, MailProtocol.SMTP, TlsMode.NONE));
        hosts.remember(patient);

        assertThat(new RecentHosts(config).load()).containsExactly(patient);
        assertThat(Files.readAllLines(config.resolve(RecentHosts.FILE_NAME))).contains("SMTP NONE slow.example.test 25 180");
    }
}
