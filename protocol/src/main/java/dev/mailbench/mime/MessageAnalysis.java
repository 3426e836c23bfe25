package dev.mailbench.mime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MessageAnalyzer} found in one message: the part tree, the header fields, the
 * {@code Received:} chain and the problems; and access to the raw and decoded bytes of any part.
 *
 * <p>Bodies are read from the {@link #source()} when asked for, never kept: {@link #openDecoded(PartNode)}
 * and {@link #saveDecoded(PartNode, Path)} stream through a small buffer, whatever the part's size.
 */
public final class MessageAnalysis {

    private final MessageSource source;
    private final PartNode root;
    private final List<Problem> problems;
    private final Envelope envelope;
    private final List<PartNode> parts;
    private final List<ReceivedHop> receivedChain;
    private final String notAMessage;

    MessageAnalysis(MessageSource source, PartNode root, List<Problem> problems, Envelope envelope,
                    String notAMessage) {
        this.notAMessage = notAMessage;
        this.source = source;
        this.root = root;
        this.problems = List.copyOf(problems);
        this.envelope = envelope;
        this.parts = root.flatten();
        this.receivedChain = ReceivedHop.chain(root.headers());
    }

    public MessageSource source() {
        return source;
    }

    /** The whole message, path {@code ""}; see {@link PartNode} for how parts are numbered. */
    public PartNode root() {
        return root;
    }

    /** Every node, root first, depth first in source order. */
    public List<PartNode> parts() {
        return parts;
    }

    /** The node with this IMAP part number ({@code ""} for the whole message). */
    public Optional<PartNode> part(String path) {
        return parts.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /** The deepest part whose bytes include {@code offset}, e.g. for a click in the raw source. */
    public PartNode partAt(long offset) {
        return MessageAnalyzer.partAt(root, offset);
    }

    /** The message's header fields, in order, duplicates kept. */
    public List<HeaderField> headers() {
        return root.headers();
    }

    /** The hops from the {@code Received:} fields, oldest first. */
    public List<ReceivedHop> receivedChain() {
        return receivedChain;
    }

    /**
     * The verdict that comes before any problem: why these bytes do not look like an e-mail message at all (a PNG,
     * binary data, a first line that is no header field), or empty when they do. See {@link MessageShape}.
     */
    public Optional<String> notAMessage() {
        return Optional.ofNullable(notAMessage);
    }

    /** Sorted by byte offset. */
    public List<Problem> problems() {
        return problems;
    }

    public Optional<Envelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    /** The raw bytes of a range, streamed; the caller closes the stream. */
    public InputStream openRaw(ByteRange range) throws IOException {
        return source.open(range);
    }

    /**
     * The part's body with its transfer encoding undone (base64 leniently: damaged data yields what it
     * can), streamed from the source. For multiparts and embedded messages, the raw body.
     */
    public InputStream openDecoded(PartNode part) throws IOException {
        Objects.requireNonNull(part, "part");
        InputStream raw = source.open(part.bodyRange());
        try {
            return TransferEncodings.decode(raw, part.transferEncoding());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The decoded body bytes; for parts the caller knows to be small. */
    public byte[] decodedBytes(PartNode part) throws IOException {
        try (InputStream in = openDecoded(part)) {
            return in.readAllBytes();
        }
    }

    /**
     * Writes the part's decoded body to {@code target} (replacing it), streaming through a small buffer so
     * an attachment of any size needs no more memory than that buffer. Returns the number of bytes written.
     */
    public long saveDecoded(PartNode part, Path target) throws IOException {
        try (InputStream in = openDecoded(part)) {
            return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The part's text: transfer encoding undone, then its charset (US-ASCII when none is declared,
     * RFC 2046 §4.1.2; a guess when the declared one is unknown, which the problems list reports).
     */
    public DecodedText text(PartNode part) throws IOException {
        return Charsets.decode(decodedBytes(part), part.charset(), false);
    }

    /**
     * As {@link #text(PartNode)}, decoding at most the first {@code maxBytes} bytes of the decoded body,
     * for a preview of a part too large to show whole. A character cut in two at the limit shows as U+FFFD.
     */
    public DecodedText text(PartNode part, int maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes);
        }
        try (InputStream in = openDecoded(part)) {
            byte[] head = in.readNBytes(maxBytes);
            boolean truncated = in.read() >= 0;
            return Charsets.decode(head, part.charset(), truncated);
        }
    }

    /** For {@code mailbench inspect --json}: parts, headers, Received chain and problems. */
    public String toJson() {
        return JsonText.write(toJsonTree()) + "\n";
    }

    /** The same as a tree, for a caller that adds to it (inspect adds {@code "authentication"}). */
    public ObjectNode toJsonTree() {
        return AnalysisJson.tree(this);
    }

    /** For {@code mailbench inspect}: the part tree, headers, Received chain and problems as plain text. */
    public String toText() {
        return AnalysisReport.write(this);
    }
}
