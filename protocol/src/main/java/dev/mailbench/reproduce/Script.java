package dev.mailbench.reproduce;

import dev.mailbench.wire.RawInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted session: the lines a person would type in a session tab's command line, one a line, plus
 * <ul>
 *   <li>{@code expect CODE}: the next reply must be of that class, code, enhanced code or POP3 status
 *       ({@link ReplyPattern});</li>
 *   <li>{@code wait SECONDS}: a pause (decimals allowed);</li>
 *   <li>{@code #} at the start of a line: a comment;</li>
 *   <li>a line with raw marks ({@code ⟨CR⟩}, {@code ⟨LF⟩}, {@code ⟨NUL⟩}, {@code ⟨1B⟩}): sent as raw mode sends it,
 *       exactly those bytes and nothing added;</li>
 *   <li>an empty line: sent only inside DATA's message text, where it separates header and body (RFC 5322 §2.1);
 *       elsewhere it only spaces the script out.</li>
 * </ul>
 * {@code expect} and {@code wait} are written in lower case, so they never read as a verb.
 *
 * @param name  the file name, for messages that name a line
 * @param steps what the script does, in order
 */
public record Script(String name, List<ScriptStep> steps) {

    /** The file extension of scripts. */
    public static final String EXTENSION = ".mbscript";

    public Script {
        steps = List.copyOf(steps);
    }

    /** Reads a script's text. */
    public static Script parse(String name, String text) throws ScriptSyntaxException {
        List<ScriptStep> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--; // the file's final newline ends the last line; it starts none
        }
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            String line = lines[i];
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("expect ") || line.equals("expect")) {
                try {
                    steps.add(new ScriptStep.Expect(number, ReplyPattern.parse(line.substring("expect".length()))));
                } catch (IllegalArgumentException e) {
                    throw new ScriptSyntaxException(name, number, e.getMessage());
                }
            } else if (line.startsWith("wait ") || line.equals("wait")) {
                steps.add(new ScriptStep.Wait(number, seconds(name, number, line.substring("wait".length()).strip())));
            } else if (RawInput.hasMarks(line)) {
                steps.add(new ScriptStep.Raw(number, line, RawInput.toBytes(line)));
            } else {
                steps.add(new ScriptStep.Send(number, line));
            }
        }
        return new Script(name, steps);
    }

    private static Duration seconds(String name, int number, String text) throws ScriptSyntaxException {
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ScriptSyntaxException(name, number, "not a number of seconds to wait: \"" + text + "\"");
        }
    }
}
