package dev.mailbench.authenticity;

import dev.mailbench.mime.ByteRange;

/**
 * One {@code tag=value} of a tag list (RFC 6376 §3.2) as it stands in the raw source.
 *
 * @param name       the tag name, e.g. {@code bh}
 * @param value      the value, folding white space at its ends removed (inside base64 values, all of it)
 * @param range      the bytes of the whole tag-spec, name to the end of the value
 * @param valueRange the bytes of the value as written
 */
public record Tag(String name, String value, ByteRange range, ByteRange valueRange) {
}
