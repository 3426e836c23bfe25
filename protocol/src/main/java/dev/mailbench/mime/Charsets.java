package dev.mailbench.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** MIME charset names to Java charsets, and decoding text with a best guess when the name is unknown. */
final class Charsets {

    private static final Charset WINDOWS_1252 = lookupJava("windows-1252", StandardCharsets.ISO_8859_1);

    private Charsets() {
    }

    /** The Java charset for a MIME charset name (RFC 2978), or null if this runtime has none by that name. */
    static Charset lookup(String mimeName) {
        if (mimeName == null || mimeName.isBlank()) {
            return null;
        }
        String name = mimeName.trim();
        // RFC 2231 §5: a language may follow the charset after '*'
        int star = name.indexOf('*');
        if (star > 0) {
            name = name.substring(0, star);
        }
        try {
            // Java's own name first: Jakarta Mail maps us-ascii to ISO-8859-1, which would hide 8-bit bytes
            return Charset.forName(name);
        } catch (RuntimeException e) {
            // fall through to Jakarta Mail's table of MIME names Java does not know
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Decodes a text body. Without a declared charset, US-ASCII (RFC 2046 §4.1.2). With an unknown one,
     * UTF-8 if the bytes are valid UTF-8, else windows-1252, and the result says it guessed.
     */
    static DecodedText decode(byte[] bytes, String declared, boolean truncated) {
        if (declared == null || declared.isBlank()) {
            return new DecodedText(new String(bytes, StandardCharsets.US_ASCII), null, StandardCharsets.US_ASCII,
                    false, truncated);
        }
        Charset charset = lookup(declared);
        if (charset != null) {
            return new DecodedText(new String(bytes, charset), declared, charset, false, truncated);
        }
        String utf8 = RawText.strictUtf8(bytes, 0, bytes.length);
        if (utf8 != null) {
            return new DecodedText(utf8, declared, StandardCharsets.UTF_8, true, truncated);
        }
        return new DecodedText(new String(bytes, WINDOWS_1252), declared, WINDOWS_1252, true, truncated);
    }

    static String normalise(String charset) {
        return charset == null ? null : charset.trim().toLowerCase(Locale.ROOT);
    }

    private static Charset lookupJava(String name, Charset fallback) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
