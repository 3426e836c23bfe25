package dev.mailbench.app.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.imageio.ImageIO;

import dev.mailbench.ladder.Ladder;
import dev.mailbench.ladder.LadderPalette;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;

import org.junit.jupiter.api.Test;

/** The ladder as a PNG, drawn without a display: an image that decodes, a row's height a row, in the palette. */
class LadderPngTest {

    @Test
    void aLadderIsWrittenAsAPngThatDecodes() throws Exception {
        Transcript transcript = new Transcript();
        transcript.note("Connected to 127.0.0.1:2525");
        for (String line : new String[] {"220 mx ready", "EHLO a", "250-mx", "250 PIPELINING", "MAIL FROM:<a@b>",
                "550 5.7.1 no"}) {
            boolean server = Character.isDigit(line.charAt(0));
            transcript.record(server ? Direction.SERVER : Direction.CLIENT,
                    (line + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
        }
        Ladder ladder = Ladder.of(MailProtocol.SMTP, transcript);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        LadderPng.write(ladder, "SMTP 127.0.0.1:2525", out);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image).isNotNull();
        BufferedImage fewer = LadderPng.render(ladderOfFirst(transcript, 3), "fewer");
        assertThat(image.getHeight() - fewer.getHeight()).as("a row more, a row's height more").isPositive();
        assertThat(image.getRGB(0, 0) & 0xFFFFFF)
                .isEqualTo(Integer.parseInt(LadderPalette.BACKGROUND.hex().substring(1), 16));

        // a range of rows is as high as a ladder of that many rows, and stays within the ladder
        BufferedImage firstThree = LadderPng.render(ladder, "rows 1-3", 0, 3);
        BufferedImage lastThree = LadderPng.render(ladder, "rows", ladder.size() - 3, ladder.size());
        assertThat(lastThree.getHeight()).isEqualTo(firstThree.getHeight())
                .isLessThan(image.getHeight());
        assertThatThrownBy(() -> LadderPng.render(ladder, "past the end", 1, ladder.size() + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Ladder ladderOfFirst(Transcript transcript, int events) {
        Ladder ladder = new Ladder(MailProtocol.SMTP);
        for (int i = 0; i < events; i++) {
            ladder.accept(transcript.event(i));
        }
        return ladder;
    }
}
