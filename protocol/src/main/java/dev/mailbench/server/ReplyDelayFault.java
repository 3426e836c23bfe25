package dev.mailbench.server;

import dev.mailbench.wire.Annotation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The "slow server" fault, for SMTP and POP3 alike: each reply is held back by the delay set at the moment it
 * is sent ({@link Faults#replyDelay()}), so a class can watch a client's timeouts at work. With no delay set
 * it costs nothing.
 *
 * @param <R> the protocol's reply
 */
public final class ReplyDelayFault<R> implements ReplyChannel<R> {
    private final Faults faults;
    private final ReplyChannel<R> next;

    public ReplyDelayFault(Faults faults, ReplyChannel<R> next) {
        this.faults = faults;
        this.next = next;
    }

    @Override
    public void send(R reply, Annotation annotation) throws IOException {
        Duration delay = faults.replyDelay();
        if (!delay.isZero() && !delay.isNegative()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while delaying a reply");
            }
        }
        next.send(reply, annotation);
    }
}
