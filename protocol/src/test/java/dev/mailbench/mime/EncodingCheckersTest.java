package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The base64 (RFC 2045 §6.8) and quoted-printable (RFC 2045 §6.7) checks on raw body bytes. */
class EncodingCheckersTest {

    /** The CSV sources write CR, LF and TAB as \\r, \\n and \\t. */
    private static byte[] bytes(String body) {
        return body.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").getBytes(US_ASCII);
    }

    private static Base64Checker base64(String body) {
        Base64Checker checker = new Base64Checker();
        byte[] bytes = bytes(body);
        checker.scan(bytes, 0, bytes.length, 0);
        checker.finish(bytes.length);
        return checker;
    }

    private static QuotedPrintableChecker qp(String body) {
        QuotedPrintableChecker checker = new QuotedPrintableChecker();
        byte[] bytes = bytes(body);
        // one byte at a time, so state carried across chunks is exercised
        for (int i = 0; i < bytes.length; i++) {
            checker.scan(bytes, i, 1, i);
        }
        checker.finish(bytes.length);
        return checker;
    }

    @ParameterizedTest(name = "\"{0}\" is well-formed base64")
    @CsvSource({"QUJD", "QUI=", "QQ==", "QUJD\\r\\nRUZH", "QU JD\\tRUZH\\r\\n", "''"})
    void wellFormedBase64(String body) {
        Base64Checker c = base64(body);
        assertThat(c.illegalCount()).isZero();
        assertThat(c.paddingProblem()).isNull();
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "QUJ        | ends with a group of 3 characters and no '=' padding | 2",
        "Q          | ends with a group of 1 character and no '=' padding  | 0",
        "QQ=        | needs 2 '=', not 1                                   | 2",
        "QUJD=      | follows a group of 0 characters                      | 4",
        "QQ==QUJD   | continues after the padding '=' at byte 2            | 4"})
    void badPadding(String body, String problem, long at) {
        Base64Checker c = base64(body);
        assertThat(c.paddingProblem()).contains(problem);
        assertThat(c.paddingProblemAt()).isEqualTo(at);
    }

    @ParameterizedTest(name = "\"{0}\" has {1} illegal characters, the first at {2}")
    @CsvSource({"QU*JD, 1, 2", "Q!U?J.D, 3, 1", "QUJD-_, 2, 4"})
    void charactersOutsideTheAlphabet(String body, long count, long first) {
        Base64Checker c = base64(body);
        assertThat(c.illegalCount()).isEqualTo(count);
        assertThat(c.firstIllegal()).isEqualTo(first);
    }

    @ParameterizedTest(name = "\"{0}\" is well-formed quoted-printable")
    @CsvSource({"caf=C3=A9", "lower =e9 is tolerated", "soft=\\r\\nbreak", "soft=  \\r\\nbreak with blanks",
        "LF soft=\\nbreak", "ends with a soft break =", "''"})
    void wellFormedQuotedPrintable(String body) {
        QuotedPrintableChecker c = qp(body);
        assertThat(c.badEscapes()).isZero();
        assertThat(c.badSoftBreaks()).isZero();
    }

    @ParameterizedTest(name = "\"{0}\": {2} bad escape(s), first \"{1}\"")
    @CsvSource({"=ZZ, =ZZ, 1", "a=4g, =4g, 1", "==41, =, 1", "=4, =4, 1", "x=G1 y=1H, =G1, 2", "=\\r\\r\\n, '', 0"})
    void badEscapes(String body, String first, long count) {
        QuotedPrintableChecker c = qp(body);
        assertThat(c.badEscapes()).isEqualTo(count);
        if (count > 0) {
            assertThat(c.firstBadEscapeText()).isEqualTo(first);
        }
    }

    @ParameterizedTest(name = "\"{0}\" has a bad soft break at {1}")
    @CsvSource({"a= b, 1", "text =\\t\\tmore, 5"})
    void badSoftBreaks(String body, long at) {
        QuotedPrintableChecker c = qp(body);
        assertThat(c.badSoftBreaks()).isEqualTo(1);
        assertThat(c.firstBadSoftBreak()).isEqualTo(at);
        assertThat(c.badEscapes()).isZero();
    }
}
