package dev.mailbench.server.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.server.Personality;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the practice server advertises, in each personality, the catalogue explains: every EHLO keyword
 * (RFC 5321 §4.1.1.1), every CAPA capability (RFC 2449 §6), every SASL mechanism listed with them. The lists are
 * read from the running server, so an extension added to it without a sentence fails here.
 */
class AdvertisedCapabilityCatalogueTest {

    private final Catalogue catalogue = Catalogue.english();

    @TempDir
    Path temp;

    static List<String> personalities() {
        return Personality.BUILT_IN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void everyEhloKeywordAndCapaNameHasItsSentence(String personality) throws Exception {
        ServerConfig config = DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0).withPersonality(personality);
        List<String> ehloLines;
        List<String> capaLines;
        try (PracticeServer server = PracticeServer.start(config);
             SmtpClientSession smtp = new SmtpClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()));
             Pop3ClientSession pop3 = new Pop3ClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
            smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE);
            SmtpReply ehlo = smtp.ehlo("client.example.test");
            ehloLines = ehlo.lines().subList(1, ehlo.lines().size());
            pop3.connect("127.0.0.1", server.pop3Port(), TlsMode.NONE);
            Pop3Reply capa = pop3.capa();
            capaLines = capa.bodyLines();
        }

        // the server offers TLS before it is active, so STARTTLS and STLS are among them
        assertThat(ehloLines).anySatisfy(line -> assertThat(line).startsWith("STARTTLS"));
        assertThat(capaLines).anySatisfy(line -> assertThat(line).startsWith("STLS"));
        List<String> mechanisms = new ArrayList<>();
        for (String line : ehloLines) {
            String[] words = line.strip().split("\\s+");
            assertThat(catalogue.ehloKeyword(words[0])).as("smtp.ehlo.%s", words[0]).isPresent();
            if (words[0].regionMatches(true, 0, "AUTH", 0, 4)) {
                mechanisms.addAll(List.of(words).subList(1, words.length));
            }
        }
        for (String line : capaLines) {
            String[] words = line.strip().split("\\s+");
            assertThat(catalogue.pop3Capability(words[0])).as("pop3.capa.%s", words[0]).isPresent();
            if (words[0].equalsIgnoreCase("SASL")) {
                mechanisms.addAll(List.of(words).subList(1, words.length));
            }
        }
        assertThat(mechanisms).isNotEmpty()
                .allSatisfy(mechanism -> assertThat(catalogue.saslMechanism(mechanism)).as("sasl.%s", mechanism).isPresent());
    }
}
