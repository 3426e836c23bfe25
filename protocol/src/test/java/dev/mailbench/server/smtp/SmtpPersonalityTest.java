package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Personality;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.wire.TlsMode;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The walkthroughs' servers as personalities: the same codes, their words. */
class SmtpPersonalityTest {

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @AfterEach
    void stop() {
        if (practice != null) {
            practice.close();
        }
    }

    private SmtpClientSession as(String personality) throws Exception {
        practice = PracticeSmtp.start(root);
        practice.personality.set(Personality.load(personality));
        return practice.client();
    }

    @Test
    void exchange55AsInWalkthrough000() throws Exception {
        SmtpClientSession smtp = as("exchange55");

        SmtpReply banner = smtp.connect("127.0.0.1", practice.port(), TlsMode.NONE);

        assertThat(banner.wireLines()).containsExactly(
                "220 mail.example.test ESMTP Server (Microsoft Exchange Internet Mail Service 5.5.2653.13) ready");
        assertThat(smtp.help(null).wireLines()).containsExactly(
                "214-2.0.0 Commands:",
                "214-2.0.0    HELO   MAIL   RCPT   DATA   RSET",
                "214-2.0.0    NOOP   QUIT   HELP   VRFY   ETRN",
                "214-2.0.0    XEXCH50 STARTTLS AUTH",
                "214 2.0.0 End of HELP info");
        smtp.helo("client.example.test");
        assertThat(smtp.command("mail from:test@anywhere.com").orElseThrow().wireLines())
                .containsExactly("250 2.1.0 OK - mail from <test@anywhere.com>");
        assertThat(smtp.command("rcpt to:alice@example.test").orElseThrow().wireLines())
                .containsExactly("250 2.1.5 OK - Recipient <alice@example.test>");
        assertThat(smtp.data().wireLines()).containsExactly("354 Send data.  End with CRLF.CRLF");
        assertThat(smtp.sendMessageText("subject:This is the subject\r\n\r\nThis is the message.\r\n"
                .getBytes(StandardCharsets.US_ASCII)).wireLines()).containsExactly("250 2.0.0 OK");
        assertThat(smtp.quit().wireLines()).containsExactly("221 2.0.0 closing connection");
    }

    @Test
    void exchange2003AsInWalkthrough004() throws Exception {
        SmtpClientSession smtp = as("exchange2003");

        SmtpReply banner = smtp.connect("127.0.0.1", practice.port(), TlsMode.NONE);
        SmtpReply ehlo = smtp.ehlo("myrocode.com");

        assertThat(banner.wireLines().get(0)).matches("220 mail\\.example\\.test Microsoft ESMTP MAIL Service, "
                + "Version: 6\\.0\\.3790\\.3959 ready at  \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
        assertThat(ehlo.wireLines()).containsExactly(
                "250-mail.example.test Hello [127.0.0.1]",
                "250-AUTH PLAIN LOGIN CRAM-MD5",
                "250-AUTH=LOGIN",
                "250-SIZE 26214400",
                "250-ETRN",
                "250-PIPELINING",
                "250-ENHANCEDSTATUSCODES",
                "250-8bitmime",
                "250-VRFY",
                "250-STARTTLS",
                "250-HELP",
                "250 OK");
        assertThat(smtp.command("auth login").orElseThrow().wireLines()).containsExactly("334 VXNlcm5hbWU6");
        smtp.command("YWxpY2U=");
        assertThat(smtp.command("YWxpY2UtcGFzcw==").orElseThrow().wireLines())
                .containsExactly("235 2.7.0 Authentication successful");
        assertThat(smtp.command("mail from:miro@miro.com").orElseThrow().wireLines())
                .containsExactly("250 2.1.0 miro@miro.com....Sender OK");
        assertThat(smtp.command("rcpt to:bob@example.test").orElseThrow().wireLines())
                .containsExactly("250 2.1.5 bob@example.test");
        assertThat(smtp.data().wireLines()).containsExactly("354 Start mail input; end with <CRLF>.<CRLF>");
        SmtpReply queued = smtp.sendMessageText("ciaooooo\r\n".getBytes(StandardCharsets.US_ASCII));
        String id = practice.messages("bob").get(0).uid();
        assertThat(queued.wireLines()).containsExactly("250 2.0.0 <" + id + "@mail.example.test> Queued mail for delivery");
    }

    @Test
    void aSwitchAppliesToNewConnectionsNotToOnesAlreadyOpen() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession before = practice.connect();

        practice.personality.set(Personality.load("exchange55"));
        SmtpClientSession after = practice.connect();

        assertThat(before.command("FROB").orElseThrow().text()).contains("command not recognized");
        assertThat(after.command("FROB").orElseThrow().text()).contains("Unrecognized command");
        assertReply(after.command("FROB"), SmtpReplies.S500_UNKNOWN_COMMAND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postfix-dovecot", "exchange55", "exchange2003"})
    void everyReplyCanBeWordedAndNoKeyIsMisspelt(String id) throws Exception {
        Personality personality = Personality.load(id);
        Map<String, String> values = new java.util.HashMap<>();
        for (String placeholder : new String[] {"host", "address", "id", "syntax", "reason", "max", "domain",
                "mechanism", "parameter", "topic", "date", "client", "helo", "user", "minutes"}) {
            values.put(placeholder, "x");
        }
        Set<String> known = new HashSet<>(Set.of("name", "smtp.ehlo.extensions", "smtp.ehlo.last", "smtp.received.software"));
        for (SmtpReplies reply : SmtpReplies.values()) {
            known.add(reply.personalityKey());
            if (reply == SmtpReplies.S214_HELP) {
                assertThat(reply.renderLines(personality, values).lines()).as(id + " HELP").isNotEmpty();
            } else if (reply != SmtpReplies.S250_EXPN) {
                String text = reply.render(personality, values).text();
                assertThat(text).as(id + " " + reply).doesNotContain("{");
                // RFC 5321 §2.4: reply text is US-ASCII, so any client can show it
                assertThat(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(id + " " + reply + " in US-ASCII: " + text).isTrue();
            }
        }
        Properties own = new Properties();
        String resource = "dev/mailbench/server/personalities/" + id + "/smtp.properties";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            own.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(own.getProperty("name")).as(id + " name").isNotBlank();
        for (String key : own.stringPropertyNames()) {
            assertThat(known.contains(key) || key.matches("smtp\\.help\\.\\d+")).as(id + ": unknown key " + key).isTrue();
        }
        practice = PracticeSmtp.start(root);
        Set<String> offered = EhloExtensions.offered(practice.server.context(),
                new Session(java.net.InetAddress.getLoopbackAddress(), user -> { }, sender -> { })).keySet();
        for (String token : own.getProperty("smtp.ehlo.extensions", "").trim().split("\\s+")) {
            if (!token.isEmpty()) {
                assertThat(offered.contains(token.toUpperCase(java.util.Locale.ROOT)) || token.equals("AUTH="))
                        .as(id + ": the EHLO list names " + token + ", which the server does not offer").isTrue();
            }
        }
    }
}
