package dev.mailbench.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw bytes a {@link MessageAnalysis} describes: either an array held in memory or a file on disk.
 *
 * <p>A file is never loaded whole: every read is a positional read of the bytes asked for, so a message
 * of tens of megabytes costs a few small buffers. A file must not change after it has been analysed; a
 * change of size is detected and reported as an {@link IOException}.
 */
public final class MessageSource {

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private MessageSource(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** The given bytes (not copied: do not change them afterwards). */
    public static MessageSource of(byte[] bytes) {
        return new MessageSource(Objects.requireNonNull(bytes, "bytes"), null, bytes.length);
    }

    public static MessageSource of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        return new MessageSource(null, absolute, Files.size(absolute));
    }

    public long size() {
        return size;
    }

    public ByteRange all() {
        return new ByteRange(0, size);
    }

    /** The file the bytes live in, if they are not held in memory. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The raw bytes of {@code range}, streamed; the caller closes the stream. */
    public InputStream open(ByteRange range) throws IOException {
        check(range);
        return new SourceStream(openReader(), range.start(), range.end(), true);
    }

    /** The raw bytes of {@code range} in one array; for ranges the caller knows to be small. */
    public byte[] read(ByteRange range) throws IOException {
        check(range);
        if (range.length() > Integer.MAX_VALUE - 8) {
            throw new IOException(range + " is too large to read into one array; use open(range)");
        }
        if (bytes != null) {
            byte[] copy = new byte[(int) range.length()];
            System.arraycopy(bytes, (int) range.start(), copy, 0, copy.length);
            return copy;
        }
        try (InputStream in = open(range)) {
            return in.readAllBytes();
        }
    }

    ByteReader openReader() throws IOException {
        if (bytes != null) {
            return new ArrayReader(bytes);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (channel.size() != size) {
                throw new IOException(file + " has changed since it was analysed (" + size + " bytes then, "
                        + channel.size() + " now)");
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new FileReader(channel, size);
    }

    private void check(ByteRange range) {
        if (range.end() > size) {
            throw new IndexOutOfBoundsException(range + " lies outside the " + size + " bytes of the message");
        }
    }

    @Override
    public String toString() {
        return file != null ? file + " (" + size + " bytes)" : size + " bytes in memory";
    }

    private record ArrayReader(byte[] array) implements ByteReader {

        @Override
        public long size() {
            return array.length;
        }

        @Override
        public int read(long position, byte[] target, int offset, int length) {
            if (position >= array.length) {
                return -1;
            }
            int n = (int) Math.min(length, array.length - position);
            System.arraycopy(array, (int) position, target, offset, n);
            return n;
        }
    }

    private record FileReader(FileChannel channel, long size) implements ByteReader {

        @Override
        public int read(long position, byte[] target, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            ByteBuffer buffer = ByteBuffer.wrap(target, offset, (int) Math.min(length, size - position));
            int total = 0;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + total);
                if (n < 0) {
                    if (total == 0) {
                        throw new IOException("the message file ended early: it has changed since it was analysed");
                    }
                    break;
                }
                total += n;
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
