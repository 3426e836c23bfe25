package dev.mailbench.mime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Whether bytes look like an e-mail message at all, judged from their start before any detail: a message begins
 * with a header section, a line {@code field-name:} (RFC 5322 §2.2, §3.5), and is text without NUL octets
 * (RFC 5322 §2.3, RFC 2045 §2.7). A PNG image, a PDF or a ZIP archive opened by mistake is said to be one
 * plainly, instead of with a list of the dozens of rules it breaks.
 */
public final class MessageShape {

    /** How much of the start is read: enough for a first line and for binary octets to show. */
    static final int SAMPLE = 4096;

    private record Magic(String name, byte[] start) {
    }

    private static final List<Magic> MAGIC = List.of(
            new Magic("a PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
            new Magic("a JPEG image", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            new Magic("a GIF image", new byte[] {'G', 'I', 'F', '8'}),
            new Magic("a PDF document", new byte[] {'%', 'P', 'D', 'F', '-'}),
            new Magic("a ZIP archive (or an office document, which is one)", new byte[] {'P', 'K', 3, 4}),
            new Magic("a gzip archive", new byte[] {0x1F, (byte) 0x8B}),
            new Magic("a 7-Zip archive", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}),
            new Magic("an ELF program", new byte[] {0x7F, 'E', 'L', 'F'}),
            new Magic("an Outlook .msg file (not the RFC 5322 text of a message)",
                    new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}));

    private MessageShape() {
    }

    /**
     * Why these bytes do not look like an e-mail message, in one sentence, or empty when they do (even if they
     * break rules: those are the analysis's problems).
     */
    public static Optional<String> notAMessage(MessageSource source) throws IOException {
        long size = source.size();
        if (size == 0) {
            return Optional.of("This does not look like an e-mail message: the file is empty.");
        }
        byte[] start = source.read(new ByteRange(0, Math.min(size, SAMPLE)));
        return notAMessage(start);
    }

    static Optional<String> notAMessage(byte[] start) {
        for (Magic magic : MAGIC) {
            if (startsWith(start, magic.start())) {
                return Optional.of("This does not look like an e-mail message: it starts like " + magic.name()
                        + ". A message starts with header fields such as From: and Subject: (RFC 5322 §2.2).");
            }
        }
        for (int i = 0; i < start.length; i++) {
            if (start[i] == 0) {
                return Optional.of("This does not look like an e-mail message: it holds NUL octets (the first at octet "
                        + i + "), so it is binary data; a message is lines of text (RFC 5322 §2.3).");
            }
        }
        int from = 0;
        // An mbox file's "From " separator line may come first (RFC 4155); the header section follows it.
        if (startsWith(start, "From ".getBytes(StandardCharsets.US_ASCII))) {
            from = lineEnd(start, 0);
        }
        if (from >= start.length || start[from] == '\r' || start[from] == '\n') {
            return Optional.empty(); // an empty header section: a broken message, not another kind of file
        }
        if (!startsWithFieldName(start, from)) {
            return Optional.of("This does not look like an e-mail message: its first line is not a header field "
                    + "\"name: value\". A message starts with header fields such as From: and Subject: (RFC 5322 §2.2).");
        }
        return Optional.empty();
    }

    /** RFC 5322 §3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126 (printable ASCII but the colon), then ":". */
    private static boolean startsWithFieldName(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] >= 33 && bytes[i] <= 126 && bytes[i] != ':') {
            i++;
        }
        // obsolete syntax allows blanks before the colon (RFC 5322 §4.5.8)
        int name = i - from;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return name > 0 && i < bytes.length && bytes[i] == ':';
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
