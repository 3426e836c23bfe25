package dev.mailbench.smtp;

import static dev.mailbench.wire.Lines.octets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.ChunkedInputStream;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.Lines;
import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpReplyParserTest {

    @Test
    void aSingleLineReplyIsCompleteAtOnce() {
        SmtpReply greeting = onlyReply(Walkthrough004.GREETING);

        assertThat(greeting.code()).isEqualTo(220);
        assertThat(greeting.lines()).containsExactly(
                "C34495-51701 Microsoft ESMTP MAIL Service, Version: 6.0.3790.3959 ready at  Fri, 25 Sep 2009 14:27:48 +0200");
        assertThat(greeting.issues()).isEmpty();
        assertThat(greeting.isPositive()).isTrue();
        assertThat(greeting.enhancedStatus()).isEmpty();
    }

    @Test
    void theHeloReplyOfWalkthrough001() {
        SmtpReply helo = onlyReply("250 London.nwtraders.msft\r\n");

        assertThat(helo.code()).isEqualTo(250);
        assertThat(helo.message()).isEqualTo("London.nwtraders.msft");
        assertThat(helo.issues()).isEmpty();
    }

    @Test
    void aMultiLineReplyEndsAtTheLineWithASpaceAfterTheCode() {
        SmtpReplyParser parser = new SmtpReplyParser();
        List<Line> lines = Lines.of(Walkthrough004.EHLO_REPLY);

        for (Line line : lines.subList(0, lines.size() - 1)) {
            assertThat(parser.accept(line)).as("%s continues the reply", line).isNull();
            assertThat(parser.inProgress()).isTrue();
        }
        SmtpReply ehlo = parser.accept(lines.get(lines.size() - 1));

        assertThat(parser.inProgress()).isFalse();
        assertThat(ehlo.code()).isEqualTo(250);
        assertThat(ehlo.lines()).hasSize(14).startsWith("C34495-51701 Hello [93.62.0.xxx]", "AUTH GSSAPI NTLM LOGIN")
                .endsWith("VRFY", "OK");
        assertThat(ehlo.issues()).isEmpty();
        assertThat(ehlo.wireLines()).first().isEqualTo("250-C34495-51701 Hello [93.62.0.xxx]");
        assertThat(ehlo.wireLines()).last().isEqualTo("250 OK");
    }

    @Test
    void theReplyIsTheSameWhereverTheBytesAreSplit() {
        byte[] wire = octets(Walkthrough004.EHLO_REPLY + Walkthrough004.RCPT_REPLY);
        List<SmtpReply> whole = replies(new ByteArrayInputStream(wire), WireLimits.RFC);

        assertThat(whole).hasSize(2);
        for (int at = 0; at <= wire.length; at++) {
            assertThat(replies(ChunkedInputStream.splitAt(wire, at), WireLimits.RFC)).as("split at %d", at)
                    .isEqualTo(whole);
        }
        assertThat(replies(ChunkedInputStream.byteByByte(wire), WireLimits.RFC)).isEqualTo(whole);
    }

    @Test
    void aBareCodeIsALastLineWithNoText() {
        // RFC 5321 §4.2: Reply-code [ SP textstring ] CRLF, the text is optional.
        SmtpReply bare = onlyReply("250\r\n");
        SmtpReply emptyContinuation = onlyReply("250-\r\n250 OK\r\n");

        assertThat(bare.code()).isEqualTo(250);
        assertThat(bare.lines()).containsExactly("");
        assertThat(bare.issues()).isEmpty();
        assertThat(emptyContinuation.lines()).containsExactly("", "OK");
        assertThat(emptyContinuation.issues()).isEmpty();
    }

    @Test
    void consecutiveRepliesAreDeliveredOneByOne() {
        List<SmtpReply> pipelined = replies("250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n354 Go ahead\r\n");

        assertThat(pipelined).extracting(SmtpReply::code).containsExactly(250, 250, 354);
    }

    @Test
    void aFirstLineWithoutACodeIsDeliveredAtOnceAsAMalformedReply() {
        SmtpReplyParser parser = new SmtpReplyParser();

        SmtpReply reply = parser.accept(Line.of("Hello, this is not SMTP\r\n"));

        assertThat(reply).isNotNull();
        assertThat(reply.code()).isZero();
        assertThat(reply.lines()).containsExactly("Hello, this is not SMTP");
        assertThat(reply.issues()).containsExactly(ReplyIssue.NO_CODE);
        assertThat(reply.isMalformed()).isTrue();
        assertThat(parser.inProgress()).isFalse();
    }

    @Test
    void aLineWithoutACodeInsideAReplyIsKeptAndTheReplyGoesOn() {
        SmtpReply reply = onlyReply("250-first\r\n  indented text\r\n250 last\r\n");

        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.lines()).containsExactly("first", "  indented text", "last");
        assertThat(reply.issues()).containsExactly(ReplyIssue.NO_CODE);
    }

    @Test
    void digitsOfOtherScriptsAreNotACode() {
        // RFC 5321 §4.2: Reply-code = %x32-35 %x30-35 %x30-39, ASCII digits only; these are Arabic-Indic 2, 5, 0.
        SmtpReply reply = new SmtpReplyParser().accept(Line.of("\u0662\u0665\u0660 OK\r\n"));

        assertThat(reply.code()).isZero();
        assertThat(reply.issues()).containsExactly(ReplyIssue.NO_CODE);
    }

    @Test
    void aContinuationWithAnotherCodeIsAMismatch() {
        // RFC 5321 §4.2.1: every line of a multi-line reply carries the same code.
        SmtpReply reply = onlyReply("250-first\r\n251 last\r\n");

        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.lines()).containsExactly("first", "last");
        assertThat(reply.issues()).containsExactly(ReplyIssue.CODE_MISMATCH);
        assertThat(reply.isMalformed()).isTrue();
    }

    @Test
    void aCodeFollowedByNeitherSpaceNorHyphenIsABadSeparator() {
        SmtpReply reply = onlyReply("250OK\r\n");

        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.lines()).containsExactly("OK");
        assertThat(reply.issues()).containsExactly(ReplyIssue.BAD_SEPARATOR);
    }

    @Test
    void codesWhoseFirstDigitIsNot2To5AreInvalid() {
        SmtpReply tooHigh = onlyReply("699 what\r\n");
        SmtpReply tooLow = onlyReply("100 continue\r\n");

        assertThat(tooHigh.code()).isEqualTo(699);
        assertThat(tooHigh.issues()).containsExactly(ReplyIssue.INVALID_CODE);
        assertThat(tooLow.code()).isEqualTo(100);
        assertThat(tooLow.issues()).containsExactly(ReplyIssue.INVALID_CODE);
        assertThat(tooLow.isMalformed()).isTrue();
    }

    @Test
    void aBareLfIsReported() {
        SmtpReply reply = onlyReply("250-first\n250 OK\r\n");

        assertThat(reply.lines()).containsExactly("first", "OK");
        assertThat(reply.issues()).containsExactly(ReplyIssue.BARE_LF);
    }

    @Test
    void aBareCrIsReported() {
        assertThat(onlyReply("250 O\rK\r\n").issues()).containsExactly(ReplyIssue.BARE_CR);
    }

    @Test
    void aReplyLineLongerThan512OctetsIsOverlong() {
        // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including the code and CRLF.
        assertThat(onlyReply("250 " + "x".repeat(506) + "\r\n").issues()).isEmpty();
        assertThat(onlyReply("250 " + "x".repeat(507) + "\r\n").issues()).containsExactly(ReplyIssue.OVERLONG);
    }

    @Test
    void a2000OctetLineIsOverlongAndKeptWhole() {
        SmtpReply reply = onlyReply("250 " + "x".repeat(1994) + "\r\n");

        assertThat(reply.lines()).containsExactly("x".repeat(1994));
        assertThat(reply.issues()).containsExactly(ReplyIssue.OVERLONG);
    }

    @Test
    void aLineTheReaderSplitIsJoinedAgainBeforeItIsJudged() {
        WireLimits small = new WireLimits(10, 16, true);
        String first = "a".repeat(40);
        // Split after 16 octets, the rest of this line would look like a line of its own: "354-Go on".
        String second = "b".repeat(12) + "354-Go on";

        List<SmtpReply> replies = replies(new ByteArrayInputStream(octets(
                "250-" + first + "\r\n250 " + second + "\r\n221 " + ".".repeat(30) + "\r\n")), small);

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).code()).isEqualTo(250);
        assertThat(replies.get(0).lines()).containsExactly(first, second);
        assertThat(replies.get(0).issues()).containsExactly(ReplyIssue.OVERLONG);
        assertThat(replies.get(1).code()).isEqualTo(221);
        assertThat(replies.get(1).lines()).containsExactly(".".repeat(30));
    }

    @Test
    void octetsThatAreNotUtf8AreReported() {
        SmtpReply reply = onlyReply("250 caf\u00e9\r\n"); // é as the single octet 0xE9

        assertThat(reply.lines()).containsExactly("caf\uFFFD");
        assertThat(reply.issues()).containsExactly(ReplyIssue.NON_ASCII);
    }

    @Test
    void aNulIsReported() {
        SmtpReply reply = onlyReply("250 a\0b\r\n");

        assertThat(reply.lines()).containsExactly("a\0b");
        assertThat(reply.issues()).containsExactly(ReplyIssue.NUL);
    }

    @Test
    void aReplyCutByTheEndOfTheConnectionIsDeliveredAsTruncated() {
        SmtpReply midReply = onlyReply("250-first\r\n250-sec");
        SmtpReply midLine = onlyReply("250 O");

        assertThat(midReply.lines()).containsExactly("first", "sec");
        assertThat(midReply.issues()).containsExactly(ReplyIssue.TRUNCATED);
        assertThat(midLine.lines()).containsExactly("O");
        assertThat(midLine.issues()).containsExactly(ReplyIssue.TRUNCATED);
    }

    @Test
    void aReplyCutBeforeItsLastLineIsStillInProgress() {
        SmtpReplyParser parser = new SmtpReplyParser();
        for (Line line : Lines.of("250-first\r\n250-second\r\n")) {
            assertThat(parser.accept(line)).isNull();
        }
        assertThat(parser.inProgress()).isTrue();
    }

    @Test
    void theEnhancedStatusCodeIsReadFromTheFirstLine() {
        // RFC 2034 §4 / RFC 3463 §2: class.subject.detail right after the reply code.
        SmtpReply rcpt = onlyReply(Walkthrough004.RCPT_REPLY);
        SmtpReply queued = onlyReply(Walkthrough004.DATA_REPLY);

        assertThat(rcpt.enhancedStatus()).contains(new EnhancedStatus(2, 1, 5));
        assertThat(rcpt.message()).isEqualTo("test@myrocode.com");
        assertThat(rcpt.issues()).isEmpty();
        assertThat(queued.enhancedStatus()).contains(new EnhancedStatus(2, 6, 0));
        assertThat(queued.message()).isEqualTo("<C34495-51701DcBi4FS00000001@C34495-51701> Queued mail for delivery");
    }

    @Test
    void anEnhancedStatusWrittenWithLeadingZerosIsStillSkippedWhole() {
        SmtpReply reply = onlyReply("250 2.01.05 Sender OK\r\n");

        assertThat(reply.enhancedStatus()).contains(new EnhancedStatus(2, 1, 5));
        assertThat(reply.message()).isEqualTo("Sender OK");
    }

    @Test
    void anEnhancedStatusOfAnotherClassThanTheReplyIsFlagged() {
        SmtpReply reply = onlyReply("550 2.1.5 Recipient OK\r\n");

        assertThat(reply.enhancedStatus()).contains(new EnhancedStatus(2, 1, 5));
        assertThat(reply.issues()).containsExactly(ReplyIssue.ENHANCED_CLASS_MISMATCH);
        assertThat(reply.isPermanent()).isTrue();
    }

    @Test
    void textThatOnlyLooksLikeAnEnhancedStatusIsNotOne() {
        assertThat(onlyReply("250 2.1.5ok\r\n").enhancedStatus()).isEmpty();
        assertThat(onlyReply("250 3.1.5 ok\r\n").enhancedStatus()).isEmpty();
        assertThat(onlyReply("250 OK 2.1.5\r\n").enhancedStatus()).isEmpty();
        assertThat(onlyReply("250 OK\r\n").message()).isEqualTo("OK");
    }

    private static SmtpReply onlyReply(String octets) {
        List<SmtpReply> replies = replies(octets);
        assertThat(replies).as("replies in %s", octets).hasSize(1);
        return replies.get(0);
    }

    private static List<SmtpReply> replies(String octets) {
        return replies(new ByteArrayInputStream(octets(octets)), WireLimits.RFC);
    }

    static List<SmtpReply> replies(InputStream in, WireLimits limits) {
        SmtpReplyParser parser = new SmtpReplyParser();
        List<SmtpReply> replies = new ArrayList<>();
        for (Line line : Lines.readAll(in, limits)) {
            SmtpReply reply = parser.accept(line);
            if (reply != null) {
                replies.add(reply);
            }
        }
        return replies;
    }
}
