package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.Personality;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The POP3 wording of each personality: complete, used, and what the walkthroughs show. */
class Pop3PersonalityTest {

    @TempDir
    Path directory;

    static final java.util.List<String> PERSONALITIES = Personality.BUILT_IN;

    @ParameterizedTest
    @FieldSource("PERSONALITIES")
    void everyReplyCanBeWordedAndTheGreetingCarriesTheTimestamp(String id) {
        Personality personality = Personality.load(id);
        Map<String, String> values = Map.of("host", "pop.example.test", "timestamp", "<1.2@pop.example.test>");

        for (Pop3ServerReply reply : Pop3ServerReply.values()) {
            String line = reply.line(personality, values);
            assertThat(line).as("%s in %s", reply, id).startsWith(reply.status().indicator()).doesNotContain("\r", "\n");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length + 2).as("RFC 2449 §4: 512 octets").isLessThanOrEqualTo(512);
        }
        assertThat(Pop3ServerReply.GREETING.line(personality, values)).endsWith("<1.2@pop.example.test>");
        assertThat(personality.text("pop3.implementation", values)).startsWith("Mailbench");
    }

    @ParameterizedTest
    @FieldSource("PERSONALITIES")
    void everyPop3KeyInAPersonalityFileIsOneTheServerUses(String id) throws Exception {
        Set<String> used = Arrays.stream(Pop3ServerReply.values()).map(Pop3ServerReply::personalityKey)
                .filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        used.add("pop3.implementation");

        Properties file = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("dev/mailbench/server/personalities/" + id + "/pop3.properties")) {
            assertThat(in).as("pop3.properties of %s", id).isNotNull();
            file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(file.stringPropertyNames()).allMatch(key -> key.startsWith("pop3."));
        assertThat(used).containsAll(file.stringPropertyNames());
        if (id.equals(Personality.DEFAULT_ID)) {
            assertThat(file.stringPropertyNames()).containsAll(used); // the fallback for everyone else
        }
    }

    @Test
    void exchange2003GreetsAndRefusesAsInTheWalkthrough() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture(directory).personality("exchange2003").start()) {
            Pop3ClientSession client = pop3.connect();

            assertThat(Pop3Fixture.lineOf(client.apop("alice", "alice-pass"))).isEqualTo("+OK User successfully logged on.");
            assertThat(client.transcript().toPlainText()).contains(
                    "S: +OK Microsoft Exchange Server 2003 POP3 server version 6.5.7638.1 (pop.example.test) ready. <");
            Pop3ClientSession other = pop3.connect();
            other.user("bob");
            assertThat(Pop3Fixture.lineOf(other.pass("wrong")))
                    .isEqualTo("-ERR [AUTH] Logon failure: unknown user name or bad password.");
        }
    }

    @Test
    void aPersonalitySwitchAppliesToTheNextConnection() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture(directory).start()) {
            Pop3ClientSession before = pop3.connect();
            pop3.personality("exchange55");
            Pop3ClientSession after = pop3.connect();

            assertThat(before.transcript().toPlainText()).contains("S: +OK Mailbench POP3 (Dovecot-like) ready.");
            assertThat(after.transcript().toPlainText()).contains("S: +OK Microsoft Exchange POP3 server version 5.5");
            assertThat(Pop3Fixture.lineOf(before.command("FOO"))).isEqualTo("-ERR Unknown command: FOO");
            assertThat(Pop3Fixture.lineOf(after.command("FOO"))).isEqualTo("-ERR Protocol error");
        }
    }
}
