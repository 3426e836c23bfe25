package dev.mailbench.server.practice;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.Personality;
import dev.mailbench.server.ServerLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory: where it is by default, and what the first start writes into it. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void followsXdgDataHomeWhenItIsAnAbsolutePath() {
        assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", "/data/me"), "/home/me"))
                .isEqualTo(Path.of("/data/me/mailbench"));
    }

    @Test
    void fallsBackToLocalShareWithoutXdgDataHomeOrWithARelativeOne() {
        assertThat(DataDirectory.defaultPath(Map.of(), "/home/me")).isEqualTo(Path.of("/home/me/.local/share/mailbench"));
        // XDG Base Directory spec: relative paths are invalid and must be ignored.
        assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", "data"), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/mailbench"));
        assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", ""), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/mailbench"));
    }

    @Test
    void theFirstStartWritesACommentedConfigurationWithTheDefaults() throws Exception {
        DataDirectory data = DataDirectory.at(temp.resolve("mailbench"));
        assertThat(data.isInitialised()).isFalse();

        ServerConfig config = data.loadOrCreateConfig();

        String text = Files.readString(data.configFile());
        assertThat(text).startsWith("# Mailbench practice server configuration.")
                .contains("\nbind=127.0.0.1\n", "\nallow-remote=false\n", "\nsmtp.port=2525\n", "\npop3.port=1110\n",
                        "\ndomains=example.test\n", "\nalias.postmaster=alice\n", "\nlist.class=alice, bob\n",
                        "\npersonality=postfix-dovecot\n", "\nrelay.smtp-after-pop=false\n",
                        "\nrelay.smtp-after-pop-minutes=10\n", "\nlimits.max-message-size=26214400\n",
                        "\nuser.alice.secret=alice-pass\n", "\nuser.bob.secret=bob-pass\n")
                .containsPattern("\nuser\\.alice\\.password=pbkdf2-sha256\\$\\d+\\$[^$]+\\$[^$\n]+\n")
                .doesNotContain("user.alice.password=alice-pass");
        if (Files.getFileStore(data.configFile()).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(data.configFile()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(config.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(config.smtpPort()).isEqualTo(2525);
        assertThat(config.pop3Port()).isEqualTo(1110);
        assertThat(config.accounts().verifyPassword("alice", "alice-pass")).isTrue();
        assertThat(config.accounts().verifyPassword("bob", "bob-pass")).isTrue();
        assertThat(config.accounts().sharedSecret("alice")).contains("alice-pass");
        assertThat(config.accounts().resolve("postmaster@example.test")).isEqualTo(new Accounts.Local(java.util.List.of("alice")));
        assertThat(config.accounts().expand("class")).isPresent();
        assertThat(config.personality()).isEqualTo(Personality.DEFAULT_ID);
        assertThat(config.limits()).isEqualTo(ServerLimits.DEFAULTS);
        assertThat(data.isInitialised()).isTrue();
    }

    @Test
    void aSecondStartReadsTheSameFileAndChangesNothing() throws Exception {
        DataDirectory data = DataDirectory.at(temp);
        ServerConfig first = data.loadOrCreateConfig();
        String written = Files.readString(data.configFile());

        ServerConfig second = data.loadOrCreateConfig();

        assertThat(Files.readString(data.configFile())).isEqualTo(written);
        assertThat(second.keystorePassword()).isEqualTo(first.keystorePassword());
        assertThat(second.accounts().users().get("alice").passwordHash())
                .isEqualTo(first.accounts().users().get("alice").passwordHash());
    }

    @Test
    void eachInstallationGetsItsOwnKeystorePassword() throws Exception {
        ServerConfig one = DataDirectory.at(temp.resolve("one")).loadOrCreateConfig();
        ServerConfig two = DataDirectory.at(temp.resolve("two")).loadOrCreateConfig();

        assertThat(one.keystorePassword()).isNotEqualTo(two.keystorePassword()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(one.toString()).doesNotContain(one.keystorePassword());
    }
}
