package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentDeliveryTest {

    private static final int THREADS = 6;
    private static final int DELIVERIES_PER_THREAD = 20;

    @TempDir
    Path root;

    @Test
    void deliveriesFromSeveralThreadsAreAllThereAfterwards() throws Exception {
        MailStore store = MailStore.open(root);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < DELIVERIES_PER_THREAD; i++) {
                        // every thread writes to alice; odd threads to bob as well
                        List<String> users = thread % 2 == 0 ? List.of("alice") : List.of("alice", "bob");
                        store.deliver(users, new ByteArrayInputStream(body(thread, i).getBytes(US_ASCII)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<StoredMessage> alice = store.listMessages("alice");
        assertThat(alice).hasSize(THREADS * DELIVERIES_PER_THREAD);
        assertThat(alice).extracting(StoredMessage::uid).doesNotHaveDuplicates();
        assertThat(store.listMessages("bob")).hasSize(THREADS / 2 * DELIVERIES_PER_THREAD);

        Set<String> bodies = new TreeSet<>();
        for (StoredMessage m : alice) {
            bodies.add(new String(DeliveryTest.readAll(m), US_ASCII));
        }
        Set<String> expected = new TreeSet<>();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < DELIVERIES_PER_THREAD; i++) {
                expected.add(body(t, i));
            }
        }
        assertThat(bodies).isEqualTo(expected);
        assertThat(root.resolve("alice/tmp")).isEmptyDirectory();
        try (MailboxSession session = store.openForPop3("alice")) {
            assertThat(session.messageCount()).isEqualTo(THREADS * DELIVERIES_PER_THREAD);
        }
    }

    private static String body(int thread, int i) {
        return "Subject: thread " + thread + " message " + i + "\r\n\r\n" + ".".repeat(i) + "\r\n";
    }
}
