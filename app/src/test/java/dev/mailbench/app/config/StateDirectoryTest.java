package dev.mailbench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StateDirectoryTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgStateHome() {
        assertThat(StateDirectory.resolve(null, Map.of("XDG_STATE_HOME", "/srv/state"), "Linux", HOME))
                .isEqualTo(Path.of("/srv/state/mailbench"));
    }

    @Test
    void withoutXdgStateHomeOrWithARelativeOneItIsDotLocalState() {
        assertThat(StateDirectory.resolve(null, Map.of(), "Linux", HOME))
                .isEqualTo(Path.of("/home/ada/.local/state/mailbench"));
        assertThat(StateDirectory.resolve(null, Map.of("XDG_STATE_HOME", "relative"), "Linux", HOME))
                .isEqualTo(Path.of("/home/ada/.local/state/mailbench"));
    }

    @Test
    void otherPlatformsUseTheirUsualPlace() {
        assertThat(StateDirectory.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ada/Library/Logs/Mailbench"));
        assertThat(StateDirectory.resolve(null, Map.of("LOCALAPPDATA", "/local"), "Windows 11", HOME))
                .isEqualTo(Path.of("/local/Mailbench"));
    }

    @Test
    void theOverrideWins() {
        assertThat(StateDirectory.resolve("/tmp/portable", Map.of("XDG_STATE_HOME", "/srv"), "Linux", HOME))
                .isEqualTo(Path.of("/tmp/portable"));
    }
}
