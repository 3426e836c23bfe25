package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two forms {@code mailbench inspect} prints: JSON for scripts, plain text for people. */
class AnalysisOutputTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MessageAnalysis analysis) {
        return (Map<String, Object>) StrictJson.parse(analysis.toJson());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void jsonListsEachPartWithPathTypeCharsetEncodingFilenameSizeAndRanges() {
        MessageAnalysis a = MessageAnalyzer.analyze(SampleMessages.get("mixed-attachments.eml").bytes());
        Map<String, Object> root = json(a);

        assertThat(root.keySet()).containsExactly("size", "notAMessage", "envelope", "headers", "receivedChain", "parts", "problems");
        assertThat(root.get("size")).isEqualTo(a.source().size());
        assertThat(root.get("notAMessage")).isNull();
        List<Map<String, Object>> parts = list(root.get("parts"));
        assertThat(parts).extracting(p -> p.get("path")).containsExactly("", "1", "1.1", "1.2", "2", "3");
        Map<String, Object> pdf = parts.get(5);
        PartNode expected = a.part("3").orElseThrow();
        assertThat(pdf).containsEntry("kind", "leaf")
                .containsEntry("contentType", "application/pdf")
                .containsEntry("charset", null)
                .containsEntry("encoding", "base64")
                .containsEntry("disposition", "attachment")
                .containsEntry("filename", "r\u00e9sum\u00e9 (final).pdf")
                .containsEntry("decodedSize", expected.decodedSize())
                .containsEntry("headerRange", Map.of("start", expected.headerRange().start(),
                        "end", expected.headerRange().end()))
                .containsEntry("bodyRange", Map.of("start", expected.bodyRange().start(),
                        "end", expected.bodyRange().end()));
        assertThat(parts.get(0)).containsEntry("kind", "message").containsEntry("children", 3L);
        assertThat(list(root.get("headers"))).extracting(h -> h.get("name")).contains("Subject", "MIME-Version");
        assertThat(list(root.get("problems"))).isEmpty();
    }

    @Test
    void jsonCarriesProblemsEmbeddedMessagesAndTheReceivedChain() {
        Map<String, Object> broken = json(MessageAnalyzer.analyze(SampleMessages.get("broken-bad-base64.eml").bytes()));
        assertThat(list(broken.get("problems"))).extracting(p -> p.get("severity"), p -> p.get("kind"),
                p -> p.get("rule"), p -> p.get("part"), p -> p.get("line")).containsExactly(
                        tuple("warning", "BASE64_ILLEGAL_CHARACTER", "RFC 2045 §6.8",
                                "2", 17L),
                        tuple("error", "BASE64_BAD_PADDING", "RFC 2045 §6.8", "3", 22L));

        Map<String, Object> forwarded = json(MessageAnalyzer.analyze(SampleMessages.get("forwarded.eml").bytes()));
        @SuppressWarnings("unchecked")
        Map<String, Object> embedded = (Map<String, Object>) list(forwarded.get("parts")).get(2).get("message");
        assertThat(embedded).containsEntry("contentType", "multipart/alternative");
        assertThat(list(embedded.get("headers"))).extracting(h -> h.get("decoded")).contains("Menu for Thursday");

        Map<String, Object> plain = json(MessageAnalyzer.analyze(SampleMessages.get("plain-text.eml").bytes(),
                Envelope.mailFrom("<alice@example.test>")));
        assertThat(list(plain.get("receivedChain"))).extracting(h -> h.get("timestamp"), h -> h.get("delaySeconds"))
                .containsExactly(tuple("2024-10-01T09:59:55Z", null),
                        tuple("2024-10-01T09:59:58Z", 3L),
                        tuple("2024-10-01T10:00:07Z", 9L));
        assertThat(plain.get("envelope")).isEqualTo(Map.of("mailFrom", "alice@example.test", "recipients", List.of()));
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        String subject = "say \"hi\" \\ back\u0001\u007f \u2028 \ud83d\udce8";
        byte[] message = ("Subject: " + subject + "\r\nX-Tab:\ta\tb\r\n\r\n").getBytes(UTF_8);
        Map<String, Object> root = json(MessageAnalyzer.analyze(message));

        assertThat(list(root.get("headers"))).extracting(h -> h.get("decoded")).containsExactly(subject, "a\tb");
        assertThat(MessageAnalyzer.analyze(message).toJson()).doesNotContain("\u0001").contains("\\u0001", "\\\"hi\\\"");
    }

    @Test
    void jsonEscapesALoneSurrogateRatherThanWritingInvalidText() {
        assertThat(JsonText.write(TextNode.valueOf("a\ud800b"))).isEqualTo("\"a\\ud800b\"");
    }

    @Test
    void textReportShowsTreeHeadersChainAndProblems() {
        String forwarded = MessageAnalyzer.analyze(SampleMessages.get("forwarded.eml").bytes()).toText();
        assertThat(forwarded)
                .startsWith("Message: 1192 bytes, 6 parts, 0 problems\n")
                .contains("\n  message  multipart/mixed  7bit  ")
                .contains("\n    2  message/rfc822  7bit  ")
                .contains("\n      (embedded message: multipart/alternative, header [415, 680))\n")
                .contains("\n      2.1  text/plain; charset=us-ascii  7bit  27 bytes  header [693, 739)  body [739, 766)\n")
                .contains("\n    3  message/rfc822  7bit  attachment  \"note.eml\"")
                .contains("\nHeaders\n  Date: Fri, 4 Oct 2024 09:00:00 +0000\n")
                .endsWith("\nProblems\n  none\n");

        String words = MessageAnalyzer.analyze(SampleMessages.get("encoded-words.eml").bytes()).toText();
        assertThat(words).contains("\n  Subject: Gr\u00fc\u00dfe aus M\u00fcnchen \u2014 und ein Gru\u00df\n"
                + "      encoded: =?UTF-8?B?");

        String plain = MessageAnalyzer.analyze(SampleMessages.get("plain-text.eml").bytes()).toText();
        assertThat(plain).contains("\nReceived chain (oldest first)\n  1. from [127.0.0.1] (localhost [127.0.0.1])"
                + " by laptop.example.test with SMTP  2024-10-01T09:59:55Z\n");
        assertThat(plain).contains(" with ESMTPS  2024-10-01T10:00:07Z  +9 s\n");

        String broken = MessageAnalyzer.analyze(SampleMessages.get("broken-unclosed-boundary.eml").bytes()).toText();
        assertThat(broken).contains("\n  ERROR   UNCLOSED_BOUNDARY  line 17, byte 435: the close delimiter "
                + "\"--never-closed--\" never appears in the message; its last part runs on to the end"
                + "  [RFC 2046 §5.1.1]\n");
    }
}
