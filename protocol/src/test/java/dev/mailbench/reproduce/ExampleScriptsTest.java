package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The example scripts shipped in resources (the walkthroughs' dialogues) run against the practice server, in the order
 * of their index, and every expect holds.
 */
class ExampleScriptsTest {

    private static final String BASE = "dev/mailbench/scripts/";
    private static final String SERVER = "# server: ";

    @Test
    void everyExampleScriptRunsCleanAgainstThePracticeServer() throws Exception {
        List<String> names = index();
        assertThat(names).hasSizeGreaterThanOrEqualTo(5);
        List<String> printed = new ArrayList<>();
        ScriptRunner runner = new ScriptRunner(
                ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)), printed::add);
        PracticeServer server = SharedPracticeServer.get();
        {
            for (String name : names) {
                String text = read(name);
                assertThat(text).as(name).startsWith(SERVER);
                ServerAddress written = ServerAddress.parse(text.substring(SERVER.length(), text.indexOf('\n')));
                int port = written.protocol() == MailProtocol.SMTP ? server.smtpPort() : server.pop3Port();
                ServerAddress address = new ServerAddress("127.0.0.1", port, written.protocol(), written.tlsMode());

                RunResult result = runner.run(Script.parse(name, text), address);

                assertThat(result.error()).as(name + "\n" + String.join("\n", printed)).isEmpty();
                assertThat(result.failures()).as(name + "\n" + String.join("\n", printed)).isEmpty();
                printed.clear();
            }
        }
    }

    private static List<String> index() throws IOException {
        return read("index.txt").lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                ExampleScriptsTest.class.getClassLoader().getResourceAsStream(BASE + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
