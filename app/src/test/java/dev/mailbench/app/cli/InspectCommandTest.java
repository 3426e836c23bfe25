package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailbench inspect} over the sample corpus. */
class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheTreeHeadersAndProblems() throws Exception {
        Path file = sample("broken-unclosed-boundary.eml");
        StringWriter out = new StringWriter();
        int code = new CommandLine(new InspectCommand()).setOut(new PrintWriter(out, true)).execute(file.toString());
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("multipart/mixed", "Subject: Cut off", "UNCLOSED_BOUNDARY", "RFC 2046 §5.1.1");
    }

    @Test
    void printsJsonWithPathsAndByteRanges() throws Exception {
        Path file = sample("mixed-attachments.eml");
        StringWriter out = new StringWriter();
        int code = new CommandLine(new InspectCommand()).setOut(new PrintWriter(out, true)).execute(file.toString(), "--json");
        assertThat(code).isZero();
        String json = out.toString().trim();
        assertThat(json).startsWith("{").endsWith("}").contains("\"path\"", "\"contentType\"", "image/png");
    }

    @Test
    void jsonCarriesTheAuthenticationOfASignedMessage() throws Exception {
        Path file = sample("signed-dkim-arc.eml");
        Path keys = sample("signed-dkim-arc.zone");
        StringWriter out = new StringWriter();
        int code = new CommandLine(new InspectCommand()).setOut(new PrintWriter(out, true))
                .execute(file.toString(), "--json", "--dkim-keys", keys.toString(), "--trust", "list.example.test");

        assertThat(code).isZero();
        JsonNode authentication = new ObjectMapper().readTree(out.toString()).get("authentication");
        assertThat(authentication.get("dnsUsed").asBoolean()).isFalse();
        JsonNode dkim = authentication.get("dkim").get(0);
        assertThat(List.of(dkim.get("domain").asText(), dkim.get("selector").asText(), dkim.get("algorithm").asText(),
                dkim.get("bodyHash").asText(), dkim.get("signature").asText()))
                .containsExactly("example.test", "rsa2048", "rsa-sha256", "pass", "pass");
        assertThat(authentication.get("arc").get("chain").asText()).isEqualTo("pass");
        assertThat(authentication.get("arc").get("sets")).hasSize(2);
        JsonNode groups = authentication.get("authenticationResults");
        assertThat(groups.get(0).get("authservId").asText()).isEqualTo("list.example.test");
        assertThat(groups.get(0).get("trusted").asBoolean()).isTrue();
        assertThat(groups.get(1).get("trusted").asBoolean()).isFalse();
        JsonNode timeline = authentication.get("receivedTimeline");
        assertThat(timeline).hasSize(4);
        assertThat(timeline.get(2).get("warnings").get(0).asText()).startsWith("a gap of 1 h 19 min");
    }

    @Test
    void withoutKeysTheTextSaysNoDnsWasUsedAndTheSignatureHasNoKey() throws Exception {
        Path file = sample("signed-dkim-arc.eml");
        StringWriter out = new StringWriter();
        new CommandLine(new InspectCommand()).setOut(new PrintWriter(out, true)).execute(file.toString());

        assertThat(out.toString()).contains("No DNS was used", "body hash pass", "signature no-key");
    }

    @Test
    void aPngSaysFirstThatItIsNoMessageInTextAndJson() throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("photo.png");
        ImageIO.write(image, "png", png.toFile());

        StringWriter text = new StringWriter();
        int code = new CommandLine(new InspectCommand()).setOut(new PrintWriter(text, true)).execute(png.toString());
        StringWriter json = new StringWriter();
        new CommandLine(new InspectCommand()).setOut(new PrintWriter(json, true)).execute(png.toString(), "--json");

        assertThat(code).isZero();
        assertThat(text.toString()).startsWith("This does not look like an e-mail message: it starts like a PNG image.")
                .contains("problems");
        assertThat(json.toString()).contains("\"notAMessage\": \"This does not look like an e-mail message");
    }

    @Test
    void aMissingFileIsAClearErrorWithANonZeroExit() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new InspectCommand()).setErr(new PrintWriter(err, true))
                .execute(dir.resolve("nope.eml").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("mailbench inspect: no such file: ");
    }

    @Test
    void aDirectoryIsNamedAsSuch() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new InspectCommand()).setErr(new PrintWriter(err, true)).execute(dir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("mailbench inspect: " + dir + " is a directory; name a message file in it (.eml)\n");
    }

    @Test
    void aMessagesControlCharactersAreShownNeverSentToTheTerminal() throws Exception {
        Path file = dir.resolve("esc.eml");
        Files.writeString(file, "From: a@example.test\r\nDate: Tue, 1 Oct 2024 10:00:00 +0000\r\nMessage-ID: <e@example.test>\r\n"
                + "Subject: hello \u001b[2J\u001b[8mhidden \u001b]0;title\u0007 end\r\n\r\nbody\r\n");
        StringWriter out = new StringWriter();

        int code = new CommandLine(new InspectCommand()).setOut(new PrintWriter(out, true)).execute(file.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).doesNotContain("\u001b", "\u0007").contains("Subject: hello ␛[2J␛[8mhidden ␛]0;title␇ end");
    }

    private Path sample(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/dev/mailbench/samples/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
