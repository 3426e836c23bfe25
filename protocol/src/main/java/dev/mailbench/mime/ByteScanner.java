package dev.mailbench.mime;

import java.io.IOException;

/** A check that looks at a span of raw bytes once, chunk by chunk, without holding the span in memory. */
interface ByteScanner {

    int CHUNK = 64 * 1024;

    /** Looks at {@code bytes[offset, offset + length)}, which start at absolute {@code position}. */
    void scan(byte[] bytes, int offset, int length, long position);

    /** Called once after the last chunk; {@code end} is the absolute offset just past it. */
    default void finish(long end) {
    }

    /** Feeds {@code range} of the source to every scanner, in order, in one pass. */
    static void run(ByteReader reader, ByteRange range, ByteScanner... scanners) throws IOException {
        byte[] all = reader.array();
        if (all != null) {
            for (ByteScanner s : scanners) {
                s.scan(all, (int) range.start(), (int) range.length(), range.start());
            }
        } else {
            byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, range.length()))];
            long at = range.start();
            while (at < range.end()) {
                int n = reader.read(at, chunk, 0, (int) Math.min(chunk.length, range.end() - at));
                if (n <= 0) {
                    throw new IOException("the message source ended early at byte " + at);
                }
                for (ByteScanner s : scanners) {
                    s.scan(chunk, 0, n, at);
                }
                at += n;
            }
        }
        for (ByteScanner s : scanners) {
            s.finish(range.end());
        }
    }
}
