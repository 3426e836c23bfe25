package dev.mailbench.mime;

/**
 * A span of bytes in the raw message source: from {@code start} (inclusive) to {@code end} (exclusive),
 * both absolute offsets from the first byte of the message.
 */
public record ByteRange(long start, long end) {

    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a byte range: [" + start + ", " + end + ")");
        }
    }

    public static ByteRange of(long start, long end) {
        return new ByteRange(start, end);
    }

    public long length() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    public boolean contains(long offset) {
        return offset >= start && offset < end;
    }

    public boolean contains(ByteRange other) {
        return other.start >= start && other.end <= end;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
