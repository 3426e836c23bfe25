package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A message's raw bytes, for finding where things are and reading back what a byte range points at. */
record Raw(byte[] bytes) {

    static Raw of(String sampleFile) {
        return new Raw(SampleMessages.get(sampleFile).bytes());
    }

    long size() {
        return bytes.length;
    }

    /** Offset of the first occurrence of {@code text} (as UTF-8) at or after {@code from}. */
    long offsetOf(String text, long from) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = (int) from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return fail("\"" + text + "\" not found in the message");
    }

    long offsetOf(String text) {
        return offsetOf(text, 0);
    }

    byte[] slice(ByteRange range) {
        return Arrays.copyOfRange(bytes, (int) range.start(), (int) range.end());
    }

    /** The bytes of {@code range} as UTF-8 text. */
    String text(ByteRange range) {
        return new String(slice(range), StandardCharsets.UTF_8);
    }

    /** The bytes of {@code range} one character per byte, for comparing raw ASCII. */
    String latin1(ByteRange range) {
        return new String(slice(range), StandardCharsets.ISO_8859_1);
    }
}
