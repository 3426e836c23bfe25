package dev.mailbench.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.session.TestSessions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerViewModelTest {

    @TempDir
    Path temp;

    private final SessionViewModel session = TestSessions.session(new ConnectionSettings("127.0.0.1", 25,
            MailProtocol.SMTP, TlsMode.NONE));
    private final ComposerViewModel composer = new ComposerViewModel(session,
            ZonedDateTime.of(2025, 3, 4, 14, 5, 9, 0, ZoneOffset.UTC));

    @Test
    void itOpensWithTheClassroomAddressesAndAFreshMessageId() {
        assertThat(composer.fromProperty().get()).isEqualTo("alice@example.test");
        assertThat(composer.toProperty().get()).isEqualTo("bob@example.test");
        assertThat(composer.dateProperty().get()).isEqualTo("Tue, 4 Mar 2025 14:05:09 +0000");
        assertThat(composer.messageIdProperty().get()).endsWith("@example.test>");
        assertThat(composer.canSendProperty().get()).isTrue();
    }

    @Test
    void anAttachedFileShowsUpInTheWireForm() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "attached text", StandardCharsets.UTF_8);

        composer.attach(file);

        assertThat(composer.attachmentProperty().get().fileName()).isEqualTo("notes.txt");
        assertThat(composer.wireProperty().get())
                .contains("Content-Type: multipart/mixed;", "filename=notes.txt")
                .endsWith(".⟨CR⟩⟨LF⟩\n");
        composer.removeAttachment();
        assertThat(composer.wireProperty().get()).doesNotContain("multipart");
    }

    @Test
    void aFileThatCannotBeReadIsSaidSo() {
        composer.attach(temp.resolve("missing.bin"));

        assertThat(composer.attachmentProperty().get()).isNull();
        assertThat(composer.problemProperty().get()).startsWith("Cannot attach ").contains("missing.bin");
    }

    @Test
    void headersGoOutAsTypedEvenMalformedForTheServerToJudge() {
        composer.toProperty().set("bob@example.test, <unclosed");

        assertThat(composer.canSendProperty().get()).isTrue();
        assertThat(composer.wireProperty().get()).contains("To: bob@example.test, <unclosed⟨CR⟩⟨LF⟩");
    }
}
