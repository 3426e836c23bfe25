package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A script against GreenMail, a server nobody here wrote: SMTP delivers, POP3 reads it back. */
class ScriptRunnerGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.POP3}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bob@example.test", "bob", "bob-pass"));

    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());
    private final ScriptRunner runner = new ScriptRunner(
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)), printed::add);

    @Test
    void aScriptSendsThroughGreenMailAndReadsTheMessageBack() throws Exception {
        String send = """
                expect 220
                EHLO client.example.test
                expect 250
                MAIL FROM:<alice@example.test>
                expect 2xx
                RCPT TO:<bob@example.test>
                expect 250
                DATA
                expect 3xx
                Subject: via GreenMail

                ..a stuffed dot
                .
                expect 250
                QUIT
                expect 221
                """;
        RunResult sent = runner.run(Script.parse("send.mbscript", send),
                new ServerAddress("127.0.0.1", greenMail.getSmtp().getPort(), MailProtocol.SMTP, TlsMode.NONE));
        assertThat(sent.failures()).isEmpty();
        assertThat(sent.exitCode()).isZero();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("via GreenMail");
        assertThat(GreenMailUtil.getBody(received[0])).contains(".a stuffed dot");

        String read = """
                expect +OK
                USER bob
                PASS bob-pass
                expect +OK
                STAT
                expect +OK
                RETR 1
                expect +OK
                QUIT
                """;
        RunResult retrieved = runner.run(Script.parse("read.mbscript", read),
                new ServerAddress("127.0.0.1", greenMail.getPop3().getPort(), MailProtocol.POP3, TlsMode.NONE));
        assertThat(retrieved.exitCode()).isZero();
        assertThat(printed).contains("S: Subject: via GreenMail");
    }
}
