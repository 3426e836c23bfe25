package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.tls.SelfSignedCertificate;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window never looks reassuring where it should warn: a certificate that is expired, for another host or
 * self-signed turns the TLS badge into a warning and the password forms say so; a password about to leave
 * without TLS is marked "not encrypted"; revealed passwords go into a file or onto the clipboard only when
 * the user says so, each time.
 */
class SecurityStateWindowTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Catalogue CATALOGUE = Catalogue.english();
    private static final String PASSWORD = "classroom-secret";

    @TempDir
    Path temp;

    private AnsweringServer server;
    private WindowDriver window;

    @AfterEach
    void closeEverything() throws Exception {
        if (window != null) {
            window.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(AnsweringServer started, MailProtocol protocol, TlsMode mode) throws Exception {
        server = started;
        window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1", server.port(), protocol, mode)));
    }

    private void awaitBadge(String badge) {
        window.await(() -> window.shown("#session-tls") && window.text("#session-tls").equals(badge),
                "the badge \"" + badge + "\"");
    }

    private void openForm(String verb) {
        window.await(() -> !window.node("#step-" + verb).isDisabled(), "the " + verb + " step");
        window.click("#step-" + verb);
        window.await(() -> window.robot().lookup("#step-send").tryQuery().isPresent(), "the form of " + verb);
    }

    @Test
    void anExpiredCertificateIsAWarningOnTheBadgeInTheNoteAndOnTheAuthForm() throws Exception {
        KeyStore expired = SelfSignedCertificate.generate("localhost", AnsweringServer.PASSWORD,
                NOW.minus(400, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS));
        open(AnsweringServer.smtp(Optional.of(expired)), MailProtocol.SMTP, TlsMode.IMPLICIT);

        awaitBadge("TLS, certificate expired");
        assertThat(window.styleClasses("#session-tls")).contains("untrusted");
        window.awaitLine(line -> line.contains("TLS established, certificate expired: TLSv1."), "the TLS note");

        openForm("AUTH");
        assertThat(window.shown("#step-security-warning")).isTrue();
        assertThat(window.text("#step-security-warning")).isEqualTo(
                CATALOGUE.eventSentence("credentials.untrusted").replace("{0}", "certificate expired"));
    }

    @Test
    void aCertificateForAnotherHostIsAWarningAndItsNamesFingerprintAndPemAreOneClickAway() throws Exception {
        KeyStore otherHost = SelfSignedCertificate.generateNamingOnly("mail.example.test", AnsweringServer.PASSWORD,
                NOW.minus(1, ChronoUnit.DAYS), NOW.plus(300, ChronoUnit.DAYS));
        open(AnsweringServer.smtp(Optional.of(otherHost)), MailProtocol.SMTP, TlsMode.IMPLICIT);

        awaitBadge("TLS, certificate for another host");
        assertThat(window.styleClasses("#session-tls")).contains("untrusted");

        window.click("#session-tls");
        window.await(() -> window.robot().lookup("#certificate-pem").tryQuery().isPresent(), "the certificate dialog");
        assertThat(window.text("#certificate-verdict")).startsWith("TLS, certificate for another host: self-signed");
        assertThat(window.text("#certificate-names")).isEqualTo("DNS:mail.example.test");
        assertThat(window.text("#certificate-fingerprint")).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        String pem = WindowDriver.onFx(() -> window.<TextArea>node("#certificate-pem").getText());
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        WindowDriver.onFx(() -> Clipboard.getSystemClipboard().setContent(new ClipboardContent()));
        window.click("#copy-pem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowDriver.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(pem);
    }

    @Test
    void aSelfSignedCertificateIsNotTrustedAndThePassFormSaysSo() throws Exception {
        KeyStore selfSigned = SelfSignedCertificate.generate("localhost", AnsweringServer.PASSWORD,
                NOW.minus(1, ChronoUnit.DAYS), NOW.plus(300, ChronoUnit.DAYS));
        open(AnsweringServer.pop3(Optional.of(selfSigned)), MailProtocol.POP3, TlsMode.IMPLICIT);

        awaitBadge("TLS, certificate not trusted");
        assertThat(window.styleClasses("#session-tls")).contains("untrusted");
        assertThat(window.styleClasses("#step-PASS")).doesNotContain("not-encrypted");

        openForm("PASS");
        assertThat(window.text("#step-security-warning")).isEqualTo(
                CATALOGUE.eventSentence("credentials.untrusted").replace("{0}", "certificate not trusted"));
    }

    @Test
    void authOverAPlainConnectionIsMarkedNotEncrypted() throws Exception {
        open(AnsweringServer.smtp(Optional.empty()), MailProtocol.SMTP, TlsMode.NONE);
        window.awaitLine(line -> line.contains("S: 220 "), "the greeting");

        window.await(() -> window.styleClasses("#step-AUTH").contains("not-encrypted"), "AUTH marked");
        assertThat(WindowDriver.onFx(() -> window.<Button>node("#step-AUTH").getText()))
                .isEqualTo("AUTH (not encrypted)");
        assertThat(window.styleClasses("#step-EHLO")).doesNotContain("not-encrypted");
        openForm("AUTH");
        assertThat(window.text("#step-security-warning")).isEqualTo(CATALOGUE.eventSentence("credentials.cleartext"));
    }

    @Test
    void passOverAPlainConnectionIsMarkedNotEncryptedAndItsLineExplainedSo() throws Exception {
        open(AnsweringServer.pop3(Optional.empty()), MailProtocol.POP3, TlsMode.NONE);
        window.awaitLine(line -> line.contains("S: +OK POP3 ready"), "the greeting");

        window.await(() -> window.styleClasses("#step-PASS").contains("not-encrypted"), "PASS marked");
        openForm("PASS");
        assertThat(window.text("#step-security-warning")).isEqualTo(CATALOGUE.eventSentence("credentials.cleartext"));
        window.type("#field-password", PASSWORD);
        window.click("#step-send");

        int pass = window.awaitLine(line -> line.contains("C: PASS "), "the PASS line");
        assertThat(WindowDriver.onFx(() -> window.lineTexts(pass).stream()
                .filter(text -> text.getStyleClass().contains("cleartext-secret")).map(Text::getText).toList()))
                .as("the mark before the line").containsExactly("not encrypted ▸ ");
        assertThat(window.lineStyle(pass)).containsExactly("client");
        window.clickLine(pass);
        window.await(() -> window.robot().lookup(".explanation-sentence").tryQuery().isPresent(), "the explanation");
        assertThat(WindowDriver.onFx(() -> window.robot().lookup(".explanation-sentence").queryAll().stream()
                .map(node -> ((Label) node).getText()).findFirst().orElse("")))
                .isEqualTo(CATALOGUE.eventSentence("secret.cleartext"));
        assertThat(WindowDriver.onFx(() -> window.robot().lookup(".field-value").queryAll().stream()
                .map(node -> ((Label) node).getText()).toList())).contains("no");
    }

    @Test
    void revealedPasswordsAreSavedAndCopiedOnlyWhenConfirmedEachTime() throws Exception {
        open(AnsweringServer.pop3(Optional.empty()), MailProtocol.POP3, TlsMode.NONE);
        window.awaitLine(line -> line.contains("S: +OK POP3 ready"), "the greeting");
        window.step("USER");
        window.awaitLine(line -> line.contains("C: USER "), "the USER line");
        openForm("PASS");
        window.type("#field-password", PASSWORD);
        window.click("#step-send");
        int pass = window.awaitLine(line -> line.contains("C: PASS "), "the PASS line");
        assertThat(window.transcriptLines().get(pass)).doesNotContain(PASSWORD);
        window.click("#reveal-secrets");
        window.await(() -> window.transcriptLines().get(pass).endsWith("C: PASS " + PASSWORD), "the revealed password");

        Path masked = temp.resolve("masked.txt");
        window.answerSaveWith(masked);
        window.clickMenu("File", "Save Transcript as Text…");
        window.await(() -> window.robot().lookup("#secrets-confirmation").tryQuery().isPresent(), "the question");
        window.click("Keep masked");
        window.await(() -> Files.exists(masked) && Files.readString(masked).contains("C: PASS "), "the masked file");
        String maskedText = Files.readString(masked, StandardCharsets.UTF_8);
        assertThat(window.shown("#secrets-confirmation")).as("asked each time, and answered").isFalse();

        Path clear = temp.resolve("clear.txt");
        window.answerSaveWith(clear);
        window.clickMenu("File", "Save Transcript as Text…");
        window.await(() -> window.robot().lookup("#secrets-confirmation").tryQuery().isPresent(), "the question again");
        window.click("Include passwords");
        window.await(() -> Files.exists(clear) && Files.readString(clear).contains("C: PASS "), "the file with passwords");

        assertThat(maskedText).doesNotContain("C: PASS " + PASSWORD);
        assertThat(Files.readString(clear, StandardCharsets.UTF_8)).contains("C: PASS " + PASSWORD);

        window.clickLine(pass);
        window.robot().push(KeyCode.CONTROL, KeyCode.C);
        window.await(() -> window.robot().lookup("#secrets-confirmation").tryQuery().isPresent(), "the copy question");
        window.robot().push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowDriver.onFx(() -> Clipboard.getSystemClipboard().getString()))
                .as("Enter keeps the password masked").contains("C: PASS ").doesNotContain(PASSWORD);

        window.robot().push(KeyCode.CONTROL, KeyCode.C);
        window.await(() -> window.robot().lookup("#secrets-confirmation").tryQuery().isPresent(), "the copy question again");
        window.click("Include passwords");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowDriver.onFx(() -> Clipboard.getSystemClipboard().getString())).contains("C: PASS " + PASSWORD);
    }
}
