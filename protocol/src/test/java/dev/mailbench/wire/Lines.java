package dev.mailbench.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads whole inputs into lines, for tests of the reader and of the parsers fed by it. */
public final class Lines {
    private Lines() {
    }

    /** Every line of the stream, to its end. */
    public static List<Line> readAll(InputStream in, WireLimits limits) {
        LineReader reader = new LineReader(in, limits);
        List<Line> lines = new ArrayList<>();
        try {
            for (Line line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    public static List<Line> readAll(byte[] bytes, WireLimits limits) {
        return readAll(new ByteArrayInputStream(bytes), limits);
    }

    /** The lines of a text as a lenient client reads them ({@link WireLimits#RFC}). */
    public static List<Line> of(String text) {
        return readAll(text.getBytes(StandardCharsets.UTF_8), WireLimits.RFC);
    }

    /** The raw bytes of all lines, one after the other. */
    public static byte[] concatenate(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(line -> out.writeBytes(line.raw()));
        return out.toByteArray();
    }

    /** One octet per char (ISO-8859-1), so that {@code "caf\u00e9"} is 4 octets, the last not UTF-8. */
    public static byte[] octets(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
