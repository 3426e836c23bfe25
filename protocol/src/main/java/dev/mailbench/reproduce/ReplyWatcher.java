package dev.mailbench.reproduce;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3LineReading;
import dev.mailbench.pop3.Pop3LineRole;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineReading;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.TranscriptListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the whole replies of a connection as its transcript records them, read by the protocol's dialogue reader
 * (so multi-line replies, POP3 texts and replies to raw bytes count as the window counts them), and lets a script
 * wait for the next one.
 */
final class ReplyWatcher implements TranscriptListener {

    private final SmtpDialogue smtp;
    private final Pop3Dialogue pop3;
    private final List<SeenReply> replies = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private long start = -1;
    private Duration latency;
    private String pop3Status = "";
    private boolean ended;

    ReplyWatcher(MailProtocol protocol, boolean implicitTls) {
        smtp = protocol == MailProtocol.SMTP ? new SmtpDialogue(implicitTls) : null;
        pop3 = protocol == MailProtocol.POP3 ? new Pop3Dialogue(implicitTls) : null;
    }

    @Override
    public synchronized void onEvent(TranscriptEvent event) {
        if (smtp != null) {
            SmtpLineReading reading = smtp.accept(event);
            if (event.direction() != Direction.SERVER) {
                return;
            }
            if (reading.replyStart()) {
                begin(event);
            }
            lines.add(event.line());
            if (reading.completesReply()) {
                var reply = reading.reply();
                String status = reply.code() == 0 || reply.isMalformed() ? "?" : String.valueOf(reply.code());
                finish(status, reply.enhancedStatus().map(Object::toString).orElse(""));
            }
        } else {
            Pop3LineReading reading = pop3.accept(event);
            if (event.direction() != Direction.SERVER) {
                return;
            }
            if (reading.role() == Pop3LineRole.STATUS || start < 0) {
                begin(event);
                pop3Status = reading.status() == null ? "?" : reading.status().status().indicator();
            }
            lines.add(event.line());
            if (reading.completesResponse()) {
                finish(pop3Status, "");
            }
        }
    }

    private void begin(TranscriptEvent event) {
        lines.clear();
        start = event.sequence();
        latency = event.sinceCommand();
    }

    private void finish(String status, String enhanced) {
        replies.add(new SeenReply(start, status, enhanced, lines, latency));
        lines.clear();
        start = -1;
        notifyAll();
    }

    /** The connection has ended: nobody waits for a reply any more. */
    synchronized void ended() {
        ended = true;
        notifyAll();
    }

    /** Whether part of a reply has come and not its end. */
    synchronized boolean inReply() {
        return !lines.isEmpty();
    }

    /** How many whole replies came so far. */
    synchronized int count() {
        return replies.size();
    }

    synchronized List<SeenReply> replies() {
        return List.copyOf(replies);
    }

    /** Waits until reply {@code index} (from 0) has come; empty when the connection ended first or time ran out. */
    synchronized Optional<SeenReply> await(int index, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (replies.size() <= index && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return replies.size() > index ? Optional.of(replies.get(index)) : Optional.empty();
    }
}
