package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a script's lines read: commands, raw lines, expect, wait, comments, empty lines. */
class ScriptTest {

    @Test
    void eachLineBecomesItsStepWithItsLineNumber() throws Exception {
        Script script = Script.parse("a.mbscript", "# greeting\nexpect 2xx\nEHLO me\n\nwait 0.5\n.⟨LF⟩\nexpect +ok\n");

        assertThat(script.steps()).hasSize(6);
        assertThat(script.steps().get(0)).isEqualTo(new ScriptStep.Expect(2, ReplyPattern.parse("2XX")));
        assertThat(script.steps().get(1)).isEqualTo(new ScriptStep.Send(3, "EHLO me"));
        assertThat(script.steps().get(2)).isEqualTo(new ScriptStep.Send(4, ""));
        assertThat(script.steps().get(3)).isEqualTo(new ScriptStep.Wait(5, Duration.ofMillis(500)));
        assertThat(script.steps().get(4)).isInstanceOfSatisfying(ScriptStep.Raw.class,
                raw -> assertThat(raw.bytes()).containsExactly('.', '\n'));
        assertThat(((ScriptStep.Expect) script.steps().get(5)).pattern().text()).isEqualTo("+OK");
    }

    @Test
    void aLineThatCannotRunIsNamedByFileAndLine() {
        assertThatThrownBy(() -> Script.parse("b.mbscript", "EHLO me\nexpect 250 OK\n"))
                .isInstanceOf(ScriptSyntaxException.class).hasMessageStartingWith("b.mbscript:2: not a reply to expect");
        assertThatThrownBy(() -> Script.parse("b.mbscript", "wait soon\n"))
                .hasMessage("b.mbscript:1: not a number of seconds to wait: \"soon\"");
    }

    @Test
    void patternsMatchClassesCodesEnhancedCodesAndPop3Status() {
        SeenReply denied = new SeenReply(0, "550", "5.7.1", List.of("550 5.7.1 Relaying denied"), null);
        assertThat(ReplyPattern.parse("5xx").matches(denied)).isTrue();
        assertThat(ReplyPattern.parse("4xx").matches(denied)).isFalse();
        assertThat(ReplyPattern.parse("550").matches(denied)).isTrue();
        assertThat(ReplyPattern.parse("5.7.1").matches(denied)).isTrue();
        assertThat(ReplyPattern.parse("5.7.2").matches(denied)).isFalse();
        assertThat(ReplyPattern.parse("-ERR").matches(denied)).isFalse();
        assertThat(ReplyPattern.parse("+OK").matches(new SeenReply(0, "+OK", "", List.of("+OK"), null))).isTrue();
    }
}
