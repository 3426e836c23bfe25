package dev.mailbench.server.practice;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.smtp.RelayPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the configuration file: defaults, overrides, and clear messages for what is wrong. */
class ServerConfigTest {

    @TempDir
    Path temp;

    private ServerConfig parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader("tls.keystore-password=k\n" + text));
        return ServerConfig.fromProperties(p, DataDirectory.at(temp));
    }

    @Test
    void aShortFileTakesTheDefaultsForWhatItLeavesOut() throws Exception {
        ServerConfig config = parse("""
                user.carol.password=carol-pass
                smtp.port=2626
                limits.idle-timeout-seconds=30
                relay.smtp-after-pop=true
                """);

        assertThat(config.smtpPort()).isEqualTo(2626);
        assertThat(config.pop3Port()).isEqualTo(ServerConfig.DEFAULT_POP3_PORT);
        assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.relay().smtpAfterPop()).isTrue();
        assertThat(config.relay().smtpAfterPopWindow()).isEqualTo(RelayPolicy.DEFAULTS.smtpAfterPopWindow());
        assertThat(config.accounts().domains()).containsExactly("example.test");
        // A clear password is hashed when read; without a .secret line, CRAM-MD5/APOP are off for the user.
        Accounts.Account carol = config.accounts().account("carol").orElseThrow();
        assertThat(carol.passwordHash()).startsWith("pbkdf2-sha256$");
        assertThat(carol.allowsSharedSecretMechanisms()).isFalse();
        assertThat(config.accounts().verifyPassword("carol", "carol-pass")).isTrue();
    }

    @Test
    void transcriptRetentionIsReadAndItsDefaultsAreWrittenOnFirstStart() throws Exception {
        assertThat(parse("transcripts.keep=5\ntranscripts.max-bytes=4096\n").transcripts())
                .isEqualTo(new TranscriptRetention(5, 4096));
        assertThat(parse("").transcripts()).isEqualTo(TranscriptRetention.DEFAULTS);
        assertThatThrownBy(() -> parse("transcripts.keep=-1\n")).hasMessageContaining("transcripts.keep");

        ServerConfig first = DataDirectory.at(temp).loadOrCreateConfig();
        assertThat(first.transcripts()).isEqualTo(TranscriptRetention.DEFAULTS);
        assertThat(Files.readString(DataDirectory.at(temp).configFile()))
                .contains("transcripts.keep=200\n", "transcripts.max-bytes=20971520\n");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("smtp.prot=25\n")).hasMessageContaining("unknown setting(s) smtp.prot");
        assertThatThrownBy(() -> parse("user.dave.pasword=x\nuser.dave.password=x\n")).hasMessageContaining("user.dave.pasword");
        assertThatThrownBy(() -> parse("smtp.port=many\n")).hasMessageContaining("smtp.port must be a whole number");
        assertThatThrownBy(() -> parse("smtp.port=70000\n")).hasMessageContaining("SMTP port must be 0 to 65535");
        assertThatThrownBy(() -> parse("allow-remote=maybe\n")).hasMessageContaining("allow-remote must be true or false");
        assertThatThrownBy(() -> parse("personality=sendmail\n")).hasMessageContaining("known: postfix-dovecot");
        assertThatThrownBy(() -> parse("user.dave.name=Dave\n")).hasMessageContaining("user.dave.password is missing");
        assertThatThrownBy(() -> parse("user.dave.password=one\nuser.dave.secret=two\n"))
                .hasMessageContaining("user.dave.secret is not the password");
        assertThatThrownBy(() -> parse("user.relay-outbox.password=x\n")).hasMessageContaining("relay-outbox");
    }

    @Test
    void listeningBeyondLoopbackNeedsExplicitConsent() throws Exception {
        assertThatThrownBy(() -> parse("bind=0.0.0.0\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reachable from other computers")
                .hasMessageContaining("allow-remote=true")
                .hasMessageContaining("requires AUTH");

        ServerConfig remote = parse("bind=0.0.0.0\nallow-remote=true\n");
        assertThat(remote.loopbackOnly()).isFalse();
        ServerConfig local = parse("");
        assertThatThrownBy(() -> local.withBindAddress(InetAddress.getByName("0.0.0.0"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidFileIsReportedWithItsPath() throws Exception {
        DataDirectory data = DataDirectory.at(temp);
        Files.writeString(data.configFile(), "smtp.port=lots\ntls.keystore-password=k\n");

        assertThatThrownBy(data::loadOrCreateConfig)
                .isInstanceOf(IOException.class)
                .hasMessageContaining(data.configFile().toString())
                .hasMessageContaining("smtp.port");
    }
}
