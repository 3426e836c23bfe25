package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a tool cannot say is named in a comment, and a password the events do not carry is a reference. */
class ReproductionsTest {

    private static final ServerAddress SMTP = new ServerAddress("mail.example.test", 25, MailProtocol.SMTP, TlsMode.NONE);
    private static final ServerAddress POP3 = new ServerAddress("mail.example.test", 110, MailProtocol.POP3, TlsMode.NONE);

    /** {@code C: line} and {@code S: line} as transcript events; {@code C~ line} is sent with a bare LF. */
    private static List<TranscriptEvent> events(String... lines) {
        Transcript transcript = new Transcript();
        Instant time = Instant.parse("2026-12-07T10:00:00Z");
        for (String line : lines) {
            Direction direction = line.startsWith("S") ? Direction.SERVER : Direction.CLIENT;
            boolean bareLf = line.startsWith("C~");
            byte[] bytes = (line.substring(3) + (bareLf ? "\n" : "\r\n")).getBytes(StandardCharsets.UTF_8);
            transcript.replay(direction, bytes, time, null, false, bareLf ? Set.of(LineIssue.BARE_LF) : Set.of(), null);
        }
        return transcript.events();
    }

    private static final List<TranscriptEvent> SMTP_SESSION = events(
            "S: 220 mail.example.test ESMTP",
            "C: MAIL FROM:<early@example.test>",
            "S: 503 5.5.1 Error: send HELO/EHLO first",
            "C: HELO client.example.test",
            "S: 250 mail.example.test",
            "C: VRFY bob",
            "S: 252 2.0.0 bob",
            "C: AUTH PLAIN ••••••",
            "S: 235 2.7.0 Authentication successful",
            "C: MAIL FROM:<alice@example.test>",
            "S: 250 2.1.0 Ok",
            "C: RCPT TO:<bob@example.test>",
            "S: 250 2.1.5 Ok",
            "C: RCPT TO:<someone@elsewhere.example>",
            "S: 554 5.7.1 Relay access denied",
            "C: DATA",
            "S: 354 End data with <CR><LF>.<CR><LF>",
            "C: Subject: one",
            "C: ",
            "C~ a bare line",
            "C: ..dotted",
            "C: .",
            "S: 250 2.0.0 Ok: queued",
            "C: MAIL FROM:<alice@example.test>",
            "S: 250 2.1.0 Ok",
            "C: RCPT TO:<bob@example.test>",
            "S: 250 2.1.5 Ok",
            "C: DATA",
            "S: 354 End data with <CR><LF>.<CR><LF>",
            "C: Subject: two",
            "C: .",
            "S: 250 2.0.0 Ok: queued",
            "C: QUIT",
            "S: 221 2.0.0 Bye");

    @Test
    void swaksNamesWhatItLeavesOutAndSendsEachMessageOnItsOwn() {
        String swaks = Reproductions.render(ReproductionFormat.SWAKS, SMTP_SESSION, SMTP);

        assertThat(swaks).contains(
                "# Not reproduced: client line 11 ('a bare line') was sent with a bare LF",
                "# Not reproduced: 'MAIL FROM:<early@example.test>' was answered 503",
                "# Not reproduced: 'VRFY bob' (VRFY) was sent: this tool cannot send it.",
                "# Not reproduced: RCPT TO:<someone@elsewhere.example> was refused (554): left out.",
                "# The session greeted with HELO",
                "# The session sent 2 messages on one connection",
                "--auth PLAIN --auth-user \"$MAILBENCH_USER\" --auth-password \"$MAILBENCH_PASSWORD\"",
                "--from alice@example.test --to bob@example.test --data - <<'MAILBENCH'\nSubject: one\n\na bare line\n.dotted\n.\nMAILBENCH\n",
                "<<'MAILBENCH'\nSubject: two\n.\nMAILBENCH\n");
        assertThat(swaks.lines().filter(line -> line.startsWith("swaks "))).hasSize(2);
    }

    @Test
    void aMessageCutOffInDataIsNotSentByTheReproduction() {
        List<TranscriptEvent> cut = events(
                "S: 220 mail.example.test ESMTP",
                "C: HELO client.example.test",
                "S: 250 mail.example.test",
                "C: MAIL FROM:<alice@example.test>",
                "S: 250 2.1.0 Ok",
                "C: RCPT TO:<bob@example.test>",
                "S: 250 2.1.5 Ok",
                "C: DATA",
                "S: 354 End data with <CR><LF>.<CR><LF>",
                "C: Subject: never finished",
                "C: ");

        for (ReproductionFormat format : List.of(ReproductionFormat.SWAKS, ReproductionFormat.CURL)) {
            String script = Reproductions.render(format, cut, SMTP);
            assertThat(script).as(format.name()).doesNotContain("never finished")
                    .contains("# Not reproduced: the message from <alice@example.test> was cut off before its final");
        }
    }

    @Test
    void curlAndOpensslSayTheSameThingsTheirWay() {
        String curl = Reproductions.render(ReproductionFormat.CURL, SMTP_SESSION, SMTP);
        assertThat(curl).contains("'VRFY bob' (VRFY) was sent", "curl --silent --show-error smtp://mail.example.test:25/client.example.test", "--user \"$MAILBENCH_USER:$MAILBENCH_PASSWORD\" --login-options AUTH=PLAIN",
                "--mail-rcpt bob@example.test --upload-file - --crlf")
                .doesNotContain("--ssl-reqd", "someone@elsewhere.example --");

        String openssl = Reproductions.render(ReproductionFormat.OPENSSL, SMTP_SESSION, SMTP);
        assertThat(openssl).contains("# The session ran in plain text; openssl s_client speaks only TLS",
                        "openssl s_client -starttls smtp -name client.example.test -connect mail.example.test:25 -crlf -quiet <<MAILBENCH\n",
                        "\nMAIL FROM:<early@example.test>\nHELO client.example.test\nVRFY bob\n",
                        "\nAUTH PLAIN $(printf '\\0%s\\0%s' \"$MAILBENCH_USER\" \"$MAILBENCH_PASSWORD\" | base64 -w0)\n",
                        "client line 11 ('a bare line') was sent with a bare LF")
                .endsWith("QUIT\nMAILBENCH\n");
    }

    @Test
    void pop3IsCurlsRetrAndListAndNoSwaks() {
        List<TranscriptEvent> session = events(
                "S: +OK POP3 ready",
                "C: USER bob",
                "S: +OK",
                "C: PASS ••••••",
                "S: +OK maildrop has 1 message",
                "C: STAT",
                "S: +OK 1 120",
                "C: RETR 1",
                "S: +OK 120 octets",
                "S: Subject: hi",
                "S: .",
                "C: DELE 1",
                "S: +OK",
                "C: QUIT",
                "S: +OK bye");

        assertThat(Reproductions.render(ReproductionFormat.SWAKS, session, POP3)).contains("# swaks speaks only SMTP");
        String curl = Reproductions.render(ReproductionFormat.CURL, session, POP3);
        assertThat(curl).contains("# STAT was sent: curl's POP3 URLs say only RETR n and LIST",
                        "# 'DELE 1' was sent", "curl --silent --show-error pop3://mail.example.test:110/1 "
                                + "--user \"bob:$MAILBENCH_PASSWORD\"")
                .doesNotContain("--ssl-reqd");
        String openssl = Reproductions.render(ReproductionFormat.OPENSSL, session, POP3);
        assertThat(openssl).contains("-starttls pop3", "USER bob\nPASS $MAILBENCH_PASSWORD\nSTAT\nRETR 1\nDELE 1\nQUIT\n");
    }

    @Test
    void formatsAreNamedAsTheExportCommandWritesThem() {
        assertThat(ReproductionFormat.of("Swaks")).isEqualTo(ReproductionFormat.SWAKS);
        assertThat(ReproductionFormat.OPENSSL.id()).isEqualTo("openssl");
    }

    @Test
    void implicitTlsIsTheSchemeAndStlsIsRequiredTls() {
        List<TranscriptEvent> smtp = events(
                "S: 220 mail.example.test ESMTP",
                "C: EHLO client.example.test",
                "S: 250 mail.example.test",
                "C: MAIL FROM:<alice@example.test>",
                "S: 250 2.1.0 Ok",
                "C: RCPT TO:<bob@example.test>",
                "S: 250 2.1.5 Ok",
                "C: DATA",
                "S: 354 go ahead",
                "C: Subject: over TLS",
                "C: .",
                "S: 250 2.0.0 Ok",
                "C: QUIT",
                "S: 221 2.0.0 Bye");
        ServerAddress smtps = new ServerAddress("mail.example.test", 465, MailProtocol.SMTP, TlsMode.IMPLICIT);
        assertThat(Reproductions.render(ReproductionFormat.CURL, smtp, smtps))
                .contains("curl --silent --show-error smtps://mail.example.test:465/client.example.test --mail-from")
                .doesNotContain("--ssl-reqd");
        assertThat(Reproductions.render(ReproductionFormat.SWAKS, smtp, smtps)).contains("--tls-on-connect");
        assertThat(Reproductions.render(ReproductionFormat.OPENSSL, smtp, smtps))
                .contains("openssl s_client -connect mail.example.test:465 -crlf -quiet <<MAILBENCH\nEHLO client.example.test\n")
                .doesNotContain("-starttls");

        List<TranscriptEvent> pop3 = events(
                "S: +OK ready",
                "C: STLS",
                "S: +OK begin TLS",
                "C: USER bob",
                "S: +OK",
                "C: PASS bob-pass",
                "S: +OK",
                "C: LIST",
                "S: +OK 1 message",
                "S: 1 120",
                "S: .",
                "C: QUIT",
                "S: +OK bye");
        ServerAddress stls = new ServerAddress("mail.example.test", 110, MailProtocol.POP3, TlsMode.STARTTLS);
        assertThat(Reproductions.render(ReproductionFormat.CURL, pop3, stls))
                .contains("curl --silent --show-error pop3://mail.example.test:110/ --ssl-reqd --user bob:bob-pass");
        ServerAddress pop3s = new ServerAddress("mail.example.test", 995, MailProtocol.POP3, TlsMode.IMPLICIT);
        assertThat(Reproductions.render(ReproductionFormat.CURL, pop3, pop3s)).contains("pop3s://mail.example.test:995/ --user");
    }
}
