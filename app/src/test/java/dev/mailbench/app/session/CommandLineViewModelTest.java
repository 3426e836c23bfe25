package dev.mailbench.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mailbench.explain.VerbInfo;
import dev.mailbench.wire.RawInput;

import org.junit.jupiter.api.Test;

class CommandLineViewModelTest {

    private final List<String> lines = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();
    private boolean accepting = true;
    private final CommandLineViewModel commandLine = new CommandLineViewModel(
            line -> accepting && lines.add(line),
            bytes -> accepting && raw.add(new String(bytes, StandardCharsets.UTF_8)));

    @Test
    void noHintInRawModeNorWhenTheSessionTakesNoCommand() {
        List<VerbInfo> now = new ArrayList<>(List.of(new VerbInfo("QUIT", "QUIT", "ends", "RFC 5321 §4.1.1.10", "QUIT")));
        CommandLineViewModel hinted = new CommandLineViewModel(line -> true, bytes -> true, new CommandVerbs() {
            @Override
            public List<VerbInfo> now() {
                return now;
            }

            @Override
            public Optional<VerbInfo> nearest(String line) {
                return Optional.of(now.get(0));
            }
        });
        hinted.textProperty().set("QU");
        assertThat(hinted.hintProperty().get()).isEqualTo("Tab: QUIT");
        hinted.textProperty().set("QIUT");
        assertThat(hinted.hintProperty().get()).isEqualTo("Did you mean QUIT?   QUIT");
        hinted.rawProperty().set(true);
        assertThat(hinted.hintProperty().get()).isEmpty();
        assertThat(hinted.complete()).isFalse();
        hinted.rawProperty().set(false);
        now.clear(); // inside DATA: a line is message text
        hinted.refreshHint();
        assertThat(hinted.hintProperty().get()).isEmpty();
    }

    @Test
    void enterSendsTheLineAndClearsIt() {
        type("EHLO client.example.test");

        assertThat(commandLine.submit()).isTrue();

        assertThat(lines).containsExactly("EHLO client.example.test");
        assertThat(commandLine.textProperty().get()).isEmpty();
    }

    @Test
    void aLineThatCannotBeSentNowStaysTyped() {
        accepting = false;
        type("NOOP");

        assertThat(commandLine.submit()).isFalse();

        assertThat(commandLine.textProperty().get()).isEqualTo("NOOP");
        assertThat(commandLine.history()).isEmpty();
    }

    @Test
    void upAndDownWalkTheHistory() {
        send("EHLO a");
        send("MAIL FROM:<a@b>");
        send("MAIL FROM:<a@b>");
        send("RCPT TO:<c@d>");

        commandLine.previous();
        assertThat(commandLine.textProperty().get()).isEqualTo("RCPT TO:<c@d>");
        commandLine.previous();
        assertThat(commandLine.textProperty().get()).isEqualTo("MAIL FROM:<a@b>");
        commandLine.previous();
        commandLine.previous();
        assertThat(commandLine.textProperty().get()).isEqualTo("EHLO a");
        commandLine.next();
        assertThat(commandLine.textProperty().get()).isEqualTo("MAIL FROM:<a@b>");
        commandLine.next();
        commandLine.next();
        assertThat(commandLine.textProperty().get()).isEmpty();
        assertThat(commandLine.history()).containsExactly("EHLO a", "MAIL FROM:<a@b>", "RCPT TO:<c@d>");
    }

    @Test
    void anEmptyLineIsSentButNotRemembered() {
        send("");

        assertThat(lines).containsExactly("");
        assertThat(commandLine.history()).isEmpty();
    }

    @Test
    void rawModeSendsExactlyWhatIsTypedWithVisibleLineEnds() {
        commandLine.rawProperty().set(true);
        type("." + RawInput.LF + "NOOP" + RawInput.CR + RawInput.LF);

        commandLine.submit();

        assertThat(RawInput.LF).isEqualTo("⟨LF⟩");
        assertThat(raw).containsExactly(".\nNOOP\r\n");
    }

    @Test
    void rawMarksNameAnyOctetAndAnythingElseIsSentAsTyped() {
        assertThat(RawInput.toBytes("a⟨NUL⟩b⟨1b⟩⟨tab⟩é⟨nope⟩⟨")).containsExactly(
                'a', 0, 'b', 0x1B, 0x09, 0xC3, 0xA9, 0xE2, 0x9F, 0xA8, 'n', 'o', 'p', 'e', 0xE2, 0x9F, 0xA9, 0xE2, 0x9F, 0xA8);
        assertThat(lines).isEmpty();
    }

    private void type(String text) {
        commandLine.textProperty().set(text);
    }

    private void send(String text) {
        type(text);
        commandLine.submit();
    }
}
