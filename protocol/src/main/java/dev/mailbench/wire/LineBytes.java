package dev.mailbench.wire;

/**
 * Where a transcript keeps its lines' octets: side by side in a few large arrays rather than one small array a
 * line. A 20 MB RETR is 300,000 lines, all kept while the transcript is shown; as one array each they are
 * 300,000 more objects for every young collection to copy one by one while the message streams in, and the
 * pauses that copying takes are what a user sees as the window stalling. A few large arrays copy in one go.
 *
 * <p>Arrays start small (a short session wastes little) and double up to {@value #LARGEST_CHUNK} octets; a line
 * too long to be worth packing keeps an array of its own. Not thread-safe: the transcript calls it under its
 * lock. What has been handed out is never changed.
 */
final class LineBytes {

    private static final int FIRST_CHUNK = 4 * 1024;
    /**
     * Small enough never to be a G1 "humongous" object (half a region, which is at least 1 MB), whose regions
     * would be only partly filled; large enough that 20 MB are some eighty arrays.
     */
    static final int LARGEST_CHUNK = 256 * 1024;
    /** A line of at least this many octets gets an array of its own. */
    private static final int OWN_ARRAY = 64 * 1024;

    private byte[] chunk = new byte[FIRST_CHUNK];
    private int used;
    private byte[] lastArray;
    private int lastOffset;

    /** Stores a copy of {@code bytes}; {@link #lastArray()} and {@link #lastOffset()} say where it went. */
    void add(byte[] bytes) {
        int length = bytes.length;
        if (length >= OWN_ARRAY) {
            lastArray = bytes.clone();
            lastOffset = 0;
            return;
        }
        if (chunk.length - used < length) {
            chunk = new byte[Math.min(LARGEST_CHUNK, Math.max(chunk.length * 2, length))];
            used = 0;
        }
        System.arraycopy(bytes, 0, chunk, used, length);
        lastArray = chunk;
        lastOffset = used;
        used += length;
    }

    byte[] lastArray() {
        return lastArray;
    }

    int lastOffset() {
        return lastOffset;
    }
}
