package dev.mailbench.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the part tree.
 *
 * <p><b>Paths</b> follow IMAP's part numbers (RFC 3501 §6.4.5). The root is the whole message, path
 * {@code ""}. The body parts of a multipart are numbered 1, 2, … after the multipart's own path
 * ({@code 1}, {@code 2} at the top; {@code 2.1}, {@code 2.2} inside part 2). A {@code message/rfc822}
 * part at path P holds the embedded message's parts: P.1, P.2, … if that message is multipart, or its
 * single body as P.1 if not. As in IMAP, a message that is not multipart has one part, {@code 1}: its
 * body, which shares the message's header section. The multipart of an embedded multipart message has
 * no number of its own; its type is in {@link #embedded()}.
 *
 * @param path             the IMAP part number, {@code ""} for the whole message
 * @param kind             the node's role in the tree
 * @param contentType      the media type, lower case, e.g. {@code text/plain} (RFC 2045 §5.2 defaults
 *                         applied when absent or unreadable)
 * @param charset          the declared {@code charset} parameter, or null
 * @param transferEncoding the Content-Transfer-Encoding, lower case; {@code 7bit} when absent (RFC 2045 §6.1)
 * @param disposition      {@code inline}, {@code attachment}, …, lower case, or null when absent (RFC 2183)
 * @param filename         the file name, RFC 2231 and RFC 2047 encodings decoded, or null
 * @param contentId        the Content-ID (RFC 2392), or null
 * @param decodedSize      the size of the body after transfer decoding; for multiparts and embedded
 *                         messages, the size of the raw body
 * @param headerRange      the header section: the fields and the empty line that ends them
 * @param bodyRange        the body, from after that empty line to before the CRLF that precedes the next
 *                         boundary (RFC 2046 §5.1.1 counts that CRLF as part of the boundary)
 * @param headers          this part's header fields, in order, duplicates kept
 * @param embedded         for {@link PartKind#EMBEDDED_MESSAGE}, the embedded message's header; else null
 * @param children         the parts inside this one, in order
 */
public record PartNode(String path, PartKind kind, String contentType, String charset, String transferEncoding,
        String disposition, String filename, String contentId, long decodedSize, ByteRange headerRange,
        ByteRange bodyRange, List<HeaderField> headers, EmbeddedMessage embedded, List<PartNode> children) {

    public PartNode {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(transferEncoding, "transferEncoding");
        Objects.requireNonNull(headerRange, "headerRange");
        Objects.requireNonNull(bodyRange, "bodyRange");
        headers = List.copyOf(headers);
        children = List.copyOf(children);
    }

    /** Header section and body together. */
    public ByteRange range() {
        return new ByteRange(headerRange.start(), bodyRange.end());
    }

    public boolean isRoot() {
        return kind == PartKind.MESSAGE;
    }

    public boolean isLeaf() {
        return kind == PartKind.LEAF;
    }

    public boolean isText() {
        return contentType.startsWith("text/");
    }

    public boolean isAttachment() {
        return "attachment".equals(disposition);
    }

    public Optional<EmbeddedMessage> embeddedMessage() {
        return Optional.ofNullable(embedded);
    }

    /** 0 for the root, 1 for its parts, 2 for theirs, … */
    public int depth() {
        if (path.isEmpty()) {
            return 0;
        }
        return (int) path.chars().filter(c -> c == '.').count() + 1;
    }

    /** The first header field with this name, ignoring case. */
    public Optional<HeaderField> header(String name) {
        return headers.stream().filter(h -> h.hasName(name)).findFirst();
    }

    /** This node and everything under it, depth first, in the order the parts appear in the source. */
    public List<PartNode> flatten() {
        List<PartNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(PartNode node, List<PartNode> out) {
        out.add(node);
        for (PartNode child : node.children) {
            collect(child, out);
        }
    }

    /** The node with this path in this subtree. */
    public Optional<PartNode> find(String wanted) {
        return flatten().stream().filter(p -> p.path.equals(wanted)).findFirst();
    }

    /** "message" for the root, else the path. */
    public String label() {
        return path.isEmpty() ? "message" : path;
    }

    @Override
    public String toString() {
        return label() + " " + contentType + " " + range();
    }
}
