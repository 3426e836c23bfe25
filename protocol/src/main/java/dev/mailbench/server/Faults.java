package dev.mailbench.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults the practice server can be told to show, for diagnosis training. Each can be switched at run time
 * from any thread; sessions read the current value at the moment it matters.
 */
public final class Faults {
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile boolean refuseConnections;
    private volatile int rcptTemporaryFailure;
    private volatile int dataTemporaryFailure;
    private volatile boolean greylisting;
    private volatile boolean dropConnectionMidData;
    private volatile boolean pop3LoginTemporaryFailure;

    /** Every reply (SMTP and POP3) is held back this long: a slow server. */
    public Duration replyDelay() {
        return replyDelay;
    }

    public Faults replyDelay(Duration delay) {
        this.replyDelay = Objects.requireNonNull(delay);
        return this;
    }

    /** New connections get {@code 421 4.3.2} (SMTP) or {@code -ERR [SYS/TEMP]} (POP3) and are closed. */
    public boolean refuseConnections() {
        return refuseConnections;
    }

    public Faults refuseConnections(boolean on) {
        this.refuseConnections = on;
        return this;
    }

    /** 0 for none, else 451 or 452: every RCPT fails temporarily with that code. */
    public int rcptTemporaryFailure() {
        return rcptTemporaryFailure;
    }

    public Faults rcptTemporaryFailure(int code) {
        this.rcptTemporaryFailure = requireTemporaryCode(code);
        return this;
    }

    /** 0 for none, else 451 or 452: every message fails temporarily at the end of DATA. */
    public int dataTemporaryFailure() {
        return dataTemporaryFailure;
    }

    public Faults dataTemporaryFailure(int code) {
        this.dataTemporaryFailure = requireTemporaryCode(code);
        return this;
    }

    /** The first attempt of each (client, sender, recipient) gets {@code 450 4.7.1}; a retry is accepted. */
    public boolean greylisting() {
        return greylisting;
    }

    public Faults greylisting(boolean on) {
        this.greylisting = on;
        return this;
    }

    /** The server closes the connection in the middle of receiving a message. */
    public boolean dropConnectionMidData() {
        return dropConnectionMidData;
    }

    public Faults dropConnectionMidData(boolean on) {
        this.dropConnectionMidData = on;
        return this;
    }

    /** POP3 logins fail with {@code -ERR [SYS/TEMP]} (RFC 3206 §4). */
    public boolean pop3LoginTemporaryFailure() {
        return pop3LoginTemporaryFailure;
    }

    public Faults pop3LoginTemporaryFailure(boolean on) {
        this.pop3LoginTemporaryFailure = on;
        return this;
    }

    /** Switches everything off. */
    public Faults clear() {
        replyDelay = Duration.ZERO;
        refuseConnections = false;
        rcptTemporaryFailure = 0;
        dataTemporaryFailure = 0;
        greylisting = false;
        dropConnectionMidData = false;
        pop3LoginTemporaryFailure = false;
        return this;
    }

    private static int requireTemporaryCode(int code) {
        if (code != 0 && code != 451 && code != 452) {
            throw new IllegalArgumentException("temporary failure code must be 0, 451 or 452: " + code);
        }
        return code;
    }
}
