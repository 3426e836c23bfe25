package dev.mailbench.wire;

import java.io.InputStream;
import java.util.List;

/**
 * Bytes handed out in chunks of given sizes, the way a socket delivers them: one {@code read} never returns
 * more than the next chunk, whatever buffer it is given. Sizes are used in turn, the last one repeating.
 */
public final class ChunkedInputStream extends InputStream {
    private final byte[] bytes;
    private final List<Integer> chunkSizes;
    private int position;
    private int chunk;

    public ChunkedInputStream(byte[] bytes, List<Integer> chunkSizes) {
        if (chunkSizes.isEmpty() || chunkSizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("chunk sizes must be positive: " + chunkSizes);
        }
        this.bytes = bytes.clone();
        this.chunkSizes = List.copyOf(chunkSizes);
    }

    /** The input cut once, at {@code at}: everything before in one read, the rest in the next. */
    public static ChunkedInputStream splitAt(byte[] bytes, int at) {
        return at == 0 || at == bytes.length
                ? new ChunkedInputStream(bytes, List.of(Math.max(1, bytes.length)))
                : new ChunkedInputStream(bytes, List.of(at, bytes.length - at));
    }

    /** One byte per read. */
    public static ChunkedInputStream byteByByte(byte[] bytes) {
        return new ChunkedInputStream(bytes, List.of(1));
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == bytes.length) {
            return -1;
        }
        int size = chunkSizes.get(Math.min(chunk++, chunkSizes.size() - 1));
        int n = Math.min(Math.min(size, length), bytes.length - position);
        System.arraycopy(bytes, position, target, offset, n);
        position += n;
        return n;
    }
}
