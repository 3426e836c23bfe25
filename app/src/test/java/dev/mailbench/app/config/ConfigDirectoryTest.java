package dev.mailbench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgConfigHome() {
        assertThat(ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "/srv/config"), "Linux", HOME))
                .isEqualTo(Path.of("/srv/config/mailbench"));
    }

    @Test
    void withoutXdgConfigHomeOrWithARelativeOneItIsDotConfig() {
        assertThat(ConfigDirectory.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(Path.of("/home/ada/.config/mailbench"));
        assertThat(ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "relative"), "Linux", HOME))
                .isEqualTo(Path.of("/home/ada/.config/mailbench"));
    }

    @Test
    void otherPlatformsUseTheirUsualPlace() {
        assertThat(ConfigDirectory.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Mailbench"));
        assertThat(ConfigDirectory.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", HOME))
                .isEqualTo(Path.of("/appdata/Mailbench"));
    }

    @Test
    void theOverrideWins() {
        assertThat(ConfigDirectory.resolve("/tmp/portable", Map.of("XDG_CONFIG_HOME", "/srv"), "Linux", HOME))
                .isEqualTo(Path.of("/tmp/portable"));
    }
}
