package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash between writing to tmp/ and the rename into new/ leaves a file in tmp/ and nothing else. */
class StaleTemporaryFilesTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void anUnfinishedDeliveryIsInvisibleAndRemovedOnlyWhenOlderThan36Hours() throws Exception {
        MailStore store = MailStore.open(root, clockAt(NOW));
        Delivery crashed = store.beginDelivery(List.of("alice"));
        crashed.body().write("Subject: never finished\r\n\r\n".getBytes(US_ASCII));
        crashed.body().flush();
        // the process dies here: no commit, no abort
        Path young = root.resolve("alice/tmp").resolve(crashed.uniqueName());
        Path old = Files.writeString(root.resolve("alice/tmp/1700000000.M1P1Q1.host"), "half a message");
        age(old, NOW.minus(Duration.ofHours(37)));
        age(young, NOW.minus(Duration.ofHours(35)));

        assertThat(store.listMessages("alice")).isEmpty();
        try (MailboxSession session = store.openForPop3("alice")) {
            assertThat(session.messageCount()).isZero();
        }

        MailStore reopened = MailStore.open(root, clockAt(NOW));

        assertThat(old).doesNotExist();
        assertThat(young).as("may still be a delivery under way").exists();
        assertThat(reopened.listMessages("alice")).isEmpty();

        MailStore muchLater = MailStore.open(root, clockAt(NOW.plus(Duration.ofHours(2))));
        assertThat(young).doesNotExist();
        assertThat(muchLater.listMessages("alice")).isEmpty();
        assertThat(muchLater.removeStaleTemporaryFiles()).isZero();
    }

    @Test
    void aRecentlyReadTemporaryFileIsNotStale() throws IOException {
        MailStore.open(root, clockAt(NOW)).beginDelivery(List.of("alice")).abort();
        Path file = Files.writeString(root.resolve("alice/tmp/1700000000.M1P1Q2.host"), "x");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofHours(40))));
        // Maildir spec: "not been accessed for 36 hours"
        Files.setAttribute(file, "lastAccessTime", FileTime.from(NOW.minus(Duration.ofHours(1))));

        int removed = MailStore.open(root, clockAt(NOW)).removeStaleTemporaryFiles();

        assertThat(removed).isZero();
        assertThat(file).exists();
    }

    @Test
    void cleaningLeavesDeliveredMessagesAlone() throws IOException {
        MailStore store = MailStore.open(root, clockAt(NOW));
        StoredMessage delivered = store.deliver(List.of("alice"),
                new java.io.ByteArrayInputStream("Subject: kept\r\n\r\n".getBytes(US_ASCII))).get(0);
        age(delivered.file(), NOW.minus(Duration.ofDays(30)));

        MailStore.open(root, clockAt(NOW));

        assertThat(delivered.file()).exists();
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static void age(Path file, Instant lastUse) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(lastUse));
        Files.setAttribute(file, "lastAccessTime", FileTime.from(lastUse));
    }
}
