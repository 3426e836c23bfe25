package dev.mailbench.app.mime;

import dev.mailbench.mime.ByteRange;

/**
 * One header field in the header table, in source order, duplicates kept.
 *
 * @param number     1-based position within its header section
 * @param section    whose header section it is in: "part 2", "message in part 2", "message"
 * @param name       the field name
 * @param decoded    the unfolded value with RFC 2047 encoded words decoded
 * @param raw        the field as written, folding included, its line breaks as LF
 * @param encoded    whether the value held encoded words
 * @param wellFormed whether it has a colon and a legal name
 * @param range      its bytes in the source
 */
public record HeaderRow(int number, String section, String name, String decoded, String raw, boolean encoded,
                        boolean wellFormed, ByteRange range) {
}
