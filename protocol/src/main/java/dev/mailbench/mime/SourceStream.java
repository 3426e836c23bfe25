package dev.mailbench.mime;

import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A window {@code [start, end)} of the message source as a Jakarta Mail {@link SharedInputStream}.
 *
 * <p>Jakarta Mail's {@code MimeMessage}, {@code MimeBodyPart} and {@code MimeMultipart} keep a part's
 * content as a sub-stream made by {@link #newStream(long, long)} instead of copying it. Because every
 * sub-stream made here remembers its absolute start and end, the byte range of each part Jakarta Mail
 * finds can be read back from the streams it keeps; and no part's content is ever copied into memory.
 */
final class SourceStream extends InputStream implements SharedInputStream {

    private static final int WINDOW = 16 * 1024;

    private final ByteReader reader;
    private final long start;
    private final long end;
    private final boolean ownsReader;
    private long position;
    private long mark;
    private byte[] window;
    private long windowStart;
    private int windowLength;

    SourceStream(ByteReader reader, long start, long end, boolean ownsReader) {
        if (start < 0 || end < start || end > reader.size()) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") outside a source of " + reader.size());
        }
        this.reader = reader;
        this.start = start;
        this.end = end;
        this.ownsReader = ownsReader;
        this.position = start;
        this.mark = start;
        byte[] all = reader.array();
        if (all != null) {
            window = all;
            windowStart = 0;
            windowLength = all.length;
        }
    }

    long absoluteStart() {
        return start;
    }

    long absoluteEnd() {
        return end;
    }

    @Override
    public int read() throws IOException {
        if (position >= end) {
            return -1;
        }
        if (!inWindow(position)) {
            fill(position);
        }
        return window[(int) (position++ - windowStart)] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        if (wanted >= WINDOW && reader.array() == null) {
            int n = reader.read(position, target, offset, wanted);
            if (n <= 0) {
                throw new IOException("the message source ended early at byte " + position);
            }
            position += n;
            return n;
        }
        if (!inWindow(position)) {
            fill(position);
        }
        int n = (int) Math.min(wanted, windowStart + windowLength - position);
        System.arraycopy(window, (int) (position - windowStart), target, offset, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        if (n <= 0) {
            return 0;
        }
        long skipped = Math.min(n, end - position);
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(end - position, Integer.MAX_VALUE);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    @Override
    public void close() throws IOException {
        if (ownsReader) {
            reader.close();
        }
    }

    /** Position relative to this stream's start, as {@link SharedInputStream} defines it. */
    @Override
    public long getPosition() {
        return position - start;
    }

    /** A sub-stream; {@code from} and {@code to} are relative to this stream, {@code to < 0} meaning its end. */
    @Override
    public SourceStream newStream(long from, long to) {
        long newEnd = to < 0 ? end : Math.min(end, start + to);
        long newStart = Math.min(start + Math.max(0, from), newEnd);
        return new SourceStream(reader, newStart, newEnd, false);
    }

    private boolean inWindow(long at) {
        return window != null && at >= windowStart && at < windowStart + windowLength;
    }

    private void fill(long at) throws IOException {
        if (window == null) {
            window = new byte[WINDOW];
        }
        int n = reader.read(at, window, 0, (int) Math.min(WINDOW, end - at));
        if (n <= 0) {
            throw new IOException("the message source ended early at byte " + at);
        }
        windowStart = at;
        windowLength = n;
    }
}
