package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.MailBackend;
import dev.mailbench.smtp.SmtpClientSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP server needs nothing of the store but the {@link MailBackend} seam: any backend will do. */
class SmtpBackendTest {

    private static final String TEXT = "Subject: through the seam\r\n\r\nHello.\r\n";
    private static final byte[] MESSAGE = TEXT.getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    /** Keeps committed messages in memory, by mailbox. */
    private static final class MemoryBackend implements MailBackend {
        final Map<String, String> committed = new ConcurrentHashMap<>();

        @Override
        public MessageDelivery deliver(List<String> mailboxes) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            return new MessageDelivery() {
                @Override
                public List<String> mailboxes() {
                    return mailboxes;
                }

                @Override
                public String uniqueName() {
                    return "memory-1";
                }

                @Override
                public OutputStream body() {
                    return body;
                }

                @Override
                public void commit() {
                    mailboxes.forEach(m -> committed.put(m, body.toString(StandardCharsets.UTF_8)));
                }

                @Override
                public void abort() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Maildrop openMaildrop(String mailbox) {
            throw new UnsupportedOperationException("SMTP never opens a maildrop");
        }
    }

    private static SmtpServerContext withBackend(SmtpServerContext c, MailBackend backend) {
        return new SmtpServerContext(c.bindAddress(), 0, c.hostName(), backend, c.accounts(), c.limits(),
                c.personality(), c.faults(), c.tls(), c.popLogins(), c.observer(), c.relay());
    }

    @Test
    void aMessageIsDeliveredThroughTheBackendWithItsTraceHeaders() throws Exception {
        MemoryBackend backend = new MemoryBackend();
        try (PracticeSmtp practice = PracticeSmtp.start(root, c -> withBackend(c, backend))) {
            SmtpClientSession smtp = practice.connectAndEhlo();
            smtp.mailFrom("miro@example.test");
            smtp.rcptTo("alice@example.test");

            assertReply(smtp.data(MESSAGE), SmtpReplies.S250_QUEUED);
        }
        assertThat(backend.committed).containsOnlyKeys("alice");
        assertThat(backend.committed.get("alice"))
                .contains("Return-Path: <miro@example.test>\r\n", "Received: from ")
                .endsWith(TEXT);
    }

    @Test
    void aBackendThatCannotTakeTheMessageIsA451AndTheConnectionGoesOn() throws Exception {
        MailBackend full = new MailBackend() {
            @Override
            public MessageDelivery deliver(List<String> mailboxes) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public Maildrop openMaildrop(String mailbox) {
                throw new UnsupportedOperationException("SMTP never opens a maildrop");
            }
        };
        try (PracticeSmtp practice = PracticeSmtp.start(root, c -> withBackend(c, full))) {
            SmtpClientSession smtp = practice.connectAndEhlo();
            smtp.mailFrom("miro@example.test");
            smtp.rcptTo("alice@example.test");

            assertReply(smtp.data(MESSAGE), SmtpReplies.S451_LOCAL_ERROR);
            assertReply(smtp.noop(), SmtpReplies.S250_OK);
            smtp.quit();
            practice.awaitIdle();
            assertThat(practice.lastServerTranscript().toPlainText())
                    .contains("The store cannot take the message: No space left on device");
        }
    }
}
