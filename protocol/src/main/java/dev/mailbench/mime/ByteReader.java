package dev.mailbench.mime;

import java.io.Closeable;
import java.io.IOException;

/** Positional reads from a message source; one per analysis or per opened stream. */
interface ByteReader extends Closeable {

    long size();

    /**
     * Reads up to {@code length} bytes at {@code position}; returns the number read, or -1 at or after the end.
     * Safe to call from several streams over the same reader.
     */
    int read(long position, byte[] target, int offset, int length) throws IOException;

    /** The whole content when it is already in memory (so streams can use it without copying), else null. */
    default byte[] array() {
        return null;
    }

    @Override
    default void close() throws IOException {
    }
}
