package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a header section into fields, with the line rules Jakarta Mail uses. */
class HeaderSectionTest {

    private static List<HeaderField> fields(String section) {
        return HeaderSection.split(section.getBytes(UTF_8), 100).stream().map(HeaderSection.RawField::field).toList();
    }

    @Test
    void aFoldedFieldKeepsItsLineBreaksRawAndLosesThemUnfolded() {
        List<HeaderField> f = fields("Subject: one\r\n two\r\n\tthree\r\nTo: b@example.test\r\n\r\n");

        assertThat(f).extracting(HeaderField::name, HeaderField::raw, HeaderField::value).containsExactly(
                tuple("Subject", "Subject: one\r\n two\r\n\tthree", "one two\tthree"),
                tuple("To", "To: b@example.test", "b@example.test"));
        assertThat(f.get(0).range()).isEqualTo(ByteRange.of(100, 100 + 28));
        assertThat(f.get(1).range().start()).isEqualTo(f.get(0).range().end());
    }

    @Test
    void lineEndsMayBeLfCrOrTheCommonCrCrLfMistake() {
        List<HeaderField> f = fields("A: 1\nB: 2\rC: 3\r\r\nD: 4\r\n");

        assertThat(f).extracting(HeaderField::name, HeaderField::value)
                .containsExactly(tuple("A", "1"), tuple("B", "2"), tuple("C", "3"), tuple("D", "4"));
        assertThat(f.get(2).range().length()).as("C: 3 and CR CR LF").isEqualTo(7);
    }

    @Test
    void theEmptyLineEndsTheSection() {
        assertThat(fields("A: 1\r\n\r\nB: 2\r\n")).extracting(HeaderField::name).containsExactly("A");
        assertThat(fields("\r\nA: 1\r\n")).isEmpty();
        assertThat(fields("A: 1")).extracting(HeaderField::value).containsExactly("1");
    }

    @Test
    void malformedLinesAreKeptAndMarked() {
        List<HeaderField> f = fields("  X-Leading: blank\r\nSubject : obsolete but legal\r\nno colon\r\n"
                + "From alice Tue Oct  1 10:00:00 2024\r\n");

        assertThat(f).extracting(HeaderField::name, HeaderField::wellFormed).containsExactly(
                tuple("X-Leading", false),
                tuple("Subject", true),
                tuple("no colon", false),
                tuple("From alice Tue Oct  1 10", false));
    }

    @Test
    void rawBytesAreReadAsUtf8WhenTheyAreElseAsLatin1() {
        byte[] utf8 = "Subject: Gr\u00fc\u00dfe\r\n".getBytes(UTF_8);
        byte[] latin1 = "Subject: Gr\u00fc\u00dfe\r\n".getBytes(ISO_8859_1);

        HeaderSection.RawField fromUtf8 = HeaderSection.split(utf8, 0).get(0);
        HeaderSection.RawField fromLatin1 = HeaderSection.split(latin1, 0).get(0);

        assertThat(fromUtf8.field().value()).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(fromLatin1.field().value()).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(fromUtf8.firstEightBit()).isEqualTo(11);
        assertThat(fromLatin1.firstEightBit()).isEqualTo(11);
    }

    @Test
    void encodedWordsAreDecodedAndUnknownCharsetsNamed() {
        HeaderSection.RawField f = HeaderSection.split(
                "Subject: =?utf-8?q?caf=C3=A9?= and =?x-nothing?q?abc?=\r\n".getBytes(UTF_8), 0).get(0);

        assertThat(f.field().decoded()).isEqualTo("caf\u00e9 and =?x-nothing?q?abc?=");
        assertThat(f.unknownCharsets()).containsExactly("x-nothing");
    }

    @Test
    void aHugeHeaderSectionIsCutAfterTheFieldLimit() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < HeaderSection.MAX_FIELDS + 50; i++) {
            many.append("X-N: ").append(i).append("\r\n");
        }
        many.append("\r\nbody\r\n");
        MessageAnalysis a = MessageAnalyzer.analyze(many.toString().getBytes(UTF_8));

        assertThat(a.headers()).hasSize(HeaderSection.MAX_FIELDS);
        assertThat(a.problems()).extracting(Problem::kind).contains(ProblemKind.HEADER_SECTION_TOO_LONG);
        assertThat(a.part("1").orElseThrow().bodyRange().length()).isEqualTo(6);
    }
}
