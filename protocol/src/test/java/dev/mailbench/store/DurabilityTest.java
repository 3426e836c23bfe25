package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of the steps that make a delivery crash-safe, observed through the real disk flushes: the
 * file is forced while still invisible, every new/ directory is forced once it holds the message, and all
 * of that happens before commit returns (before the server may answer 250).
 */
class DurabilityTest {

    private static final byte[] MESSAGE = "Subject: durable\r\n\r\nbody\r\n".getBytes(US_ASCII);

    @TempDir
    Path root;

    /** Forces for real, and notes what was visible in alice's and bob's new/ at each flush. */
    final List<String> flushes = new ArrayList<>();

    final DiskSync recording = new DiskSync() {
        @Override
        public void forceFile(FileChannel file) throws IOException {
            flushes.add("file while visible in new/: " + visibleMessages());
            DiskSync.SYSTEM.forceFile(file);
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            String name = root.equals(directory) ? "root" : root.relativize(directory).toString().replace('\\', '/');
            flushes.add("directory " + name + " holding " + messagesIn(directory));
            DiskSync.SYSTEM.forceDirectory(directory);
        }
    };

    @Test
    void aDeliveryForcesItsFileBeforeTheRenameAndEachNewDirectoryAfter() throws IOException {
        MailStore store = MailStore.open(root, Clock.systemUTC(), FileLinker.HARD_LINK, recording);

        try (Delivery delivery = store.beginDelivery(List.of("alice", "bob"))) {
            assertThat(flushes).as("new maildirs are made durable too").containsExactly(
                    "directory alice holding 0", "directory root holding 0",
                    "directory bob holding 0", "directory root holding 0");
            flushes.clear();
            delivery.body().write(MESSAGE);

            delivery.commit();

            assertThat(flushes).containsExactly(
                    "file while visible in new/: 0",
                    "directory alice/new holding 1",
                    "directory bob/new holding 1");
        }
    }

    @Test
    void aCopyMadeWhereLinksFailIsForcedBeforeItBecomesVisible() throws IOException {
        FileLinker noLinks = (link, existing) -> {
            throw new FileSystemException(link.toString(), existing.toString(), "Operation not permitted");
        };
        MailStore store = MailStore.open(root, Clock.systemUTC(), noLinks, recording);

        try (Delivery delivery = store.beginDelivery(List.of("alice", "bob"))) {
            flushes.clear();
            delivery.body().write(MESSAGE);

            delivery.commit();

            assertThat(flushes).containsExactly(
                    "file while visible in new/: 0",
                    "file while visible in new/: 0",
                    "directory alice/new holding 1",
                    "directory bob/new holding 1");
        }
    }

    @Test
    void removalsAreForcedBeforeTheUpdateStateEnds() throws Exception {
        MailStore store = MailStore.open(root, Clock.systemUTC(), FileLinker.HARD_LINK, recording);
        store.deliver(List.of("alice"), new ByteArrayInputStream(MESSAGE));
        store.deliver(List.of("alice"), new ByteArrayInputStream(MESSAGE));

        try (MailboxSession session = store.openForPop3("alice")) {
            session.markDeleted(1);
            flushes.clear();

            session.commitDeletions();

            assertThat(flushes).containsExactly("directory alice/new holding 1");
        }
    }

    private int visibleMessages() throws IOException {
        return messagesIn(root.resolve("alice/new")) + messagesIn(root.resolve("bob/new"));
    }

    private static int messagesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }
}
