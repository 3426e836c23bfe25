package dev.mailbench.mime;

/**
 * One header field as it stands in the raw message.
 *
 * @param name      the field name (text before the colon, trailing blanks removed); for a line without
 *                  a colon, the whole line
 * @param raw       the field exactly as written, folding line breaks included, its final line break not
 * @param value     the value after the colon, unfolded (RFC 5322 §2.2.3) and trimmed
 * @param decoded   the value with RFC 2047 encoded words decoded
 * @param range     the bytes of the field in the source, its final line break included
 * @param wellFormed whether the field has a colon and a legal name (RFC 5322 §3.6.8)
 */
public record HeaderField(String name, String raw, String value, String decoded, ByteRange range,
        boolean wellFormed) {

    public boolean hasName(String other) {
        return wellFormed && name.equalsIgnoreCase(other);
    }

    /** Whether decoding changed anything, i.e. the value held encoded words. */
    public boolean isEncoded() {
        return !value.equals(decoded);
    }
}
