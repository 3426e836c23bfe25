package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxSessionTest {

    @TempDir
    Path root;

    MailStore store;

    @BeforeEach
    void threeMessagesForAlice() throws IOException {
        // a clock that stands still, so delivery order comes from the delivery count alone
        store = MailStore.open(root, Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC));
        deliver(List.of("alice"), "Subject: one\r\n\r\nfirst\r\n");
        deliver(List.of("alice", "bob"), "Subject: two\r\n\r\n.second, dot-led\r\n");
        deliver(List.of("alice"), "Subject: three\r\n\r\nthird, the longest of them\r\n");
    }

    @Test
    void numbersTheSnapshotInDeliveryOrderWithFileSizes() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            assertThat(session.user()).isEqualTo("alice");
            assertThat(session.messageCount()).isEqualTo(3);
            List<StoredMessage> files = store.listMessages("alice");
            assertThat(session.messages()).containsExactly(
                    new MaildropMessage(1, files.get(0).uid(), Files.size(files.get(0).file())),
                    new MaildropMessage(2, files.get(1).uid(), Files.size(files.get(1).file())),
                    new MaildropMessage(3, files.get(2).uid(), Files.size(files.get(2).file())));
            assertThat(retrieve(session, 1)).isEqualTo("Subject: one\r\n\r\nfirst\r\n");
            assertThat(retrieve(session, 2)).isEqualTo("Subject: two\r\n\r\n.second, dot-led\r\n");
            assertThat(session.summary()).isEqualTo(new MailboxSummary(3,
                    session.messages().stream().mapToLong(MaildropMessage::sizeOctets).sum()));
        }
    }

    @Test
    void uidsAreValidAndSurviveReopeningTheStore() throws Exception {
        List<String> before;
        try (MailboxSession session = store.openForPop3("alice")) {
            before = session.messages().stream().map(MaildropMessage::uid).toList();
        }

        MailStore reopened = MailStore.open(root);
        List<String> after;
        try (MailboxSession session = reopened.openForPop3("alice")) {
            after = session.messages().stream().map(MaildropMessage::uid).toList();
        }

        assertThat(after).isEqualTo(before).doesNotHaveDuplicates();
        // RFC 1939 §7: 1 to 70 characters in the range 0x21 to 0x7E
        assertThat(after).allSatisfy(uid -> assertThat(uid).matches("[\\x21-\\x7E]{1,70}"));
    }

    @Test
    void aMessageMovedToCurKeepsItsUid() throws Exception {
        StoredMessage first = store.listMessages("alice").get(0);
        Files.move(first.file(), root.resolve("alice/cur").resolve(first.uid() + ":2,S"));

        List<StoredMessage> listed = store.listMessages("alice");

        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).uid()).isEqualTo(first.uid());
        assertThat(listed.get(0).file().getParent().getFileName()).hasToString("cur");
    }

    @Test
    void deleteThenCommitRemovesTheFiles() throws Exception {
        List<StoredMessage> files = store.listMessages("alice");
        try (MailboxSession session = store.openForPop3("alice")) {
            session.markDeleted(1);
            session.markDeleted(2);

            assertThat(session.summary().messageCount()).isEqualTo(1);
            DeletionReport report = session.commitDeletions();

            assertThat(report).isEqualTo(new DeletionReport(2, List.of()));
            assertThat(report.complete()).isTrue();
            assertThat(session.isOpen()).isFalse();
        }
        assertThat(files.get(0).file()).doesNotExist();
        assertThat(files.get(1).file()).doesNotExist();
        assertThat(store.listMessages("alice")).containsExactly(files.get(2));
        // bob's link to message 2 is his own
        assertThat(store.listMessages("bob")).singleElement()
                .satisfies(m -> assertThat(m.uid()).isEqualTo(files.get(1).uid()));
    }

    @Test
    void deleteThenCloseWithoutQuitDeletesNothing() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            session.markDeleted(1);
            session.markDeleted(3);
            // the connection drops: no QUIT, no UPDATE state
        }

        assertThat(store.listMessages("alice")).hasSize(3);
    }

    @Test
    void resetUnmarksEverything() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            session.markDeleted(2);
            assertThat(session.isDeleted(2)).isTrue();
            session.unmarkAll();

            assertThat(session.isDeleted(2)).isFalse();
            assertThat(session.messages()).hasSize(3);
            assertThat(session.commitDeletions().removed()).isZero();
        }
        assertThat(store.listMessages("alice")).hasSize(3);
    }

    @Test
    void deletedAndUnknownNumbersAreNoMessages() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            session.markDeleted(2);

            assertThatThrownBy(() -> session.open(2)).isInstanceOfSatisfying(NoSuchMessageException.class,
                    e -> assertThat(e.reason()).isEqualTo(NoSuchMessageException.Reason.DELETED));
            assertThatThrownBy(() -> session.markDeleted(2)).isInstanceOf(NoSuchMessageException.class);
            assertThatThrownBy(() -> session.message(2)).isInstanceOf(NoSuchMessageException.class);
            for (int n : new int[] {0, 4, -1}) {
                assertThatThrownBy(() -> session.open(n)).isInstanceOfSatisfying(NoSuchMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoSuchMessageException.Reason.NO_SUCH_MESSAGE));
            }
            // numbers do not shift when a message is deleted (RFC 1939 §5)
            assertThat(session.messages()).extracting(MaildropMessage::number).containsExactly(1, 3);
            assertThat(session.message(3).number()).isEqualTo(3);
            assertThat(session.messageCount()).isEqualTo(3);
        }
    }

    @Test
    void messagesDeliveredDuringASessionWaitForTheNextOne() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            deliver(List.of("alice"), "Subject: four\r\n\r\nlate\r\n");

            assertThat(session.messageCount()).isEqualTo(3);
            session.markDeleted(1);
            session.commitDeletions();
        }
        try (MailboxSession next = store.openForPop3("alice")) {
            assertThat(next.messageCount()).isEqualTo(3);
            assertThat(retrieve(next, 3)).isEqualTo("Subject: four\r\n\r\nlate\r\n");
        }
    }

    @Test
    void aSecondSessionIsRefusedUntilTheFirstEnds() throws Exception {
        MailboxSession first = store.openForPop3("alice");

        assertThatThrownBy(() -> store.openForPop3("alice"))
                .isInstanceOfSatisfying(MailboxInUseException.class, e -> assertThat(e.user()).isEqualTo("alice"));
        assertThatThrownBy(() -> MailStore.open(root).openForPop3("ALICE"))
                .as("another store over the same directory, and another spelling of the name")
                .isInstanceOf(MailboxInUseException.class);
        try (MailboxSession bob = store.openForPop3("bob")) {
            assertThat(bob.messageCount()).as("other mailboxes are not affected").isEqualTo(1);
        }

        first.close();
        try (MailboxSession second = store.openForPop3("alice")) {
            assertThat(second.messageCount()).isEqualTo(3);
            second.commitDeletions();
        }
        // commitDeletions released it as well
        store.openForPop3("alice").close();
    }

    @Test
    void theStoreCanReadAMailboxWhileASessionHoldsIt() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            List<StoredMessage> listed = store.listMessages("alice");

            assertThat(listed).hasSize(3);
            assertThat(DeliveryTest.readAll(listed.get(0))).asString(US_ASCII).startsWith("Subject: one");
            assertThat(store.summary("alice").messageCount()).isEqualTo(3);
            assertThat(session.storedMessage(1)).isEqualTo(listed.get(0));
        }
    }

    @Test
    void aClosedSessionCannotBeUsed() throws Exception {
        MailboxSession session = store.openForPop3("alice");
        session.close();
        session.close();

        assertThatThrownBy(session::messages).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.markDeleted(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::commitDeletions).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aUserWithoutMailGetsAnEmptyMailbox() throws Exception {
        try (MailboxSession session = store.openForPop3("dave")) {
            assertThat(session.messageCount()).isZero();
            assertThat(session.summary()).isEqualTo(MailboxSummary.EMPTY);
        }
        assertThat(store.users()).contains("dave");
    }

    @Test
    void aMessageRemovedBehindTheSessionsBackCountsAsRemoved() throws Exception {
        try (MailboxSession session = store.openForPop3("alice")) {
            Files.delete(session.storedMessage(1).file());
            session.markDeleted(1);

            assertThat(session.commitDeletions()).isEqualTo(new DeletionReport(1, List.of()));
        }
    }

    private void deliver(List<String> users, String message) throws IOException {
        store.deliver(users, new ByteArrayInputStream(message.getBytes(US_ASCII)));
    }

    private static String retrieve(MailboxSession session, int number) throws Exception {
        try (InputStream in = session.open(number)) {
            return new String(in.readAllBytes(), US_ASCII);
        }
    }
}
