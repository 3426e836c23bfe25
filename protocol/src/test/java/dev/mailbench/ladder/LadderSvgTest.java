package dev.mailbench.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The exported ladder is a well-formed SVG document whose colours are the palette's alone. */
class LadderSvgTest {

    @Test
    void aLadderWithAwkwardTextParsesAsSvg() throws Exception {
        Transcript transcript = new Transcript();
        transcript.note("Connected to 127.0.0.1:2525 & \"friends\" <here>");
        transcript.record(Direction.SERVER, bytes("220 mx <ESMTP> & co\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, bytes("EHLO a\u0001b\r\n"), false, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("250-mx\r\n250 PIPELINING\r\n".substring(0, 8)), false, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("250 PIPELINING\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, bytes("MAIL FROM:<a@b>\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, bytes("RCPT TO:<c@d>\r\n"), false, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("250 2.1.0 ok\r\n"), false, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("451 4.3.0 later\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, bytes("STARTTLS\r\n"), false, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("220 go ahead\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, bytes("EHLO again\r\n"), true, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("250OK\r\n"), true, Set.of(), null);
        Ladder ladder = Ladder.of(MailProtocol.SMTP, transcript);

        String svg = LadderSvg.write(ladder, "SMTP 127.0.0.1:2525 <test>");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getElementsByTagNameNS("*", "line").getLength()).isGreaterThanOrEqualTo(ladder.size() - 3);
        assertThat(document.getDocumentElement().getTextContent())
                .contains("EHLO", "✓ 250", "✗ 451 4.3.0".replace("✗", "↻"), "? 250OK", "pipelined", "TLS starts",
                        "Connected to 127.0.0.1:2525 &")
                .as("a command's arrow says its line once, not its verb and then its line").contains("EHLO again")
                .doesNotContain("EHLO  EHLO");
        Matcher colours = Pattern.compile("#[0-9a-fA-F]{6}").matcher(svg);
        while (colours.find()) {
            String colour = colours.group();
            assertThat(Arrays.stream(LadderPalette.values()).map(LadderPalette::hex)).as(colour).contains(colour);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
