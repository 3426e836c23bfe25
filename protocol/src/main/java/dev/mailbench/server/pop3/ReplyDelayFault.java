package dev.mailbench.server.pop3;

import dev.mailbench.server.Faults;
import dev.mailbench.wire.Annotation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The "slow server" fault: each reply is held back by the delay set at the moment it is sent, so a class
 * can watch a client's timeouts at work. With no delay set it costs nothing.
 */
final class ReplyDelayFault implements ReplyChannel {
    private final Faults faults;
    private final ReplyChannel next;

    ReplyDelayFault(Faults faults, ReplyChannel next) {
        this.faults = faults;
        this.next = next;
    }

    @Override
    public void send(String line, Annotation annotation) throws IOException {
        Duration delay = faults.replyDelay();
        if (!delay.isZero() && !delay.isNegative()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while delaying a reply");
            }
        }
        next.send(line, annotation);
    }
}
