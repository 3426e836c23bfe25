package dev.mailbench.wire;

import java.io.IOException;
import java.time.Duration;

/** No complete answer arrived within the read timeout. The connection stays open; the caller may wait or close. */
public class ReplyTimeoutException extends IOException {
    private final Duration timeout;

    public ReplyTimeoutException(Duration timeout) {
        super("no reply within " + Durations.human(timeout));
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
