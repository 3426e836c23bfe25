package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

    /** CRLF endings, a line that is only a dot, lines beginning with dots, 8-bit octets, a bare LF inside. */
    static final byte[] TRICKY_MESSAGE = concat(
            "From: <carol@example.test>\r\nTo: <alice@example.test>\r\nSubject: dots\r\n\r\n".getBytes(US_ASCII),
            ".\r\n..\r\n.leading dot\r\n".getBytes(US_ASCII),
            new byte[] {'8', '-', 'b', 'i', 't', ':', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 0x00, (byte) 0x80, '\r', '\n'},
            "bare\nLF and bare\rCR kept as sent\r\n".getBytes(US_ASCII));

    @TempDir
    Path root;

    @Test
    void storesTheExactOctetsAndListsThemWithTheirSize() throws IOException {
        MailStore store = MailStore.open(root);

        List<StoredMessage> stored;
        try (Delivery delivery = store.beginDelivery(List.of("alice"))) {
            delivery.body().write(TRICKY_MESSAGE);
            stored = delivery.commit();
        }

        assertThat(stored).singleElement().satisfies(m -> {
            assertThat(m.user()).isEqualTo("alice");
            assertThat(m.sizeOctets()).isEqualTo(TRICKY_MESSAGE.length);
            assertThat(m.file()).isEqualTo(root.resolve("alice/new").resolve(m.uid()));
        });
        assertThat(store.listMessages("alice")).containsExactlyElementsOf(stored);
        assertThat(readAll(store.listMessages("alice").get(0))).isEqualTo(TRICKY_MESSAGE);
        assertThat(Files.size(stored.get(0).file())).isEqualTo(TRICKY_MESSAGE.length);
        assertThat(store.summary("alice")).isEqualTo(new MailboxSummary(1, TRICKY_MESSAGE.length));
        assertThat(root.resolve("alice/tmp")).isEmptyDirectory();
    }

    @Test
    void streamsAFiveMegabyteBodyInChunks() throws Exception {
        MailStore store = MailStore.open(root);
        long size = 5L * 1024 * 1024 + 17;
        MessageDigest sent = MessageDigest.getInstance("SHA-256");

        List<StoredMessage> stored;
        try (Delivery delivery = store.beginDelivery(List.of("alice"))) {
            Random random = new Random(42);
            byte[] chunk = new byte[8191];
            long written = 0;
            while (written < size) {
                int n = (int) Math.min(chunk.length, size - written);
                random.nextBytes(chunk);
                delivery.body().write(chunk, 0, n);
                sent.update(chunk, 0, n);
                written += n;
            }
            assertThat(delivery.size()).isEqualTo(size);
            stored = delivery.commit();
        }

        assertThat(stored.get(0).sizeOctets()).isEqualTo(size);
        assertThat(digestOf(stored.get(0))).isEqualTo(sent.digest());
    }

    @Test
    void oneMessageForSeveralUsersIsOneFileLinkedIntoEachMaildir() throws IOException {
        MailStore store = MailStore.open(root);

        List<StoredMessage> stored = store.deliver(List.of("alice", "bob", "carol"),
                new ByteArrayInputStream(TRICKY_MESSAGE));

        assertThat(stored).extracting(StoredMessage::user).containsExactly("alice", "bob", "carol");
        assertThat(stored).extracting(StoredMessage::uid).containsOnly(stored.get(0).uid());
        for (String user : List.of("alice", "bob", "carol")) {
            List<StoredMessage> listed = store.listMessages(user);
            assertThat(listed).hasSize(1);
            assertThat(readAll(listed.get(0))).isEqualTo(TRICKY_MESSAGE);
            assertThat(root.resolve(user).resolve("tmp")).isEmptyDirectory();
        }
        assertThat(Files.isSameFile(stored.get(0).file(), stored.get(1).file())).isTrue();
        assertThat(Files.isSameFile(stored.get(0).file(), stored.get(2).file())).isTrue();
    }

    @Test
    void fallsBackToACopyWhereHardLinksFail() throws IOException {
        FileLinker noLinks = (link, existing) -> {
            throw new FileSystemException(link.toString(), existing.toString(), "Invalid cross-device link");
        };
        MailStore store = MailStore.open(root, Clock.systemUTC(), noLinks, DiskSync.SYSTEM);

        List<StoredMessage> stored = store.deliver(List.of("alice", "bob"), new ByteArrayInputStream(TRICKY_MESSAGE));

        assertThat(Files.isSameFile(stored.get(0).file(), stored.get(1).file())).isFalse();
        assertThat(readAll(store.listMessages("alice").get(0))).isEqualTo(TRICKY_MESSAGE);
        assertThat(readAll(store.listMessages("bob").get(0))).isEqualTo(TRICKY_MESSAGE);
        assertThat(store.listMessages("bob").get(0).uid()).isEqualTo(stored.get(0).uid());
        assertThat(root.resolve("alice/tmp")).isEmptyDirectory();
        assertThat(root.resolve("bob/tmp")).isEmptyDirectory();

        FileLinker unsupported = (link, existing) -> {
            throw new UnsupportedOperationException("no hard links on this file system");
        };
        List<StoredMessage> again = MailStore.open(root, Clock.systemUTC(), unsupported, DiskSync.SYSTEM)
                .deliver(List.of("alice", "bob"), new ByteArrayInputStream(TRICKY_MESSAGE));
        assertThat(readAll(again.get(1))).isEqualTo(TRICKY_MESSAGE);
    }

    @Test
    void duplicateRecipientsGetTheMessageOnce() throws IOException {
        MailStore store = MailStore.open(root);

        List<StoredMessage> stored = store.deliver(List.of("alice", "ALICE", "bob", "alice"),
                new ByteArrayInputStream(TRICKY_MESSAGE));

        assertThat(stored).extracting(StoredMessage::user).containsExactly("alice", "bob");
        assertThat(store.listMessages("alice")).hasSize(1);
    }

    @Test
    void nothingIsVisibleBeforeCommit() throws IOException {
        MailStore store = MailStore.open(root);

        try (Delivery delivery = store.beginDelivery(List.of("alice", "bob"))) {
            delivery.body().write(TRICKY_MESSAGE);
            delivery.body().flush();

            assertThat(store.listMessages("alice")).isEmpty();
            assertThat(store.listMessages("bob")).isEmpty();
            assertThat(root.resolve("alice/tmp").resolve(delivery.uniqueName())).hasBinaryContent(TRICKY_MESSAGE);
            delivery.commit();
        }
        assertThat(store.listMessages("alice")).hasSize(1);
        assertThat(store.listMessages("bob")).hasSize(1);
    }

    @Test
    void abortLeavesNothingBehind() throws IOException {
        MailStore store = MailStore.open(root);

        Delivery delivery = store.beginDelivery(List.of("alice", "bob"));
        delivery.body().write(TRICKY_MESSAGE);
        delivery.abort();

        for (String user : List.of("alice", "bob")) {
            assertThat(root.resolve(user).resolve("tmp")).isEmptyDirectory();
            assertThat(root.resolve(user).resolve("new")).isEmptyDirectory();
            assertThat(root.resolve(user).resolve("cur")).isEmptyDirectory();
        }
        assertThatThrownBy(() -> delivery.body().write('x')).isInstanceOf(IOException.class);
        assertThatThrownBy(delivery::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingWithoutCommitAborts() throws IOException {
        MailStore store = MailStore.open(root);

        try (Delivery delivery = store.beginDelivery(List.of("alice"))) {
            delivery.body().write(TRICKY_MESSAGE);
            // the connection drops here: no commit
        }

        assertThat(store.listMessages("alice")).isEmpty();
        assertThat(root.resolve("alice/tmp")).isEmptyDirectory();
    }

    @Test
    void aCommittedDeliveryIsOverAndClosingTheBodyEarlyIsHarmless() throws IOException {
        MailStore store = MailStore.open(root);

        Delivery delivery = store.beginDelivery(List.of("alice"));
        OutputStream body = delivery.body();
        body.write(TRICKY_MESSAGE);
        body.close();
        delivery.commit();
        delivery.abort();
        delivery.close();

        assertThat(delivery.isCommitted()).isTrue();
        assertThat(store.listMessages("alice")).hasSize(1);
        assertThatThrownBy(delivery::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> body.write('x')).isInstanceOf(IOException.class);
    }

    @Test
    void anEmptyMessageIsAMessageOfZeroOctets() throws IOException {
        MailStore store = MailStore.open(root);

        List<StoredMessage> stored = store.deliver(List.of("alice"), InputStream.nullInputStream());

        assertThat(stored.get(0).sizeOctets()).isZero();
        assertThat(store.summary("alice")).isEqualTo(new MailboxSummary(1, 0));
    }

    @Test
    void twoDeliveriesCanBeUnderWayAtOnce() throws IOException {
        // a clock that stands still: the order then comes from the per-process delivery count alone
        MailStore store = MailStore.open(root, Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC));
        byte[] first = "Subject: first\r\n\r\none\r\n".getBytes(US_ASCII);
        byte[] second = "Subject: second\r\n\r\ntwo\r\n".getBytes(US_ASCII);

        Delivery a = store.beginDelivery(List.of("alice"));
        Delivery b = store.beginDelivery(List.of("alice", "bob"));
        a.body().write(first, 0, 10);
        b.body().write(second);
        b.commit();
        a.body().write(first, 10, first.length - 10);
        a.commit();

        List<StoredMessage> alice = store.listMessages("alice");
        assertThat(alice).hasSize(2);
        // delivery order is the order deliveries began
        assertThat(readAll(alice.get(0))).isEqualTo(first);
        assertThat(readAll(alice.get(1))).isEqualTo(second);
        assertThat(readAll(store.listMessages("bob").get(0))).isEqualTo(second);
    }

    @Test
    void invalidUserNamesAreRefusedBeforeAnythingIsCreated() throws IOException {
        MailStore store = MailStore.open(root);

        assertThatThrownBy(() -> store.beginDelivery(List.of("alice", "../bob")))
                .isInstanceOf(InvalidUserNameException.class);
        assertThatThrownBy(() -> store.beginDelivery(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listMessages(".."))
                .isInstanceOf(InvalidUserNameException.class);
        assertThatThrownBy(() -> store.openForPop3("a/b"))
                .isInstanceOf(InvalidUserNameException.class);

        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        }
        assertThat(root.getParent().resolve("bob")).doesNotExist();
    }

    @Test
    void maildirsAreCreatedOnDemandAndListedAsUsers() throws IOException {
        MailStore store = MailStore.open(root.resolve("store"));

        assertThat(store.users()).isEmpty();
        assertThat(store.listMessages("alice")).isEmpty();
        assertThat(store.summary("alice")).isEqualTo(MailboxSummary.EMPTY);

        store.deliver(List.of("Bob", "alice"), new ByteArrayInputStream(TRICKY_MESSAGE));

        assertThat(store.users()).containsExactly("alice", "bob");
        for (String sub : List.of("tmp", "new", "cur")) {
            assertThat(root.resolve("store/bob").resolve(sub)).isDirectory();
        }
    }

    static byte[] readAll(StoredMessage message) throws IOException {
        try (InputStream in = message.open()) {
            return in.readAllBytes();
        }
    }

    static byte[] digestOf(StoredMessage message) throws IOException, NoSuchAlgorithmException {
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(message.open(), received)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return received.digest();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
