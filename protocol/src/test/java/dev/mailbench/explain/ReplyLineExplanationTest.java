package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Explanations that go past the reply code: the keyword of each EHLO reply line, what -ERR means for the command
 * it answers, the numbers of a LIST or UIDL listing line, the capability of a CAPA line.
 */
class ReplyLineExplanationTest {

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();

    private EventExplainer explainer(MailProtocol protocol) {
        EventExplainer explainer = new EventExplainer(protocol, catalogue);
        transcript.addListener(explainer);
        return explainer;
    }

    private TranscriptEvent client(String line) {
        return transcript.record(Direction.CLIENT, (line + "\r\n").getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
    }

    private TranscriptEvent server(String line) {
        return transcript.record(Direction.SERVER, (line + "\r\n").getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
    }

    private static String value(Explanation explanation, String label) {
        return explanation.fields().stream().filter(f -> f.label().equalsIgnoreCase(label))
                .map(Explanation.Field::value).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- EHLO

    private List<TranscriptEvent> ehlo(String... replyLines) {
        server("220 mx.example.test ESMTP");
        client("EHLO client.example.test");
        return Arrays.stream(replyLines).map(this::server).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "PIPELINING, RFC 2920",
            "SIZE, RFC 1870",
            "8BITMIME, RFC 6152",
            "STARTTLS, RFC 3207",
            "AUTH PLAIN LOGIN, RFC 4954",
            "DSN, RFC 3461",
            "SMTPUTF8, RFC 6531",
            "CHUNKING, RFC 3030",
            "BINARYMIME, RFC 3030",
            "ENHANCEDSTATUSCODES, RFC 2034",
            "ETRN, RFC 1985",
            "VRFY, RFC 5321",
            "HELP, RFC 5321",
            "DELIVERBY 240, RFC 2852",
            "REQUIRETLS, RFC 8689",
            "auth=login, RFC 4954",
    })
    void eachEhloLineIsExplainedByItsKeywordFirst(String extension, String rfc) {
        EventExplainer explainer = explainer(MailProtocol.SMTP);
        List<TranscriptEvent> reply = ehlo("250-mx.example.test Hello", "250-" + extension, "250 HELP");

        Explanation explanation = explainer.explain(reply.get(1).sequence());

        String keyword = extension.split(" ")[0];
        // AUTH=LOGIN is the pre-RFC 4954 spelling of AUTH, explained as such
        String name = keyword.toUpperCase(Locale.ROOT).replaceFirst("=.*", "=");
        assertThat(explanation.sentences().get(0)).startsWith(name).contains(rfc);
        assertThat(explanation.sentences()).contains(catalogue.smtpReply(250));
        assertThat(value(explanation, "extension")).isEqualTo(keyword);
    }

    @Test
    void theFirstEhloLineGreetsAndAuthLinesExplainTheirMechanisms() {
        EventExplainer explainer = explainer(MailProtocol.SMTP);
        List<TranscriptEvent> reply = ehlo("250-mx.example.test Hello", "250-AUTH PLAIN CRAM-MD5", "250-SIZE 10240000",
                "250 X-SHINY");

        assertThat(explainer.explain(reply.get(0).sequence()).sentences().get(0)).isEqualTo(catalogue.ehloGreeting());
        assertThat(explainer.explain(reply.get(1).sequence()).sentences())
                .contains(catalogue.saslMechanism("PLAIN").orElseThrow(), catalogue.saslMechanism("CRAM-MD5").orElseThrow())
                .anySatisfy(sentence -> assertThat(sentence).contains("RFC 4616"))
                .anySatisfy(sentence -> assertThat(sentence).contains("RFC 2195"));
        assertThat(explainer.explain(reply.get(2).sequence()).sentences())
                .anySatisfy(sentence -> assertThat(sentence).contains("10240000 octets"));
        assertThat(explainer.explain(reply.get(3).sequence()).sentences().get(0))
                .isEqualTo(catalogue.ehloUnknownKeyword());
    }

    @Test
    void aLineOfAnotherPositiveReplyIsNotTakenForAKeyword() {
        EventExplainer explainer = explainer(MailProtocol.SMTP);
        server("220 mx.example.test ESMTP");
        client("HELP");
        TranscriptEvent help = server("250 PIPELINING is not a keyword here");

        assertThat(explainer.explain(help.sequence()).sentences()).first().isEqualTo(catalogue.smtpReply(250));
    }

    // ---------------------------------------------------------------- POP3 -ERR

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "USER nobody, USER",
            "PASS wrong, PASS",
            "RETR 9, RETR",
            "DELE 9, DELE",
            "TOP 1 x, TOP",
            "LIST 9, LIST",
            "UIDL 9, UIDL",
            "STLS, STLS",
            "CAPA, CAPA",
            "QUIT, QUIT",
    })
    void errMeansWhatItMeansForTheCommandItAnswers(String command, String verb) {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        server("+OK POP3 ready");
        client(command);
        TranscriptEvent err = server("-ERR no");

        List<String> sentences = explainer.explain(err.sequence()).sentences();

        assertThat(sentences.get(0)).isEqualTo(catalogue.pop3Error(verb).orElseThrow())
                .startsWith("-ERR to " + verb).contains("RFC");
        assertThat(sentences).doesNotContain(catalogue.pop3Status(false));
    }

    @Test
    void errToAnUnknownCommandAndAsTheGreetingHaveTheirOwnSentences() {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        TranscriptEvent greeting = server("-ERR go away");
        client("XYZZY");
        TranscriptEvent unknown = server("-ERR unknown command");

        assertThat(explainer.explain(greeting.sequence()).sentences())
                .contains(catalogue.pop3Error("greeting").orElseThrow());
        assertThat(explainer.explain(unknown.sequence()).sentences().get(0))
                .isEqualTo(catalogue.pop3ErrorToUnknownCommand());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({
            "IN-USE, RFC 2449",
            "LOGIN-DELAY, RFC 2449",
            "SYS/TEMP, RFC 3206",
            "SYS/PERM, RFC 3206",
            "AUTH, RFC 3206",
    })
    void aResponseCodeIsExplainedAfterTheCommandsMeaning(String code, String rfc) {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        server("+OK POP3 ready");
        client("USER alice");
        server("+OK");
        client("PASS secret");
        TranscriptEvent err = server("-ERR [" + code + "] not now");

        Explanation explanation = explainer.explain(err.sequence());

        assertThat(explanation.sentences().get(0)).isEqualTo(catalogue.pop3Error("PASS").orElseThrow());
        assertThat(explanation.sentences().get(1)).isEqualTo(catalogue.pop3ResponseCode(code).orElseThrow()).contains(rfc);
        assertThat(value(explanation, "response code")).isEqualTo("[" + code + "]");
    }

    // ---------------------------------------------------------------- LIST and UIDL listings

    private void loggedIn() {
        server("+OK POP3 ready");
        client("USER alice");
        server("+OK");
        client("PASS secret");
        server("+OK 2 messages");
    }

    @Test
    void eachListLineSaysWhichMessageHasWhichSize() {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        loggedIn();
        client("LIST");
        server("+OK 2 messages (320 octets)");
        TranscriptEvent first = server("1 120");
        TranscriptEvent second = server("2 200");
        server(".");

        Explanation one = explainer.explain(first.sequence());
        Explanation two = explainer.explain(second.sequence());

        assertThat(one.sentences().get(0)).startsWith("Message 1 is 120 octets").contains("RFC 1939 §5");
        assertThat(two.sentences().get(0)).startsWith("Message 2 is 200 octets");
        assertThat(value(two, "message")).isEqualTo("2");
        assertThat(value(two, "octets")).isEqualTo("200");
        assertThat(one.sentences()).contains(catalogue.eventSentence("pop3.body"));
    }

    @Test
    void eachUidlLineSaysWhichMessageHasWhichUniqueId() {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        loggedIn();
        client("UIDL");
        server("+OK");
        TranscriptEvent line = server("1 whqtswO00WBw418f9t5JxYwZ");
        TranscriptEvent broken = server("two QhdPYR:00WBw1Ph7x7");
        server(".");

        Explanation explanation = explainer.explain(line.sequence());

        // the broken line makes the whole response malformed: each of its lines says so first, then what it says
        assertThat(explanation.sentences().get(0)).startsWith("Malformed response: a UIDL line");
        assertThat(explanation.sentences().get(1))
                .startsWith("Message 1's unique id is whqtswO00WBw418f9t5JxYwZ").contains("RFC 1939 §7");
        assertThat(value(explanation, "unique id")).isEqualTo("whqtswO00WBw418f9t5JxYwZ");
        assertThat(explainer.explain(broken.sequence()).sentences()).first().asString()
                .startsWith("Malformed response: a UIDL line");
    }

    @Test
    void aListOfOneMessageIsExplainedOnItsStatusLine() {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        loggedIn();
        client("LIST 2");
        TranscriptEvent status = server("+OK 2 200");
        client("UIDL 1");
        TranscriptEvent uid = server("+OK 1 whqtswO00WBw418f9t5JxYwZ");

        assertThat(explainer.explain(status.sequence()).sentences()).contains(catalogue.pop3ScanLine("LIST", 2, "200"));
        assertThat(explainer.explain(uid.sequence()).sentences())
                .contains(catalogue.pop3ScanLine("UIDL", 1, "whqtswO00WBw418f9t5JxYwZ"));
    }

    // ---------------------------------------------------------------- CAPA

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TOP, RFC 2449 §6.1",
            "USER, RFC 2449 §6.2",
            "SASL PLAIN LOGIN, RFC 2449 §6.3",
            "RESP-CODES, RFC 2449 §6.4",
            "LOGIN-DELAY 900, RFC 2449 §6.5",
            "PIPELINING, RFC 2449 §6.6",
            "EXPIRE NEVER, RFC 2449 §6.7",
            "UIDL, RFC 2449 §6.8",
            "IMPLEMENTATION Shlemazle-Plotz-v302, RFC 2449 §6.9",
            "STLS, RFC 2595",
            "AUTH-RESP-CODE, RFC 3206",
    })
    void eachCapaLineIsExplainedByItsCapability(String line, String rfc) {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        server("+OK POP3 ready");
        client("CAPA");
        server("+OK Capability list follows");
        TranscriptEvent capability = server(line);
        server(".");

        Explanation explanation = explainer.explain(capability.sequence());

        String name = line.split(" ")[0];
        assertThat(explanation.sentences().get(0)).startsWith(name).contains(rfc);
        assertThat(value(explanation, "capability")).isEqualTo(name);
    }

    @Test
    void capaSaslLinesExplainTheirMechanismsAndUnknownCapabilitiesSaySo() {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        server("+OK POP3 ready");
        client("CAPA");
        server("+OK");
        TranscriptEvent sasl = server("SASL PLAIN CRAM-MD5");
        TranscriptEvent own = server("X-SHINY");
        server(".");

        assertThat(explainer.explain(sasl.sequence()).sentences())
                .contains(catalogue.saslMechanism("PLAIN").orElseThrow(), catalogue.saslMechanism("CRAM-MD5").orElseThrow());
        assertThat(explainer.explain(own.sequence()).sentences().get(0)).isEqualTo(catalogue.pop3UnknownCapability());
    }

    @Test
    void aRetrievedMessageLineIsNotTakenForACapabilityOrAListing() {
        EventExplainer explainer = explainer(MailProtocol.POP3);
        loggedIn();
        client("RETR 1");
        server("+OK 5 octets");
        TranscriptEvent text = server("1 2");
        server(".");

        assertThat(explainer.explain(text.sequence()).sentences()).first().isEqualTo(catalogue.eventSentence("pop3.body"));
    }
}
