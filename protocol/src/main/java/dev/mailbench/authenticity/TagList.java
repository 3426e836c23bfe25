package dev.mailbench.authenticity;

import dev.mailbench.mime.ByteRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tag list (RFC 6376 §3.2): {@code tag=value} pairs separated by semicolons, as in DKIM-Signature,
 * ARC-Seal, ARC-Message-Signature and DKIM key records. Read from raw bytes so each tag keeps its place in
 * the source; what does not parse becomes a {@link Finding}.
 */
public final class TagList {

    /** Tags whose values are base64, where folding white space may stand anywhere (RFC 6376 §3.5). */
    private static final Set<String> BASE64_TAGS = Set.of("b", "bh", "p");

    private final List<Tag> tags;
    private final List<Finding> findings;

    private TagList(List<Tag> tags, List<Finding> findings) {
        this.tags = List.copyOf(tags);
        this.findings = List.copyOf(findings);
    }

    /**
     * Reads {@code text} (bytes as ISO-8859-1 characters, one per byte) from {@code from} to its end;
     * {@code base} is the absolute offset of {@code text}'s first character.
     */
    public static TagList parse(String text, int from, long base) {
        List<Tag> tags = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int start = from;
        while (start <= text.length()) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                end = text.length();
            }
            spec(text, start, end, base, tags, findings);
            start = end + 1;
        }
        return new TagList(tags, findings);
    }

    /** A record's text on its own, e.g. a DKIM key record from a TXT record. */
    public static TagList parse(String text) {
        return parse(text, 0, 0);
    }

    /** Bytes of a header field: the tag list starts after the first colon. */
    public static TagList ofField(byte[] field, long base) {
        String text = new String(field, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        return parse(text, colon + 1, base);
    }

    private static void spec(String text, int start, int end, long base, List<Tag> tags, List<Finding> findings) {
        int s = skipSpace(text, start, end);
        int e = end;
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (s == e) {
            // RFC 6376 §3.2: a tag list may end in a semicolon; an empty spec elsewhere is only untidy
            return;
        }
        ByteRange range = new ByteRange(base + s, base + e);
        int equals = text.indexOf('=', s);
        if (equals < 0 || equals >= e) {
            findings.add(new Finding("RFC 6376 §3.2",
                    "\"" + clip(text.substring(s, e)) + "\" is no tag=value pair", range));
            return;
        }
        String name = text.substring(s, equals).strip();
        if (!isTagName(name)) {
            findings.add(new Finding("RFC 6376 §3.2",
                    "\"" + clip(name) + "\" is not a tag name (a letter, then letters, digits or _)", range));
            return;
        }
        int valueStart = skipSpace(text, equals + 1, e);
        String value = text.substring(valueStart, e);
        value = BASE64_TAGS.contains(name) ? value.replaceAll("[ \t\r\n]", "") : unfold(value);
        for (Tag t : tags) {
            if (t.name().equals(name)) {
                findings.add(new Finding("RFC 6376 §3.2",
                        "the tag " + name + "= appears twice; a tag list must not repeat a tag", range));
                return;
            }
        }
        tags.add(new Tag(name, value, range, new ByteRange(base + valueStart, base + e)));
    }

    private static String unfold(String value) {
        return value.replaceAll("\r?\n", "");
    }

    private static String clip(String s) {
        String one = unfold(s);
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }

    private static int skipSpace(String text, int at, int end) {
        while (at < end && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC. */
    private static boolean isTagName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public List<Tag> tags() {
        return tags;
    }

    public List<Finding> findings() {
        return findings;
    }

    public Optional<Tag> tag(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The value of a tag, or null when absent. */
    public String value(String name) {
        return tag(name).map(Tag::value).orElse(null);
    }
}
