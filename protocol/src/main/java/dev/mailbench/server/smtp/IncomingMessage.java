package dev.mailbench.server.smtp;

import dev.mailbench.server.MailBackend;
import dev.mailbench.server.MailBackend.MessageDelivery;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The message being received after DATA, on its way into the store: one {@link MessageDelivery} for the local
 * recipients, one for the relay outbox when some recipients are remote (see {@link RelayPolicy}). Both are
 * written at once as the lines arrive, so no message is ever held in memory whole, and nothing becomes
 * visible before {@link #commit()}. Closing without commit aborts both.
 */
final class IncomingMessage implements AutoCloseable {
    private final MessageDelivery local;
    private final MessageDelivery held;
    private final OutputStream body;
    private boolean aborted;

    private IncomingMessage(MessageDelivery local, MessageDelivery held) {
        this.local = local;
        this.held = held;
        this.body = new Tee(local == null ? OutputStream.nullOutputStream() : local.body(),
                held == null ? OutputStream.nullOutputStream() : held.body());
    }

    /** Starts the deliveries for an envelope's recipients. */
    static IncomingMessage begin(MailBackend backend, Envelope envelope) throws IOException {
        List<String> users = envelope.localUsers();
        MessageDelivery local = users.isEmpty() ? null : backend.deliver(users);
        MessageDelivery held = null;
        try {
            if (!envelope.remoteAddresses().isEmpty()) {
                held = backend.deliver(List.of(RelayPolicy.OUTBOX_MAILBOX));
            }
        } catch (IOException | RuntimeException e) {
            if (local != null) {
                local.abort();
            }
            throw e;
        }
        return new IncomingMessage(local, held);
    }

    /** The id the client is told ("queued as …"): the local copy's unique name, which is also its POP3 UID. */
    String id() {
        return (local != null ? local : held).uniqueName();
    }

    /** Writes the header lines that only one copy gets (the local copy's Return-Path, the held copy's recipients). */
    void writeCopyHeaders(String localHeaders, String heldHeaders) throws IOException {
        if (local != null) {
            local.body().write(TraceHeaders.bytes(localHeaders));
        }
        if (held != null) {
            held.body().write(TraceHeaders.bytes(heldHeaders));
        }
    }

    /** Where the message octets go, to every copy. */
    OutputStream body() {
        return body;
    }

    boolean isHeld() {
        return held != null;
    }

    List<String> localUsers() {
        return local == null ? List.of() : local.mailboxes();
    }

    /**
     * Makes every copy durable and visible. The held copy is committed first: if the local delivery then
     * fails the client gets a 4xx and retries, and the worst left over is a second held copy, never a
     * second message in someone's mailbox.
     */
    void commit() throws IOException {
        if (held != null) {
            held.commit();
        }
        if (local != null) {
            local.commit();
        }
    }

    /** Discards the message; nothing of it was ever visible. */
    void abort() {
        if (!aborted) {
            aborted = true;
            if (local != null) {
                local.abort();
            }
            if (held != null) {
                held.abort();
            }
        }
    }

    @Override
    public void close() {
        // MessageDelivery.close() aborts only what was not committed.
        if (local != null) {
            local.close();
        }
        if (held != null) {
            held.close();
        }
    }

    /** Writes the same octets to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
