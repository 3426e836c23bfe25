package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Messages that stretch the structure rules; each still opens and says what is wrong. */
class StructureEdgeCasesTest {

    private static final String COMPLETE = "Date: Tue, 1 Oct 2024 10:00:00 +0000\r\nFrom: a@example.test\r\n"
            + "Message-ID: <x@example.test>\r\nMIME-Version: 1.0\r\n";

    private static MessageAnalysis analyze(String message) {
        return MessageAnalyzer.analyze(message.getBytes(UTF_8));
    }

    @Test
    void anEmptyInputIsAMessageWithNothingInIt() {
        MessageAnalysis a = MessageAnalyzer.analyze(new byte[0]);

        assertThat(a.parts()).extracting(PartNode::path, PartNode::contentType)
                .containsExactly(tuple("", "text/plain"), tuple("1", "text/plain"));
        assertThat(a.root().range()).isEqualTo(ByteRange.of(0, 0));
        assertThat(a.problems()).extracting(Problem::kind, Problem::line).containsExactly(
                tuple(ProblemKind.MISSING_DATE, 1L), tuple(ProblemKind.MISSING_FROM, 1L),
                tuple(ProblemKind.MISSING_MESSAGE_ID, 1L));
    }

    @Test
    void aMessageWithoutBodyOrWithoutHeader() {
        MessageAnalysis headersOnly = analyze(COMPLETE);
        assertThat(headersOnly.root().bodyRange()).isEqualTo(ByteRange.of(COMPLETE.length(), COMPLETE.length()));
        assertThat(headersOnly.problems()).isEmpty();

        MessageAnalysis bodyOnly = analyze("\r\njust text\r\n");
        assertThat(bodyOnly.headers()).isEmpty();
        assertThat(bodyOnly.root().bodyRange()).isEqualTo(ByteRange.of(2, 13));
    }

    @Test
    void aBoundaryThatNeverAppearsLeavesTheMultipartWithoutParts() {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: multipart/mixed; boundary=xyz\r\n\r\nonly text\r\n");

        assertThat(a.root().children()).isEmpty();
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath)
                .containsExactly(tuple(ProblemKind.NO_START_BOUNDARY, ""));
        assertThat(a.problems().get(0).message()).contains("\"--xyz\"");
    }

    @Test
    void anUnquotedBoundaryWithSpecialCharactersIsReadLeniently() {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: multipart/mixed; boundary=----=_Part_0_1.2\r\n\r\n"
                + "------=_Part_0_1.2\r\n\r\none\r\n------=_Part_0_1.2\r\n\r\ntwo\r\n------=_Part_0_1.2--\r\n");

        assertThat(a.parts()).extracting(PartNode::path).containsExactly("", "1", "2");
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind)
                .containsExactly(tuple(Severity.WARNING, ProblemKind.MALFORMED_CONTENT_TYPE));
    }

    @Test
    void anUnreadableContentTypeFallsBackToPlainText() {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: garbage\r\n\r\nhello\r\n");

        assertThat(a.root().contentType()).isEqualTo("text/plain");
        assertThat(a.problems()).extracting(Problem::severity, Problem::kind)
                .containsExactly(tuple(Severity.ERROR, ProblemKind.MALFORMED_CONTENT_TYPE));
    }

    @Test
    void aMultipartWithABase64EncodingIsShownUndivided() throws Exception {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: multipart/mixed; boundary=b\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nLS1iDQoNCmhpDQotLWItLQ==\r\n");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::kind)
                .containsExactly(tuple("", PartKind.MESSAGE), tuple("1", PartKind.LEAF));
        assertThat(new String(a.decodedBytes(a.part("1").orElseThrow()), UTF_8)).isEqualTo("--b\r\n\r\nhi\r\n--b--");
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath)
                .containsExactly(tuple(ProblemKind.ENCODED_COMPOSITE, "1"));
    }

    @Test
    void anUnknownTransferEncodingPassesTheBytesThrough() throws Exception {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-rot13\r\n"
                + "\r\nuryyb\r\n");

        assertThat(a.text(a.part("1").orElseThrow()).text()).isEqualTo("uryyb\r\n");
        assertThat(a.problems()).extracting(Problem::kind).containsExactly(ProblemKind.UNKNOWN_TRANSFER_ENCODING);
    }

    @Test
    void uuencodedBodiesAreDecoded() throws Exception {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n"
                + "\r\nbegin 644 abc.txt\r\n#86)C\r\n`\r\nend\r\n");

        PartNode body = a.part("1").orElseThrow();
        assertThat(a.text(body).text()).isEqualTo("abc");
        assertThat(body.decodedSize()).isEqualTo(3);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void partsOfADigestAreMessagesByDefault() {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\n"
                + COMPLETE + "Subject: first\r\n\r\nfirst body\r\n--d--\r\n");

        assertThat(a.parts()).extracting(PartNode::path, PartNode::kind, PartNode::contentType).containsExactly(
                tuple("", PartKind.MESSAGE, "multipart/digest"),
                tuple("1", PartKind.EMBEDDED_MESSAGE, "message/rfc822"),
                tuple("1.1", PartKind.LEAF, "text/plain"));
        assertThat(a.part("1").orElseThrow().embedded().headers()).extracting(HeaderField::name).contains("Subject");
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void anEmbeddedMessageIsCheckedForItsOwnRequiredFields() {
        MessageAnalysis a = analyze(COMPLETE + "Content-Type: message/rfc822\r\n\r\nSubject: no date, no from\r\n"
                + "\r\nhello\r\n");

        assertThat(a.parts()).extracting(PartNode::path).containsExactly("", "1", "1.1");
        assertThat(a.problems()).extracting(Problem::kind, Problem::partPath).containsExactly(
                tuple(ProblemKind.MISSING_DATE, "1"), tuple(ProblemKind.MISSING_FROM, "1"),
                tuple(ProblemKind.MISSING_MESSAGE_ID, "1"));
    }

    @Test
    void aSecondFromOrSubjectIsAProblemAtItsLine() {
        // a From: put above the signed one: which of the two a mail program shows differs (RFC 6376 §8.15)
        MessageAnalysis a = analyze("From: Mallory <m@evil.test>\r\n" + COMPLETE + "Subject: one\r\nSubject: two\r\n"
                + "\r\nhello\r\n");

        assertThat(a.problems()).filteredOn(p -> p.kind() == ProblemKind.REPEATED_FIELD)
                .extracting(Problem::message, Problem::line).containsExactly(
                        tuple("the message has 2 From: fields; it may have one, and programs differ in which they show",
                                3L),
                        tuple("the message has 2 Subject: fields; it may have one, and programs differ in which they"
                                + " show", 7L));
        assertThat(analyze(COMPLETE + "Subject: one\r\n\r\nhello\r\n").problems()).extracting(Problem::kind)
                .doesNotContain(ProblemKind.REPEATED_FIELD);
    }

    @Test
    void anEncodedWordThatCannotDecodeIsKeptAsWrittenAndNamed() {
        MessageAnalysis a = analyze(COMPLETE + "Subject: before =?utf-8?b?###?= after =?utf-8?q?caf=C3=A9?=\r\n"
                + "\r\nhello\r\n");

        assertThat(a.parts().get(0).headers()).filteredOn(f -> f.hasName("Subject")).singleElement()
                .satisfies(f -> assertThat(f.decoded()).isEqualTo("before =?utf-8?b?###?= after café"));
        assertThat(a.problems()).filteredOn(p -> p.kind() == ProblemKind.BAD_ENCODED_WORD).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("=?utf-8?b?###?=").endsWith("shown as written"));
        assertThat(analyze(COMPLETE + "Subject: =?utf-8?q?caf=C3=A9_au_lait?= =?UTF-8?B?w6k=?=\r\n\r\nx\r\n")
                .problems()).extracting(Problem::kind).doesNotContain(ProblemKind.BAD_ENCODED_WORD);
    }

    @Test
    void nestingTooDeepIsListedButNotOpened() {
        StringBuilder m = new StringBuilder(COMPLETE);
        for (int i = 0; i < PartTreeBuilder.MAX_DEPTH + 5; i++) {
            m.append("Content-Type: message/rfc822\r\n\r\n");
        }
        m.append(COMPLETE).append("\r\ncore\r\n");
        MessageAnalysis a = analyze(m.toString());

        assertThat(a.parts()).hasSize(PartTreeBuilder.MAX_DEPTH + 2);
        assertThat(a.problems()).extracting(Problem::kind).contains(ProblemKind.NESTING_TOO_DEEP);
    }

    @Test
    void onlyTenOfAKindAreListedAndTheRestSummed() {
        StringBuilder m = new StringBuilder(COMPLETE.replace("\r\n", "\n")).append("\n");
        for (int i = 0; i < 20; i++) {
            m.append("line ").append(i).append('\n');
        }
        MessageAnalysis a = analyze(m.toString());

        assertThat(a.problems()).hasSize(ProblemCollector.LISTED_PER_KIND + 1)
                .allMatch(p -> p.kind() == ProblemKind.BARE_LF);
        Problem summary = a.problems().get(ProblemCollector.LISTED_PER_KIND);
        assertThat(summary.message()).startsWith("15 more like the above");
        assertThat(summary.line()).isEqualTo(11);
    }

    @Test
    void theDeepestPartOwnsAnOffsetButAMessageOwnsItsHeader() throws Exception {
        MessageAnalysis a = MessageAnalyzer.analyze(SampleMessages.get("forwarded.eml").bytes());
        Raw raw = Raw.of("forwarded.eml");

        assertThat(a.partAt(0).path()).isEmpty();
        assertThat(a.partAt(raw.offsetOf("Soup")).path()).isEqualTo("2.1");
        assertThat(a.partAt(raw.offsetOf("Subject: Note")).path()).isEqualTo("3");
        assertThat(a.partAt(raw.offsetOf("Bring an umbrella")).path()).isEqualTo("3.1");
        assertThat(MessageAnalyzer.analyze(SampleMessages.get("plain-text.eml").bytes()).partAt(10).path())
                .as("the header of a single-part message is the message's").isEmpty();
    }
}
