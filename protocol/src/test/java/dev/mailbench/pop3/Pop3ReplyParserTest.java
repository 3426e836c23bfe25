package dev.mailbench.pop3;

import static dev.mailbench.wire.Lines.octets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.ChunkedInputStream;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.Lines;
import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pop3ReplyParserTest {
    private static final boolean SINGLE_LINE = false;
    private static final boolean MULTI_LINE = true;

    @Test
    void aPositiveGreeting() {
        // RFC 1939 §7, the APOP example's greeting.
        Pop3Reply greeting = only("+OK POP3 server ready <1896.697170952@dbc.mit.edu>\r\n", SINGLE_LINE);

        assertThat(greeting.isOk()).isTrue();
        assertThat(greeting.status()).isEqualTo(Pop3Reply.Status.OK);
        assertThat(greeting.text()).isEqualTo("POP3 server ready <1896.697170952@dbc.mit.edu>");
        assertThat(greeting.code()).isEmpty();
        assertThat(greeting.multiLine()).isFalse();
        assertThat(greeting.content()).isEmpty();
        assertThat(greeting.issues()).isEmpty();
    }

    @Test
    void aBareStatusIndicatorHasNoText() {
        Pop3Reply ok = only("+OK\r\n", SINGLE_LINE);

        assertThat(ok.isOk()).isTrue();
        assertThat(ok.text()).isEmpty();
    }

    @Test
    void aResponseCodeInBracketsIsReadFromTheText() {
        // RFC 2449 §8.1.2 IN-USE, RFC 3206 §4 SYS/TEMP.
        Pop3Reply inUse = only("-ERR [IN-USE] Do you have another POP session running?\r\n", SINGLE_LINE);
        Pop3Reply sysTemp = only("-ERR [SYS/TEMP]\r\n", SINGLE_LINE);
        Pop3Reply lowerCase = only("-ERR [auth] Bad login\r\n", SINGLE_LINE);

        assertThat(inUse.isErr()).isTrue();
        assertThat(inUse.code()).contains("IN-USE");
        assertThat(inUse.text()).isEqualTo("[IN-USE] Do you have another POP session running?");
        assertThat(sysTemp.code()).contains("SYS/TEMP");
        assertThat(sysTemp.text()).isEqualTo("[SYS/TEMP]");
        assertThat(lowerCase.code()).contains("AUTH");
        assertThat(only("-ERR no such message, only 2 messages in maildrop\r\n", SINGLE_LINE).code()).isEmpty();
    }

    @Test
    void aContinuationCarriesTheChallengeDuringAuth() {
        // RFC 5034 §4: "+" SP base64 challenge.
        Pop3Reply challenge = only("+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n", SINGLE_LINE);
        Pop3Reply empty = only("+ \r\n", SINGLE_LINE);

        assertThat(challenge.status()).isEqualTo(Pop3Reply.Status.CONTINUATION);
        assertThat(challenge.text()).isEqualTo("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
        assertThat(empty.status()).isEqualTo(Pop3Reply.Status.CONTINUATION);
        assertThat(empty.text()).isEmpty();
    }

    @Test
    void aLineStartingWithNeitherIndicatorIsMalformedAndEndsTheResponse() {
        Pop3Reply smtpBanner = only("220 mail.example.test ESMTP\r\n", MULTI_LINE);

        assertThat(smtpBanner.status()).isEqualTo(Pop3Reply.Status.MALFORMED);
        assertThat(smtpBanner.text()).isEqualTo("220 mail.example.test ESMTP");
        assertThat(smtpBanner.multiLine()).isFalse();
        assertThat(smtpBanner.issues()).containsExactly("the response starts with neither +OK nor -ERR");
    }

    @Test
    void aNegativeAnswerToAMultiLineCommandIsOneLine() {
        // RFC 1939 §3: only a positive response is followed by the multi-line block.
        Pop3Reply err = only("-ERR no such message\r\n", MULTI_LINE);

        assertThat(err.isErr()).isTrue();
        assertThat(err.multiLine()).isFalse();
    }

    @Test
    void aMultiLineListEndsAtTheDotLine() {
        // RFC 1939 §5, the LIST example.
        Pop3Reply list = only("+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n", MULTI_LINE);

        assertThat(list.multiLine()).isTrue();
        assertThat(list.text()).isEqualTo("2 messages (320 octets)");
        assertThat(list.content()).isEqualTo(octets("1 120\r\n2 200\r\n"));
        assertThat(list.bodyLines()).containsExactly("1 120", "2 200");
        assertThat(list.issues()).isEmpty();
    }

    @Test
    void byteStuffedLinesLoseExactlyOneDot() {
        // RFC 1939 §3: a line of the message starting with "." is sent with another "." in front.
        Pop3Reply retr = only("+OK 120 octets\r\nSubject: dots\r\n\r\n..leading dot\r\n...\r\n..\r\nend\r\n.\r\n",
                MULTI_LINE);

        assertThat(retr.content()).isEqualTo(octets("Subject: dots\r\n\r\n.leading dot\r\n..\r\n.\r\nend\r\n"));
        assertThat(retr.issues()).isEmpty();
    }

    @Test
    void aTerminatorEndingInABareLfEndsTheResponseButIsReported() {
        Pop3Reply reply = only("+OK\r\nline\r\n.\n", MULTI_LINE);

        assertThat(reply.content()).isEqualTo(octets("line\r\n"));
        assertThat(reply.issues()).containsExactly("the terminating \".\" line ends with a bare LF");
    }

    @Test
    void bodyLinesEndingInABareLfAreKeptAsTheyAreAndReported() {
        Pop3Reply reply = only("+OK\r\nunix line\n.\r\n", MULTI_LINE);

        assertThat(reply.content()).isEqualTo(octets("unix line\n"));
        assertThat(reply.issues()).containsExactly("the body has lines ending with a bare LF");
    }

    @Test
    void aMultiLineResponseCutByTheEndOfTheConnectionIsDeliveredWithWhatCame() {
        Pop3Reply cut = only("+OK\r\nline one\r\nline tw", MULTI_LINE);

        assertThat(cut.isOk()).isTrue();
        assertThat(cut.multiLine()).isTrue();
        assertThat(cut.content()).isEqualTo(octets("line one\r\nline tw"));
        assertThat(cut.issues()).containsExactly("the connection ended before the terminating \".\" line");
    }

    @Test
    void aMultiLineResponseWithoutItsDotLineIsStillInProgress() {
        Pop3ReplyParser parser = new Pop3ReplyParser();
        for (Line line : Lines.of("+OK\r\nline one\r\n")) {
            assertThat(parser.accept(line, MULTI_LINE)).isNull();
        }
        assertThat(parser.inProgress()).isTrue();
    }

    @Test
    void piecesOfASplitLineAreNeitherUnstuffedNorTakenForTheEnd() {
        WireLimits small = new WireLimits(10, 16, true);
        String wire = "+OK\r\n" + "a".repeat(16) + ".\r\n" + "b".repeat(16) + "..x\r\n.\r\n";

        List<Pop3Reply> replies = responses(new ByteArrayInputStream(octets(wire)), small, MULTI_LINE);

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).content()).isEqualTo(octets("a".repeat(16) + ".\r\n" + "b".repeat(16) + "..x\r\n"));
        assertThat(replies.get(0).issues()).isEmpty();
    }

    @Test
    void aStatusLineTheReaderSplitIsJoinedBeforeItIsJudged() {
        WireLimits small = new WireLimits(10, 16, true);
        String status = "+OK " + "x".repeat(30);

        List<Pop3Reply> replies = responses(new ByteArrayInputStream(octets(status + "\r\nhello\r\n.\r\n")), small,
                MULTI_LINE);

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("x".repeat(30));
        assertThat(replies.get(0).content()).isEqualTo(octets("hello\r\n"));
    }

    @Test
    void aStatusLineLongerThan512OctetsIsReported() {
        // RFC 2449 §4: responses may be up to 512 octets, CRLF included.
        assertThat(only("+OK " + "x".repeat(506) + "\r\n", SINGLE_LINE).issues()).isEmpty();
        assertThat(only("+OK " + "x".repeat(507) + "\r\n", SINGLE_LINE).issues())
                .containsExactly("the status line is longer than 512 octets (RFC 2449 §4)");
    }

    @Test
    void aStatusLineThatIsNotUtf8IsReported() {
        Pop3Reply reply = only("+OK caf\u00e9\r\n", SINGLE_LINE); // é as the single octet 0xE9

        assertThat(reply.text()).isEqualTo("caf\uFFFD");
        assertThat(reply.issues()).containsExactly("the status line has bytes that are not valid UTF-8");
    }

    @Test
    void responsesFollowOneAnother() {
        Pop3ReplyParser parser = new Pop3ReplyParser();
        List<Line> lines = Lines.of("+OK 2 320\r\n+OK\r\n1 120\r\n2 200\r\n.\r\n");

        Pop3Reply stat = parser.accept(lines.get(0), SINGLE_LINE);
        assertThat(parser.accept(lines.get(1), MULTI_LINE)).isNull();
        assertThat(parser.accept(lines.get(2), MULTI_LINE)).isNull();
        assertThat(parser.accept(lines.get(3), MULTI_LINE)).isNull();
        Pop3Reply list = parser.accept(lines.get(4), MULTI_LINE);

        assertThat(stat.text()).isEqualTo("2 320");
        assertThat(list.bodyLines()).containsExactly("1 120", "2 200");
        assertThat(parser.inProgress()).isFalse();
    }

    @Test
    void theResponseIsTheSameWhereverTheBytesAreSplit() {
        byte[] wire = octets("+OK 120 octets\r\nSubject: x\r\n\r\n..dot\r\nline\n.\r\n");
        List<String> whole = describe(responses(new ByteArrayInputStream(wire), WireLimits.RFC, MULTI_LINE));

        assertThat(whole).hasSize(1);
        for (int at = 0; at <= wire.length; at++) {
            assertThat(describe(responses(ChunkedInputStream.splitAt(wire, at), WireLimits.RFC, MULTI_LINE)))
                    .as("split at %d", at).isEqualTo(whole);
        }
    }

    @Test
    void theOctetCountAnnouncedIsOnlyAHintForTheContent() {
        String message = "Subject: x\r\n\r\n..dot\r\nline\r\n";
        String content = "Subject: x\r\n\r\n.dot\r\nline\r\n"; // 31 octets once unstuffed (RFC 1939 §3)

        for (String announced : List.of("31", "0", "5", "4000", "9999999999", "99999999999")) {
            Pop3Reply retr = only("+OK " + announced + " octets\r\n" + message + ".\r\n", MULTI_LINE);
            assertThat(retr.text()).isEqualTo(announced + " octets");
            assertThat(new String(retr.content(), StandardCharsets.US_ASCII)).as("announced %s", announced)
                    .isEqualTo(content);
        }
    }

    private static Pop3Reply only(String octets, boolean multiLine) {
        List<Pop3Reply> replies = responses(new ByteArrayInputStream(octets(octets)), WireLimits.RFC, multiLine);
        assertThat(replies).as("responses in %s", octets).hasSize(1);
        return replies.get(0);
    }

    static List<Pop3Reply> responses(InputStream in, WireLimits limits, boolean multiLine) {
        Pop3ReplyParser parser = new Pop3ReplyParser();
        List<Pop3Reply> replies = new ArrayList<>();
        for (Line line : Lines.readAll(in, limits)) {
            Pop3Reply reply = parser.accept(line, multiLine);
            if (reply != null) {
                replies.add(reply);
            }
        }
        return replies;
    }

    /** A response as data, its content in hex: records compare arrays by identity. */
    static List<String> describe(List<Pop3Reply> replies) {
        return replies.stream()
                .map(r -> r.status() + "|" + r.text() + "|" + r.code() + "|" + r.multiLine() + "|"
                        + HexFormat.of().formatHex(r.content()) + "|" + r.issues())
                .toList();
    }
}
