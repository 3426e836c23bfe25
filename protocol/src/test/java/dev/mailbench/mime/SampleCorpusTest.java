package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each sample message of the corpus, analysed: its part tree (paths, types, sizes, and byte ranges
 * checked against the raw bytes they point at), its decoded text, and exactly the problems found.
 */
class SampleCorpusTest {

    private static MessageAnalysis analyze(String sample) {
        return MessageAnalyzer.analyze(SampleMessages.get(sample).bytes());
    }

    private static PartNode part(MessageAnalysis analysis, String path) {
        return analysis.part(path).orElseThrow(() -> new AssertionError("no part " + path));
    }

    private static String text(MessageAnalysis analysis, String path) throws Exception {
        return analysis.text(part(analysis, path)).text();
    }

    @Test
    void plainTextIsOneBodyPartUnderTheMessage() throws Exception {
        Raw raw = Raw.of("plain-text.eml");
        MessageAnalysis a = analyze("plain-text.eml");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::kind, PartNode::contentType, PartNode::charset)
                .containsExactly(
                        tuple("", PartKind.MESSAGE, "text/plain", "us-ascii"),
                        tuple("1", PartKind.LEAF, "text/plain", "us-ascii"));
        long bodyStart = raw.offsetOf("\r\n\r\n") + 4;
        PartNode body = part(a, "1");
        assertThat(body.headerRange()).isEqualTo(ByteRange.of(0, bodyStart)).isEqualTo(a.root().headerRange());
        assertThat(body.bodyRange()).isEqualTo(ByteRange.of(bodyStart, raw.size()));
        assertThat(raw.latin1(body.headerRange())).startsWith("Return-Path:").endsWith("7bit\r\n\r\n");
        assertThat(text(a, "1")).isEqualTo(
                "Hi Bob,\r\n\r\nAre you free for lunch on Thursday? The usual place, at noon.\r\n\r\nAlice\r\n");
        assertThat(body.decodedSize()).isEqualTo(body.bodyRange().length());
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void headersAreListedInOrderWithDuplicatesRawAndUnfolded() {
        Raw raw = Raw.of("plain-text.eml");
        MessageAnalysis a = analyze("plain-text.eml");

        assertThat(a.headers()).extracting(HeaderField::name).containsExactly("Return-Path", "Received",
                "Received", "Received", "Date", "From", "To", "Subject", "Message-ID", "MIME-Version",
                "Content-Type", "Content-Transfer-Encoding");
        HeaderField firstHop = a.headers().get(1);
        assertThat(firstHop.raw()).isEqualTo("Received: from mx.example.test (mx.example.test [192.0.2.25])\r\n"
                + "\tby mail.example.org (Postfix) with ESMTPS id 4XyZ1\r\n"
                + "\tfor <bob@example.org>; Tue, 1 Oct 2024 10:00:07 +0000");
        assertThat(firstHop.value()).isEqualTo("from mx.example.test (mx.example.test [192.0.2.25])"
                + "\tby mail.example.org (Postfix) with ESMTPS id 4XyZ1\tfor <bob@example.org>; "
                + "Tue, 1 Oct 2024 10:00:07 +0000");
        assertThat(raw.latin1(firstHop.range())).isEqualTo(firstHop.raw() + "\r\n");
        for (HeaderField h : a.headers()) {
            assertThat(raw.text(h.range())).as(h.name()).isEqualTo(h.raw() + "\r\n");
        }
    }

    @Test
    void theReceivedChainReadsOldestFirstWithDelaysBetweenHops() {
        MessageAnalysis a = analyze("plain-text.eml");

        assertThat(a.receivedChain()).extracting(ReceivedHop::from, ReceivedHop::by, ReceivedHop::with,
                ReceivedHop::id, ReceivedHop::recipient).containsExactly(
                        tuple("[127.0.0.1] (localhost [127.0.0.1])", "laptop.example.test", "SMTP", "1", null),
                        tuple("laptop.example.test (laptop.example.test [198.51.100.7])", "mx.example.test",
                                "ESMTPSA", "aB12cD", "<bob@example.org>"),
                        tuple("mx.example.test (mx.example.test [192.0.2.25])", "mail.example.org (Postfix)",
                                "ESMTPS", "4XyZ1", "<bob@example.org>"));
        assertThat(a.receivedChain()).extracting(ReceivedHop::timestamp).containsExactly(
                Instant.parse("2024-10-01T09:59:55Z"), Instant.parse("2024-10-01T09:59:58Z"),
                Instant.parse("2024-10-01T10:00:07Z"));
        assertThat(a.receivedChain()).extracting(ReceivedHop::delay)
                .containsExactly(null, Duration.ofSeconds(3), Duration.ofSeconds(9));
        assertThat(a.receivedChain().get(1).dateText()).isEqualTo("Tue, 1 Oct 2024 11:59:58 +0200");
    }

    @Test
    void multipartAlternativeHasTwoNumberedParts() throws Exception {
        Raw raw = Raw.of("alternative.eml");
        MessageAnalysis a = analyze("alternative.eml");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::kind, PartNode::contentType,
                PartNode::transferEncoding).containsExactly(
                        tuple("", PartKind.MESSAGE, "multipart/alternative", "7bit"),
                        tuple("1", PartKind.LEAF, "text/plain", "7bit"),
                        tuple("2", PartKind.LEAF, "text/html", "quoted-printable"));
        assertThat(raw.latin1(part(a, "1").range()))
                .isEqualTo("Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                        + "Soup of the day, then fish.");
        assertThat(raw.latin1(part(a, "2").bodyRange()))
                .isEqualTo("<p>Soup of the day, then <b>fish</b> =E2=80=94 caf=C3=A9 after.</p>");
        String html = text(a, "2");
        assertThat(html).isEqualTo("<p>Soup of the day, then <b>fish</b> \u2014 caf\u00e9 after.</p>");
        assertThat(part(a, "2").decodedSize()).isEqualTo(html.getBytes(UTF_8).length);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void mixedWithAttachmentsNestsAnAlternativeAndDecodesFileNames(@TempDir Path dir) throws Exception {
        Raw raw = Raw.of("mixed-attachments.eml");
        MessageAnalysis a = analyze("mixed-attachments.eml");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::kind, PartNode::contentType,
                PartNode::disposition, PartNode::filename).containsExactly(
                        tuple("", PartKind.MESSAGE, "multipart/mixed", null, null),
                        tuple("1", PartKind.MULTIPART, "multipart/alternative", null, null),
                        tuple("1.1", PartKind.LEAF, "text/plain", null, null),
                        tuple("1.2", PartKind.LEAF, "text/html", null, null),
                        tuple("2", PartKind.LEAF, "image/png", "inline", "dot.png"),
                        tuple("3", PartKind.LEAF, "application/pdf", "attachment", "r\u00e9sum\u00e9 (final).pdf"));
        assertThat(text(a, "1.1")).isEqualTo("The r\u00e9sum\u00e9 is attached, and a red dot.");
        assertThat(text(a, "1.2")).isEqualTo(
                "<p>The r\u00e9sum\u00e9 is attached, and a red dot: <img src=\"cid:dot@example.test\"></p>");

        PartNode png = part(a, "2");
        assertThat(png.contentId()).isEqualTo("<dot@example.test>");
        byte[] pngBytes = a.decodedBytes(png);
        assertThat(pngBytes).isEqualTo(Base64.getMimeDecoder().decode(raw.slice(png.bodyRange())));
        assertThat(pngBytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(png.decodedSize()).isEqualTo(pngBytes.length).isEqualTo(74);

        PartNode pdf = part(a, "3");
        Path saved = dir.resolve("resume.pdf");
        long written = a.saveDecoded(pdf, saved);
        byte[] pdfBytes = Files.readAllBytes(saved);
        assertThat(written).isEqualTo(pdf.decodedSize()).isEqualTo(pdfBytes.length);
        assertThat(new String(pdfBytes, UTF_8)).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
        assertThat(raw.latin1(pdf.headerRange())).startsWith("Content-Type: application/pdf\r\n");

        // the multipart's body starts after its header; its preamble comes before part 1
        assertThat(raw.latin1(ByteRange.of(a.root().bodyRange().start(), part(a, "1").range().start())))
                .isEqualTo("This is a multi-part message in MIME format.\r\n\r\n--mix-0001\r\n");
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void forwardedMessagesAreSubtreesNumberedAsImapDoes() throws Exception {
        Raw raw = Raw.of("forwarded.eml");
        MessageAnalysis a = analyze("forwarded.eml");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::kind, PartNode::contentType).containsExactly(
                tuple("", PartKind.MESSAGE, "multipart/mixed"),
                tuple("1", PartKind.LEAF, "text/plain"),
                tuple("2", PartKind.EMBEDDED_MESSAGE, "message/rfc822"),
                tuple("2.1", PartKind.LEAF, "text/plain"),
                tuple("2.2", PartKind.LEAF, "text/html"),
                tuple("3", PartKind.EMBEDDED_MESSAGE, "message/rfc822"),
                tuple("3.1", PartKind.LEAF, "text/plain"));

        PartNode menu = part(a, "2");
        EmbeddedMessage inner = menu.embedded();
        assertThat(inner.contentType()).isEqualTo("multipart/alternative");
        assertThat(inner.headers()).extracting(HeaderField::name).contains("Subject").hasSize(7);
        assertThat(raw.latin1(inner.headerRange())).startsWith("Date: Wed, 2 Oct 2024").endsWith("\"fwd-inner\"\r\n\r\n");
        assertThat(inner.headerRange().start()).isEqualTo(menu.bodyRange().start());
        assertThat(menu.bodyRange().contains(part(a, "2.2").range())).isTrue();
        assertThat(text(a, "2.2")).isEqualTo("<p>Soup of the day, then <b>fish</b>.</p>");

        PartNode note = part(a, "3");
        assertThat(note.filename()).isEqualTo("note.eml");
        assertThat(note.embedded().contentType()).isEqualTo("text/plain");
        PartNode noteBody = part(a, "3.1");
        assertThat(noteBody.headerRange()).isEqualTo(note.embedded().headerRange());
        assertThat(noteBody.charset()).isNull();
        assertThat(a.text(noteBody).charset()).isEqualTo(Charset.forName("US-ASCII"));
        assertThat(text(a, "3.1")).isEqualTo("Bring an umbrella.");
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void encodedWordsAreDecodedInEveryCharset() throws Exception {
        MessageAnalysis a = analyze("encoded-words.eml");

        assertThat(a.root().header("From").orElseThrow().decoded())
                .isEqualTo("Fran\u00e7ois Lef\u00e8vre <francois@example.test>");
        assertThat(a.root().header("To").orElseThrow().decoded())
                .isEqualTo("\u7530\u4e2d\u82b1\u5b50 <hanako@example.jp>, "
                        + "\u041f\u0451\u0442\u0440 \u0418\u0432\u0430\u043d\u043e\u0432 <petr@example.ru>");
        HeaderField subject = a.root().header("Subject").orElseThrow();
        assertThat(subject.raw()).contains("?=\r\n =?UTF-8?Q?");
        // RFC 2047 §6.2: white space between adjacent encoded words is not displayed
        assertThat(subject.decoded()).isEqualTo("Gr\u00fc\u00dfe aus M\u00fcnchen \u2014 und ein Gru\u00df");
        assertThat(subject.isEncoded()).isTrue();
        assertThat(a.root().header("Comments").orElseThrow().decoded())
                .isEqualTo("\u041f\u0440\u0438\u0432\u0435\u0442 \u0438\u0437 \u041c\u043e\u0441\u043a\u0432\u044b");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::charset, PartNode::transferEncoding,
                PartNode::filename).containsExactly(
                        tuple("", null, "7bit", null),
                        tuple("1", "ISO-2022-JP", "7bit", null),
                        tuple("2", "KOI8-R", "8bit", null),
                        tuple("3", "us-ascii", "7bit", "caf\u00e9 menu.txt"));
        assertThat(text(a, "1")).isEqualTo("\u3053\u3093\u306b\u3061\u306f\u3001\u4e16\u754c\u3002\r\n"
                + "\u304a\u5143\u6c17\u3067\u3059\u304b\u3002"); // the last CRLF belongs to the boundary
        assertThat(text(a, "2")).isEqualTo("\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440!\r\n"
                + "\u041a\u0430\u043a \u0434\u0435\u043b\u0430?");
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void quotedPrintableSoftBreaksAndEscapesAreUndone() throws Exception {
        MessageAnalysis a = analyze("quoted-printable.eml");
        String expected = "Quoted-printable keeps lines short: this sentence is longer than seventy-six characters,"
                + " so a soft line break (an = at the end of the line) splits it.\r\n"
                + "Accents are escaped: na\u00efve caf\u00e9, and so is the euro sign: 5 \u20ac.\r\n"
                + "Trailing space is protected: \r\n";

        assertThat(text(a, "1")).isEqualTo(expected);
        assertThat(part(a, "1").decodedSize()).isEqualTo(expected.getBytes(UTF_8).length);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void aBase64TextBodyIsDecodedThenReadAsUtf8() throws Exception {
        MessageAnalysis a = analyze("base64-text.eml");

        assertThat(part(a, "1").transferEncoding()).isEqualTo("base64");
        assertThat(text(a, "1"))
                .isEqualTo("Gr\u00fc\u00dfe aus K\u00f6ln!\r\nThis body is base64, so it travels as 7-bit text.\r\n");
        assertThat(a.text(part(a, "1")).truncated()).isFalse();
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void aPreviewDecodesOnlyTheStartOfALongBody() throws Exception {
        MessageAnalysis a = analyze("base64-text.eml");

        DecodedText preview = a.text(part(a, "1"), 9);
        assertThat(preview.text()).isEqualTo("Gr\u00fc\u00dfe a");
        assertThat(preview.truncated()).isTrue();
        assertThat(a.text(part(a, "1"), 1000).truncated()).isFalse();
    }

    // ---- broken samples: each still opens, shows what could be read, and names what is wrong

    @Test
    void anUnclosedBoundaryLetsTheLastPartRunToTheEnd() throws Exception {
        Raw raw = Raw.of("broken-unclosed-boundary.eml");
        MessageAnalysis a = analyze("broken-unclosed-boundary.eml");

        assertThat(a.parts()).extracting(PartNode::path).containsExactly("", "1", "2");
        assertThat(text(a, "1")).isEqualTo("First part.");
        assertThat(text(a, "2")).isEqualTo("Second part, and then the message just stops.\r\n");
        assertThat(part(a, "2").bodyRange().end()).isEqualTo(raw.size());
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind, Problem::partPath, Problem::line,
                Problem::offset).containsExactly(
                        tuple(Severity.ERROR, ProblemKind.UNCLOSED_BOUNDARY, "", 17L, raw.size()));
        assertThat(a.problems().get(0).message()).contains("\"--never-closed--\"");
    }

    @Test
    void badBase64IsReportedAndStillDecodedAsFarAsPossible() throws Exception {
        Raw raw = Raw.of("broken-bad-base64.eml");
        MessageAnalysis a = analyze("broken-bad-base64.eml");

        assertThat(new String(a.decodedBytes(part(a, "2")), UTF_8)).isEqualTo("Hello, world!");
        assertThat(new String(a.decodedBytes(part(a, "3")), UTF_8)).isEqualTo("Hello, world!");
        assertThat(part(a, "3").decodedSize()).isEqualTo(13);
        long truncated = raw.offsetOf("SGVsbG8sIHdvcmxkIQ\r\n");
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind, Problem::partPath, Problem::line,
                Problem::offset).containsExactly(
                        tuple(Severity.WARNING, ProblemKind.BASE64_ILLEGAL_CHARACTER, "2", 17L, raw.offsetOf("!")),
                        tuple(Severity.ERROR, ProblemKind.BASE64_BAD_PADDING, "3", 22L, truncated + 17));
        assertThat(a.problems().get(0).message()).contains("2 characters", "'!'");
    }

    @Test
    void bareLineFeedsAndCarriageReturnsAreFoundLineByLine() throws Exception {
        Raw raw = Raw.of("broken-bare-lf.eml");
        MessageAnalysis a = analyze("broken-bare-lf.eml");

        assertThat(a.root().header("Subject").orElseThrow().value()).isEqualTo("Mixed line endings");
        assertThat(text(a, "1")).isEqualTo("This line ends properly.\r\nThis one ends with a bare LF.\n"
                + "And this one has a bare CR\rin the middle.\r\nLast line.\r\n");
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath, Problem::line, Problem::offset)
                .containsExactly(
                        tuple(ProblemKind.BARE_LF, "", 4L, raw.offsetOf("endings\n") + 7),
                        tuple(ProblemKind.BARE_LF, "1", 10L, raw.offsetOf("bare LF.\n") + 8),
                        tuple(ProblemKind.BARE_CR, "1", 11L, raw.offsetOf("CR\rin") + 2));
    }

    @Test
    void eightBitBytesWithoutADeclaredEncodingAreFlaggedInHeaderAndBody() throws Exception {
        Raw raw = Raw.of("broken-8bit-undeclared.eml");
        MessageAnalysis a = analyze("broken-8bit-undeclared.eml");

        assertThat(a.root().header("Subject").orElseThrow().decoded()).isEqualTo("Gr\u00fc\u00dfe aus K\u00f6ln");
        assertThat(text(a, "1")).isEqualTo("Sch\u00f6ne Gr\u00fc\u00dfe, sent without a Content-Transfer-Encoding.\r\n");
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind, Problem::partPath, Problem::line,
                Problem::offset).containsExactly(
                        tuple(Severity.WARNING, ProblemKind.NON_ASCII_HEADER, "", 4L, raw.offsetOf("\u00fc")),
                        tuple(Severity.ERROR, ProblemKind.UNDECLARED_8BIT, "1", 9L, raw.offsetOf("\u00f6ne")));
        assertThat(a.problems().get(1).message()).contains("6 bytes", "no Content-Transfer-Encoding");
    }

    @Test
    void missingRequiredHeadersAndALineWithoutAColon() throws Exception {
        Raw raw = Raw.of("broken-missing-headers.eml");
        MessageAnalysis a = analyze("broken-missing-headers.eml");

        assertThat(a.headers()).extracting(HeaderField::name, HeaderField::wellFormed).containsExactly(
                tuple("From", true), tuple("To", true), tuple("Subject", true), tuple("Content-Type", true),
                tuple("X-Mailer Homebrew 0.1", false));
        assertThat(text(a, "1")).startsWith("No Date, no Message-ID");
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind, Problem::partPath, Problem::line,
                Problem::offset).containsExactly(
                        tuple(Severity.ERROR, ProblemKind.MISSING_DATE, "", 1L, 0L),
                        tuple(Severity.WARNING, ProblemKind.MISSING_MESSAGE_ID, "", 1L, 0L),
                        tuple(Severity.ERROR, ProblemKind.MISSING_MIME_VERSION, "", 4L, raw.offsetOf("Content-Type")),
                        tuple(Severity.ERROR, ProblemKind.HEADER_WITHOUT_COLON, "", 5L, raw.offsetOf("X-Mailer")));
    }

    @Test
    void aLineOverNineHundredNinetyEightOctets() throws Exception {
        Raw raw = Raw.of("broken-long-line.eml");
        MessageAnalysis a = analyze("broken-long-line.eml");

        assertThat(text(a, "1")).startsWith("The next line was never wrapped:\r\nword000 word001").endsWith(
                "word149\r\nThat is all.\r\n");
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath, Problem::line, Problem::offset)
                .containsExactly(tuple(ProblemKind.LINE_TOO_LONG, "1", 11L, raw.offsetOf("word000")));
        assertThat(a.problems().get(0).message()).contains("1199 octets");
    }

    @Test
    void anUnknownCharsetIsReportedAndTheTextGuessed() throws Exception {
        Raw raw = Raw.of("broken-unknown-charset.eml");
        MessageAnalysis a = analyze("broken-unknown-charset.eml");

        assertThat(a.root().header("Subject").orElseThrow().decoded()).isEqualTo("=?x-klingon?Q?nuqneH?=");
        DecodedText body = a.text(part(a, "1"));
        assertThat(body.text()).isEqualTo("Qapla' \u2014 the body is really UTF-8.\r\n");
        assertThat(body.declaredCharset()).isEqualTo("x-klingon");
        assertThat(body.charset()).isEqualTo(UTF_8);
        assertThat(body.guessed()).isTrue();
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind, Problem::partPath, Problem::line,
                Problem::offset).containsExactly(
                        tuple(Severity.WARNING, ProblemKind.UNKNOWN_CHARSET, "", 4L, raw.offsetOf("Subject:")),
                        tuple(Severity.WARNING, ProblemKind.UNKNOWN_CHARSET, "", 7L, raw.offsetOf("Content-Type:")));
    }

    @Test
    void aReturnPathThatDiffersFromFromIsNotedAsTheEnvelopeSender() throws Exception {
        Raw raw = Raw.of("broken-envelope-mismatch.eml");
        MessageAnalysis a = analyze("broken-envelope-mismatch.eml");

        assertThat(a.problems()).extracting(Problem::severity, Problem::kind, Problem::partPath, Problem::line,
                Problem::offset).containsExactly(
                        tuple(Severity.INFO, ProblemKind.ENVELOPE_FROM_MISMATCH, "", 6L, raw.offsetOf("From:")));
        assertThat(a.problems().get(0).message())
                .contains("news@example.net", "bounces+bob=example.org@lists.example.net");
    }

    @Test
    void aKnownEnvelopeIsComparedWithFrom() {
        byte[] plain = SampleMessages.get("plain-text.eml").bytes();

        assertThat(MessageAnalyzer.analyze(plain, Envelope.mailFrom("<ALICE@example.test>")).problems()).isEmpty();
        assertThat(MessageAnalyzer.analyze(plain, Envelope.mailFrom("<>")).problems()).as("a bounce").isEmpty();
        MessageAnalysis spoofed = MessageAnalyzer.analyze(plain,
                new Envelope("<mallory@example.net>", List.of("<bob@example.org>")));
        assertThat(spoofed.problems()).extracting(Problem::kind, Problem::partPath)
                .containsExactly(tuple(ProblemKind.ENVELOPE_FROM_MISMATCH, ""));
        assertThat(spoofed.problems().get(0).message()).contains("MAIL FROM:<mallory@example.net>");
        assertThat(spoofed.envelope()).isPresent();

        byte[] news = SampleMessages.get("broken-envelope-mismatch.eml").bytes();
        assertThat(MessageAnalyzer.analyze(news, Envelope.mailFrom("news@example.net")).problems())
                .as("an explicit envelope wins over Return-Path").isEmpty();
    }

    @Test
    void badQuotedPrintableEscapesAndSoftBreaks() throws Exception {
        Raw raw = Raw.of("broken-quoted-printable.eml");
        MessageAnalysis a = analyze("broken-quoted-printable.eml");

        assertThat(text(a, "1")).isEqualTo("Price: 5 \u20ac =ZZ is not an escape.\r\n"
                + "A soft break with text after it =  here.\r\nA good soft break continues.\r\n");
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath, Problem::line, Problem::offset)
                .containsExactly(
                        tuple(ProblemKind.QP_BAD_ESCAPE, "1", 10L, raw.offsetOf("=ZZ")),
                        tuple(ProblemKind.QP_BAD_SOFT_BREAK, "1", 11L, raw.offsetOf("=  here")));
        assertThat(a.problems().get(0).message()).contains("\"=ZZ\"");
    }

    @Test
    void aMultipartWithoutBoundaryParameterIsSplitAtTheFirstDashDashLine() throws Exception {
        Raw raw = Raw.of("broken-no-boundary.eml");
        MessageAnalysis a = analyze("broken-no-boundary.eml");

        assertThat(a.parts()).extracting(PartNode::path).containsExactly("", "1", "2");
        assertThat(text(a, "1")).isEqualTo("Part one.");
        assertThat(text(a, "2")).isEqualTo("Part two.");
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath, Problem::line, Problem::offset)
                .containsExactly(tuple(ProblemKind.MISSING_BOUNDARY_PARAMETER, "", 7L, raw.offsetOf("Content-Type:")));
    }
}
