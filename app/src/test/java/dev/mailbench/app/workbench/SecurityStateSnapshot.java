package dev.mailbench.app.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;


import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.tls.SelfSignedCertificate;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of the security warnings in every theme, for a person to look at; not part of the build (the name
 * does not end in Test): the window over an expired certificate with the AUTH form open, and the certificate
 * dialog; a POP3 login without TLS. Run with {@code ./mvnw -B -pl app -am test -Dtest=SecurityStateSnapshot
 * -Dsurefire.failIfNoSpecifiedTests=false}; the PNGs land in {@code app/target/snapshots/}.
 */
class SecurityStateSnapshot {

    @TempDir
    Path temp;

    @Test
    void everyTheme() throws Exception {
        Path out = Path.of("target", "snapshots");
        Files.createDirectories(out);
        Instant now = Instant.now();
        KeyStore expired = SelfSignedCertificate.generate("mail.example.test", AnsweringServer.PASSWORD,
                now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        try (AnsweringServer server = AnsweringServer.smtp(Optional.of(expired));
             WindowDriver window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1", server.port(),
                     MailProtocol.SMTP, TlsMode.IMPLICIT)))) {
            window.await(() -> window.shown("#session-tls") && window.text("#session-tls").startsWith("TLS, "),
                    "the badge");
            window.click("#step-AUTH");
            window.await(() -> window.robot().lookup("#step-security-warning").tryQuery().isPresent(), "the form");
            Scene scene = WindowDriver.onFx(() -> window.robot().lookup("#main-layout").query().getScene());
            shoot(scene, out, "security-window");
            window.click("#session-tls");
            window.await(() -> window.robot().lookup("#certificate-pem").tryQuery().isPresent(), "the dialog");
            Scene dialog = WindowDriver.onFx(() -> Window.getWindows().stream()
                    .filter(w -> w.getScene() != null && w.getScene().lookup("#certificate-pem") != null)
                    .findFirst().orElseThrow().getScene());
            shoot(dialog, out, "security-certificate");
        }
        try (AnsweringServer server = AnsweringServer.pop3(Optional.empty());
             WindowDriver window = new WindowDriver(temp.resolve("plain"), Optional.of(new ConnectionSettings(
                     "127.0.0.1", server.port(), MailProtocol.POP3, TlsMode.NONE)))) {
            window.awaitLine(line -> line.contains("S: +OK"), "the greeting");
            window.step("USER");
            window.awaitLine(line -> line.contains("C: USER"), "USER");
            window.click("#step-PASS");
            window.await(() -> window.robot().lookup("#field-password").tryQuery().isPresent(), "the form");
            window.type("#field-password", "secret");
            window.click("#step-send");
            window.awaitLine(line -> line.contains("C: PASS"), "PASS");
            window.click("#step-PASS");
            window.await(() -> window.robot().lookup("#step-security-warning").tryQuery().isPresent(), "the form");
            Scene scene = WindowDriver.onFx(() -> window.robot().lookup("#main-layout").query().getScene());
            shoot(scene, out, "security-plain");
        }
    }

    private static void shoot(Scene scene, Path out, String name) throws Exception {
        for (String theme : new String[] {"light", "dark", "projector"}) {
            WindowDriver.onFx(() -> {
                new ThemeManager(Theme.fromId(theme)).attach(scene);
                return null;
            });
            Thread.sleep(800);
            WritableImage image = WindowDriver.onFx(() -> scene.snapshot(null));
            Snapshots.writePng(image, out.resolve(name + "-" + theme + ".png"));
        }
    }
}
