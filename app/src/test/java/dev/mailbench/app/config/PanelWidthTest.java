package dev.mailbench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelWidthTest {

    @TempDir
    Path config;

    @Test
    void noWidthIsRememberedAtFirst() throws Exception {
        assertThat(new PanelWidth(config.resolve("not-yet")).load()).isEmpty();
    }

    @Test
    void aSavedWidthIsReadBackInWholePixels() throws Exception {
        new PanelWidth(config.resolve("mailbench")).save(333.4);

        assertThat(new PanelWidth(config.resolve("mailbench")).load()).hasValue(333);
    }

    @Test
    void aWidthTooNarrowToUseOrNotANumberIsIgnored() throws Exception {
        Files.writeString(config.resolve(PanelWidth.FILE_NAME), "12\n", StandardCharsets.UTF_8);
        assertThat(new PanelWidth(config).load()).isEmpty();

        Files.writeString(config.resolve(PanelWidth.FILE_NAME), "wide\n", StandardCharsets.UTF_8);
        assertThat(new PanelWidth(config).load()).isEmpty();
    }
}
