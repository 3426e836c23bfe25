package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.mime.SampleMessages;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MIME viewer's Authentication section in the real window: a signed message opened from a file, checked
 * offline, then with a pasted key record; a signature's link marks its bytes in the raw source.
 */
class AuthenticationWindowTest {

    @TempDir
    Path temp;

    @Test
    void aSignedMessageIsCheckedOfflineThenWithAPastedKey() throws Exception {
        Path file = temp.resolve("signed-dkim-arc.eml");
        Files.write(file, SampleMessages.get("signed-dkim-arc.eml").bytes());
        try (WindowDriver window = new WindowDriver(temp.resolve("config"), Optional.empty())) {
            window.openMessageFromTheMenu(file);
            // the tab beside Problems names the signatures found
            window.await(() -> WindowDriver.onFx(() -> window.robot().lookup(".tab-label").queryAllAs(Label.class)
                    .stream().anyMatch(l -> "Authentication (no key)".equals(l.getText()))), "the Authentication tab");
            window.click(WindowDriver.onFx(() -> window.robot().lookup(".tab-label").queryAllAs(Label.class).stream()
                    .filter(l -> "Authentication (no key)".equals(l.getText())).findFirst().orElseThrow()));
            window.await(() -> window.robot().lookup("#auth-dkim-1-signature").tryQuery().isPresent(), "the DKIM result");

            // offline: the body hash needs no key, the signature does, and the section says no DNS was used
            assertThat(window.text("#auth-dns-statement")).startsWith("No DNS was used");
            assertThat(window.text("#auth-dkim-1-body")).isEqualTo("body hash pass");
            assertThat(window.text("#auth-dkim-1-signature")).isEqualTo("signature no-key");
            assertThat(window.styleClasses("#auth-dkim-1-body")).contains("auth-pass");
            assertThat(window.text("#auth-arc-status")).isEqualTo("chain no-key");

            // the canonicalised body, white space made visible
            scrollTo(window, "#auth-dkim-1-canonical-pane");
            window.click(WindowDriver.onFx(() -> window.robot().lookup("#auth-dkim-1-canonical-pane .title").query()));
            window.await(() -> WindowDriver.onFx(() -> window.<TitledPane>node("#auth-dkim-1-canonical-pane").isExpanded()),
                    "the canonical body");
            assertThat(WindowDriver.onFx(() -> window.<TextArea>node("#auth-dkim-1-canonical").getText()))
                    .startsWith("Shall·we·meet·at·noon?¶\nThe·usual·place.¶\n");

            // the signature's link marks the DKIM-Signature field in the raw source
            scrollTo(window, "#auth-dkim-1");
            Hyperlink link = window.node("#auth-dkim-1");
            window.click(link);
            window.await(() -> WindowDriver.onFx(() -> marked(window.node("#mime-raw")))
                    .startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;"), "the DKIM-Signature marked");
            assertThat(WindowDriver.onFx(() -> marked(window.node("#mime-raw")))).doesNotContain("From:")
                    .endsWith("=");

            // a pasted key record verifies the signatures it is the key of
            String keys;
            try (InputStream in = getClass().getResourceAsStream("/dev/mailbench/samples/signed-dkim-arc.zone")) {
                keys = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            WindowDriver.onFx(() -> {
                window.<TextArea>node("#auth-pasted-key").setText(keys);
                return null;
            });
            scrollTo(window, "#auth-check");
            window.click("#auth-check");
            window.await(() -> "signature pass".equals(window.text("#auth-dkim-1-signature")), "the signature checked");
            assertThat(window.text("#auth-arc-status")).isEqualTo("chain pass");
            window.await(() -> WindowDriver.onFx(() -> window.robot().lookup(".tab-label").queryAllAs(Label.class)
                    .stream().anyMatch(l -> "Authentication ✓ DKIM".equals(l.getText()))), "the tab saying it passes");
            assertThat(window.text("#auth-dns-statement")).startsWith("No DNS was used");
            assertThat(WindowDriver.onFx(() -> window.<Label>node("#auth-dkim-1-signature").getStyleClass()))
                    .contains("auth-pass");
        }
    }

    /** Scrolls the Authentication section as a user would, until the node is in view. */
    private static void scrollTo(WindowDriver window, String query) {
        WindowDriver.onFx(() -> {
            ScrollPane scroll = window.robot().lookup(".auth-scroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            Node node = window.robot().lookup(query).query();
            Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, inContent.getMinY() - 10) / room));
            return null;
        });
    }

    /** The text the raw source marks as the selected field, its lines joined. */
    private static String marked(StyleClassedTextArea area) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < area.getParagraphs().size(); p++) {
            int at = 0;
            for (var span : area.getParagraph(p).getStyleSpans()) {
                if (span.getStyle().contains(RawSourceText.SELECTED_FIELD)) {
                    out.append(area.getParagraph(p).getText(), at, at + span.getLength());
                }
                at += span.getLength();
            }
        }
        return out.toString();
    }
}
