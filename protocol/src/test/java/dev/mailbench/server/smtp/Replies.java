package dev.mailbench.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptAssert;
import dev.mailbench.wire.TranscriptEvent;
import java.time.Duration;
import java.util.Optional;

/** Assertions that compare replies with the server's named replies. */
final class Replies {
    private Replies() {
    }

    static SmtpReply assertReply(SmtpReply actual, SmtpReplies expected) {
        assertThat(expected.matches(actual)).as("expected %s but the server said %s", expected, actual).isTrue();
        return actual;
    }

    static SmtpReply assertReply(Optional<SmtpReply> actual, SmtpReplies expected) {
        assertThat(actual).as("a reply").isPresent();
        return assertReply(actual.get(), expected);
    }

    /** Waits for a server line starting with {@code prefix} in a transcript, old lines included. */
    static TranscriptEvent awaitServerLine(Transcript transcript, String prefix) throws InterruptedException {
        return TranscriptAssert.awaitEvent(transcript,
                e -> e.direction() == Direction.SERVER && e.line().startsWith(prefix), Duration.ofSeconds(15));
    }

    /**
     * Sends bytes in raw mode (no reply is awaited by the client for them) and waits for the first server
     * line after them that starts with {@code prefix}, then until the client has taken that reply into its
     * state, so the next typed command is a command again and not message text.
     */
    static TranscriptEvent sendRawAndAwait(SmtpClientSession smtp, byte[] bytes, String prefix) throws Exception {
        long mark = smtp.transcript().size();
        smtp.sendRaw(bytes);
        TranscriptEvent reply = TranscriptAssert.awaitEvent(smtp.transcript(),
                e -> e.sequence() >= mark && e.direction() == Direction.SERVER && e.line().startsWith(prefix),
                Duration.ofSeconds(15));
        // The client's reader records a line before it decides whom the reply belongs to; for raw bytes it
        // then notes "Unsolicited reply". Only after that may the next command be queued, or it would get this reply.
        TranscriptAssert.awaitEvent(smtp.transcript(),
                e -> e.sequence() > reply.sequence() && e.isNote() && e.line().startsWith("Unsolicited reply"),
                Duration.ofSeconds(15));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (smtp.state().phase() == SmtpPhase.DATA_INPUT && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return reply;
    }

    /** Waits for a note in a transcript that starts with {@code prefix}. */
    static TranscriptEvent awaitNote(Transcript transcript, String prefix) throws InterruptedException {
        return TranscriptAssert.awaitEvent(transcript, e -> e.isNote() && e.line().startsWith(prefix), Duration.ofSeconds(15));
    }
}
