package dev.mailbench.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the part tree of one message: Jakarta Mail finds where each header section ends and where each
 * body part of a multipart starts and ends (on {@link SourceStream}s, so the offsets are known and no
 * content is copied); this class reads the header fields at those offsets, applies the RFC 2045/2046
 * defaults, checks each body's bytes against its transfer encoding, and records problems as it goes.
 */
final class PartTreeBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PartTreeBuilder.class);

    /** Deeper than this, parts are listed but not opened: a guard against messages built to exhaust a reader. */
    static final int MAX_DEPTH = 40;

    private static final Session SESSION = Session.getInstance(new Properties());

    private final ByteReader reader;
    private final ProblemCollector problems;

    /** What a header section says about its entity, RFC 2045 defaults applied. */
    private record Entity(String mimeType, String charset, String encoding, String disposition, String filename,
            String contentId, String contentTypeForParser, String boundary, long contentTypeOffset,
            boolean encodingDeclared) {

        boolean isMultipart() {
            return mimeType.startsWith("multipart/");
        }

        boolean isEmbeddedMessage() {
            return mimeType.equals("message/rfc822") || mimeType.equals("message/global");
        }

        boolean splitsIntoParts() {
            return (isMultipart() || isEmbeddedMessage()) && TransferEncodings.isIdentity(encoding);
        }
    }

    PartTreeBuilder(ByteReader reader, ProblemCollector problems) {
        this.reader = reader;
        this.problems = problems;
    }

    PartNode root() {
        long size = reader.size();
        long bodyStart = messageBodyStart(0, size, "");
        List<HeaderField> fields = headers("", new ByteRange(0, bodyStart));
        checkMessageHeaders("", fields, 0);
        Entity entity = describe("", fields, "text/plain", 0);
        List<PartNode> children = messageChildren("", 0, bodyStart, size, fields, entity);
        boolean multipart = entity.isMultipart() && TransferEncodings.isIdentity(entity.encoding());
        long decodedSize = multipart ? size - bodyStart : children.get(0).decodedSize();
        return node("", PartKind.MESSAGE, entity, decodedSize, new ByteRange(0, bodyStart),
                new ByteRange(bodyStart, size), fields, null, children);
    }

    // ---- messages (the top level, and the content of message/rfc822 parts)

    private long messageBodyStart(long start, long end, String path) {
        try {
            return new TrackedMessage(SESSION, new SourceStream(reader, start, end, false)).bodyStart();
        } catch (MessagingException | RuntimeException e) {
            // a finding about the message, reported to the user; the log keeps the parser's account
            LOG.debug("Part {}: the header section could not be read", path, e);
            problems.add(ProblemKind.UNREADABLE, describeOwner(path) + ": the header section could not be read ("
                    + e.getMessage() + ")", path, start);
            return start;
        }
    }

    /** RFC 3501 §6.4.5: a multipart message's parts are its body parts; any other message has one part, its body. */
    private List<PartNode> messageChildren(String prefix, long start, long bodyStart, long end,
            List<HeaderField> fields, Entity entity) {
        if (entity.isMultipart() && TransferEncodings.isIdentity(entity.encoding())) {
            return multipartChildren(prefix, bodyStart, end, entity);
        }
        return List.of(entity(join(prefix, 1), start, bodyStart, end, fields, entity));
    }

    /** RFC 5322 §3.6: the fields a message may have at most once. */
    private static final List<String> ONCE_ONLY = List.of("Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc",
            "Message-ID", "In-Reply-To", "References", "Subject");

    /** RFC 5322 §3.6 and RFC 2045 §4: the fields a message must (or should) have. */
    private void checkMessageHeaders(String path, List<HeaderField> fields, long headerStart) {
        String whose = path.isEmpty() ? "the message" : "the message in part " + path;
        if (first(fields, "Date") == null) {
            problems.add(ProblemKind.MISSING_DATE, whose + " has no Date: field; the origination date is required",
                    path, headerStart);
        }
        if (first(fields, "From") == null) {
            problems.add(ProblemKind.MISSING_FROM, whose + " has no From: field; the author is required",
                    path, headerStart);
        }
        if (first(fields, "Message-ID") == null) {
            problems.add(ProblemKind.MISSING_MESSAGE_ID, whose + " has no Message-ID: field; every message should",
                    path, headerStart);
        }
        // RFC 5322 §3.6, the table's "max number" of 1: a reader (and a DKIM verifier, RFC 6376 §8.15) cannot tell
        // which of two From: fields a mail program shows
        for (String once : ONCE_ONLY) {
            List<HeaderField> repeated = fields.stream().filter(f -> f.hasName(once)).toList();
            if (repeated.size() > 1) {
                problems.add(ProblemKind.REPEATED_FIELD, whose + " has " + repeated.size() + " " + once
                        + ": fields; it may have one, and programs differ in which they show", path,
                        repeated.get(1).range().start());
            }
        }
        if (first(fields, "MIME-Version") == null) {
            for (HeaderField f : fields) {
                if (f.hasName("Content-Type") || f.hasName("Content-Transfer-Encoding")) {
                    problems.add(ProblemKind.MISSING_MIME_VERSION, whose + " has a " + f.name()
                            + ": field but no MIME-Version: 1.0, so a strict reader treats it as plain US-ASCII text",
                            path, f.range().start());
                    break;
                }
            }
        }
    }

    // ---- multiparts

    private List<PartNode> multipartChildren(String path, long bodyStart, long end, Entity entity) {
        String where = describeOwner(path);
        String boundary = entity.boundary();
        if (boundary == null) {
            problems.add(ProblemKind.MISSING_BOUNDARY_PARAMETER, where + " is " + entity.mimeType()
                    + " without a boundary parameter; its parts are guessed from the first line starting with --",
                    path, entity.contentTypeOffset());
        }
        List<TrackedBodyPart> parts;
        boolean closed;
        try {
            TrackedMultipart multipart = new TrackedMultipart(new SourceStream(reader, bodyStart, end, false),
                    entity.contentTypeForParser());
            parts = multipart.parts();
            closed = multipart.closed();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Part {}: the multipart body could not be split into parts", path, e);
            problems.add(ProblemKind.UNREADABLE, where + ": the multipart body could not be split into parts ("
                    + e.getMessage() + ")", path, bodyStart);
            return List.of();
        }
        if (parts.isEmpty()) {
            problems.add(ProblemKind.NO_START_BOUNDARY, boundary != null
                    ? "the boundary line \"--" + boundary + "\" never appears in " + where + ", so it has no parts"
                    : "no line in " + where + " starts with --, so it has no parts", path, bodyStart);
        } else if (!closed) {
            problems.add(ProblemKind.UNCLOSED_BOUNDARY, (boundary != null
                    ? "the close delimiter \"--" + boundary + "--\"" : "the close delimiter")
                    + " never appears in " + where + "; its last part runs on to the end", path, end);
        }
        String defaultType = entity.mimeType().equals("multipart/digest") ? "message/rfc822" : "text/plain";
        List<PartNode> children = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            TrackedBodyPart part = parts.get(i);
            String childPath = join(path, i + 1);
            List<HeaderField> fields = headers(childPath, new ByteRange(part.start(), part.bodyStart()));
            // RFC 2046 §5.1.5: in a digest, a part without Content-Type is a message
            Entity child = describe(childPath, fields, defaultType, part.start());
            children.add(entity(childPath, part.start(), part.bodyStart(), part.end(), fields, child));
        }
        return children;
    }

    // ---- one entity of any kind

    private PartNode entity(String path, long start, long bodyStart, long end, List<HeaderField> fields, Entity e) {
        ByteRange headerRange = new ByteRange(start, bodyStart);
        ByteRange bodyRange = new ByteRange(bodyStart, end);
        if (depth(path) > MAX_DEPTH) {
            problems.add(ProblemKind.NESTING_TOO_DEEP, "part " + path + " is nested more than " + MAX_DEPTH
                    + " levels deep; it is listed but not opened", path, start);
            return node(path, PartKind.LEAF, e, bodyRange.length(), headerRange, bodyRange, fields, null, List.of());
        }
        if ((e.isMultipart() || e.isEmbeddedMessage()) && !TransferEncodings.isIdentity(e.encoding())) {
            problems.add(ProblemKind.ENCODED_COMPOSITE, "part " + path + " is " + e.mimeType() + " with transfer encoding "
                    + e.encoding() + ", but a multipart or message may only be 7bit, 8bit or binary; "
                    + "it is shown as one undivided part", path, start);
        }
        if (e.isMultipart() && e.splitsIntoParts()) {
            List<PartNode> children = multipartChildren(path, bodyStart, end, e);
            return node(path, PartKind.MULTIPART, e, bodyRange.length(), headerRange, bodyRange, fields, null,
                    children);
        }
        if (e.isEmbeddedMessage() && e.splitsIntoParts()) {
            return embeddedMessage(path, start, bodyStart, end, fields, e);
        }
        return leaf(path, headerRange, bodyRange, fields, e);
    }

    private PartNode embeddedMessage(String path, long start, long bodyStart, long end, List<HeaderField> fields,
            Entity e) {
        long innerBodyStart = messageBodyStart(bodyStart, end, path);
        ByteRange innerHeaderRange = new ByteRange(bodyStart, innerBodyStart);
        List<HeaderField> inner = headers(path, innerHeaderRange);
        checkMessageHeaders(path, inner, bodyStart);
        Entity innerEntity = describe(path, inner, "text/plain", bodyStart);
        List<PartNode> children = messageChildren(path, bodyStart, innerBodyStart, end, inner, innerEntity);
        EmbeddedMessage embedded = new EmbeddedMessage(innerHeaderRange, inner, innerEntity.mimeType());
        return node(path, PartKind.EMBEDDED_MESSAGE, e, end - bodyStart, new ByteRange(start, bodyStart),
                new ByteRange(bodyStart, end), fields, embedded, children);
    }

    private PartNode leaf(String path, ByteRange headerRange, ByteRange body, List<HeaderField> fields, Entity e) {
        checkBody(path, body, e);
        return node(path, PartKind.LEAF, e, decodedSize(path, body, e.encoding()), headerRange, body, fields, null,
                List.of());
    }

    private void checkBody(String path, ByteRange body, Entity e) {
        String encoding = e.encoding();
        boolean sevenBit = encoding.equals(TransferEncodings.SEVEN_BIT) || encoding.equals("quoted-printable");
        EightBitScanner eightBit = sevenBit ? new EightBitScanner() : null;
        Base64Checker base64 = encoding.equals("base64") ? new Base64Checker() : null;
        QuotedPrintableChecker qp = encoding.equals("quoted-printable") ? new QuotedPrintableChecker() : null;
        List<ByteScanner> scanners = new ArrayList<>();
        for (ByteScanner s : new ByteScanner[] {eightBit, base64, qp}) {
            if (s != null) {
                scanners.add(s);
            }
        }
        if (scanners.isEmpty()) {
            return;
        }
        try {
            ByteScanner.run(reader, body, scanners.toArray(new ByteScanner[0]));
        } catch (IOException e1) {
            LOG.debug("Part {}: the body could not be read", path, e1);
            problems.add(ProblemKind.UNREADABLE, "part " + path + ": the body could not be read (" + e1.getMessage()
                    + ")", path, body.start());
            return;
        }
        if (eightBit != null && eightBit.count() > 0) {
            String promise = encoding.equals("quoted-printable")
                    ? "it is quoted-printable, which must write such bytes as =XX"
                    : e.encodingDeclared()
                            ? "its Content-Transfer-Encoding is 7bit"
                            : "it has no Content-Transfer-Encoding, which means 7bit";
            problems.add(ProblemKind.UNDECLARED_8BIT, "part " + path + " has " + eightBit.count() + " byte"
                    + (eightBit.count() == 1 ? "" : "s") + " with the high bit set (the first at byte "
                    + eightBit.first() + "), but " + promise, path, eightBit.first());
        }
        if (base64 != null) {
            if (base64.illegalCount() > 0) {
                problems.add(ProblemKind.BASE64_ILLEGAL_CHARACTER, "the base64 body of part " + path + " has "
                        + base64.illegalCount() + " character" + (base64.illegalCount() == 1 ? "" : "s")
                        + " outside the base64 alphabet (the first, " + RawText.describeByte(base64.firstIllegalByte())
                        + ", at byte " + base64.firstIllegal() + "); decoders skip them", path, base64.firstIllegal());
            }
            if (base64.paddingProblem() != null) {
                problems.add(ProblemKind.BASE64_BAD_PADDING, "part " + path + ": " + base64.paddingProblem(), path,
                        base64.paddingProblemAt());
            }
        }
        if (qp != null) {
            if (qp.badEscapes() > 0) {
                problems.add(ProblemKind.QP_BAD_ESCAPE, "\"" + qp.firstBadEscapeText() + "\" in the quoted-printable "
                        + "body of part " + path + " is not an escape: '=' must be followed by two hex digits ("
                        + qp.badEscapes() + " such place" + (qp.badEscapes() == 1 ? "" : "s") + ")", path,
                        qp.firstBadEscape());
            }
            if (qp.badSoftBreaks() > 0) {
                problems.add(ProblemKind.QP_BAD_SOFT_BREAK, "an '=' followed by white space in part " + path
                        + " is a soft line break only at the end of a line, but text follows it ("
                        + qp.badSoftBreaks() + " such place" + (qp.badSoftBreaks() == 1 ? "" : "s") + ")", path,
                        qp.firstBadSoftBreak());
            }
        }
    }

    private long decodedSize(String path, ByteRange body, String encoding) {
        if (!TransferEncodings.isKnown(encoding) || TransferEncodings.isIdentity(encoding)) {
            return body.length();
        }
        long total = 0;
        byte[] buffer = new byte[ByteScanner.CHUNK];
        try (InputStream in = TransferEncodings.decode(
                new SourceStream(reader, body.start(), body.end(), false), encoding)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Part {}: the {} body could not be decoded past its first {} bytes", path, encoding, total, e);
            problems.add(ProblemKind.DECODING_FAILED, "the " + encoding + " body of part " + path
                    + " could not be decoded past its first " + total + " bytes (" + e.getMessage() + ")", path,
                    body.start());
        }
        return total;
    }

    // ---- header sections

    private List<HeaderField> headers(String path, ByteRange range) {
        HeaderSection.Result section;
        try {
            section = HeaderSection.read(reader, range);
        } catch (IOException e) {
            LOG.debug("Part {}: the header section could not be read", path, e);
            problems.add(ProblemKind.UNREADABLE, describeOwner(path) + ": the header section could not be read ("
                    + e.getMessage() + ")", path, range.start());
            return List.of();
        }
        List<HeaderField> fields = new ArrayList<>(section.fields().size());
        for (HeaderSection.RawField raw : section.fields()) {
            HeaderField f = raw.field();
            fields.add(f);
            long at = f.range().start();
            if (!raw.hasColon()) {
                problems.add(ProblemKind.HEADER_WITHOUT_COLON, "the header line \"" + snippet(f.raw())
                        + "\" has no colon, so it is not a header field (is the empty line before the body missing?)",
                        path, at);
            } else if (!f.wellFormed()) {
                problems.add(ProblemKind.INVALID_HEADER_NAME, f.name().startsWith("From ")
                        ? "\"" + snippet(f.raw()) + "\" is an mbox separator line, not a header field"
                        : "\"" + snippet(f.name()) + "\" is not a legal field name: names are printable US-ASCII "
                                + "without spaces", path, at);
            }
            if (raw.firstEightBit() >= 0) {
                problems.add(ProblemKind.NON_ASCII_HEADER, "the " + fieldLabel(f) + " field has 8-bit bytes; header "
                        + "fields are US-ASCII, with other text in RFC 2047 encoded words (or UTF-8 only where "
                        + "SMTPUTF8 was agreed, RFC 6532)", path, raw.firstEightBit());
            }
            for (String word : raw.badEncodedWords()) {
                problems.add(ProblemKind.BAD_ENCODED_WORD, "the " + fieldLabel(f) + " field has an encoded word whose"
                        + " text its encoding cannot have: " + snippet(word) + "; it is shown as written", path, at);
            }
            for (String charset : raw.unknownCharsets()) {
                problems.add(ProblemKind.UNKNOWN_CHARSET, "the " + fieldLabel(f) + " field has an encoded word in "
                        + "charset \"" + charset + "\", which is unknown; that word is shown as written", path, at);
            }
        }
        if (section.truncated()) {
            long listedEnd = fields.isEmpty() ? range.start() : fields.get(fields.size() - 1).range().end();
            problems.add(ProblemKind.HEADER_SECTION_TOO_LONG, describeOwner(path) + " has a header section of "
                    + range.length() + " bytes; only its first " + fields.size() + " fields are listed (at most "
                    + HeaderSection.MAX_FIELDS + " fields in " + HeaderSection.MAX_BYTES + " bytes)", path,
                    listedEnd);
        }
        return fields;
    }

    private Entity describe(String path, List<HeaderField> fields, String defaultType, long headerStart) {
        HeaderField typeField = first(fields, "Content-Type");
        MimeParameters.Type type;
        long typeOffset = typeField != null ? typeField.range().start() : headerStart;
        if (typeField == null) {
            type = MimeParameters.contentType(defaultType, defaultType);
        } else {
            type = MimeParameters.contentType(typeField.value(), "text/plain; charset=us-ascii");
            if (type.quality() == MimeParameters.Quality.LENIENT) {
                problems.add(Severity.WARNING, ProblemKind.MALFORMED_CONTENT_TYPE, "Content-Type \""
                        + snippet(typeField.value()) + "\" is not valid MIME syntax (values with special characters "
                        + "must be quoted); read leniently as " + type.baseType(), path, typeOffset);
            } else if (type.quality() == MimeParameters.Quality.UNREADABLE) {
                problems.add(ProblemKind.MALFORMED_CONTENT_TYPE, "Content-Type \"" + snippet(typeField.value())
                        + "\" cannot be read; treated as text/plain (RFC 2045 §5.2)", path, typeOffset);
            }
        }
        String mimeType = type.baseType();
        String charset = type.parameter("charset");
        if (mimeType.startsWith("text/") && charset != null && Charsets.lookup(charset) == null) {
            problems.add(ProblemKind.UNKNOWN_CHARSET, "charset \"" + charset + "\" of " + describeOwner(path)
                    + " is unknown; its text is decoded by guess (UTF-8 if valid, else windows-1252)", path,
                    typeOffset);
        }

        HeaderField encodingField = first(fields, "Content-Transfer-Encoding");
        String encoding = TransferEncodings.SEVEN_BIT;
        if (encodingField != null && !encodingField.value().isBlank()) {
            encoding = TransferEncodings.parse(encodingField.value());
            if (!TransferEncodings.isKnown(encoding)) {
                problems.add(ProblemKind.UNKNOWN_TRANSFER_ENCODING, "Content-Transfer-Encoding \""
                        + snippet(encodingField.value()) + "\" of " + describeOwner(path) + " is not one RFC 2045 "
                        + "defines; the body is shown undecoded", path, encodingField.range().start());
            }
        }

        String disposition = null;
        String filename = null;
        HeaderField dispositionField = first(fields, "Content-Disposition");
        if (dispositionField != null) {
            MimeParameters.Disposition d = MimeParameters.contentDisposition(dispositionField.value());
            if (d.quality() != MimeParameters.Quality.STRICT) {
                problems.add(ProblemKind.MALFORMED_CONTENT_DISPOSITION, "Content-Disposition \""
                        + snippet(dispositionField.value()) + "\" is not valid MIME syntax"
                        + (d.disposition() != null ? "; read leniently" : "; ignored"), path,
                        dispositionField.range().start());
            }
            if (d.disposition() != null) {
                disposition = d.disposition().getDisposition().toLowerCase(Locale.ROOT);
                filename = d.disposition().getParameter("filename");
            }
        }
        if (filename == null) {
            filename = type.parameter("name");
        }
        if (filename != null && filename.contains("=?")) {
            // not what RFC 2231 asks for, but what many mailers write
            filename = EncodedWords.decode(filename).text();
        }
        HeaderField idField = first(fields, "Content-ID");
        String contentId = idField != null ? idField.value() : null;
        String forParser = RawText.unfold(type.contentType().toString());
        return new Entity(mimeType, charset, encoding, disposition, filename, contentId, forParser,
                type.parameter("boundary"), typeOffset, encodingField != null);
    }

    // ---- small helpers

    private static PartNode node(String path, PartKind kind, Entity e, long decodedSize, ByteRange headerRange,
            ByteRange bodyRange, List<HeaderField> fields, EmbeddedMessage embedded, List<PartNode> children) {
        return new PartNode(path, kind, e.mimeType(), e.charset(), e.encoding(), e.disposition(), e.filename(),
                e.contentId(), decodedSize, headerRange, bodyRange, fields, embedded, children);
    }

    static HeaderField first(List<HeaderField> fields, String name) {
        for (HeaderField f : fields) {
            if (f.hasName(name)) {
                return f;
            }
        }
        return null;
    }

    static String join(String prefix, int number) {
        return prefix.isEmpty() ? Integer.toString(number) : prefix + "." + number;
    }

    private static int depth(String path) {
        return path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '.').count() + 1;
    }

    private static String describeOwner(String path) {
        return path.isEmpty() ? "the message" : "part " + path;
    }

    private static String fieldLabel(HeaderField f) {
        return f.wellFormed() ? f.name() + ":" : "\"" + snippet(f.name()) + "\"";
    }

    static String snippet(String s) {
        String oneLine = RawText.unfold(s);
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
