package dev.mailbench.app.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mailbench.wire.OctetNames;
import dev.mailbench.wire.Printable;

/**
 * Control octets as the window shows them: {@code ⟨CR⟩⟨LF⟩}, {@code ⟨NUL⟩}, {@code ⟨TAB⟩}, with their ASCII
 * names. The protocol module marks them with Unicode control pictures ({@code ␍␊}), exact but missing from
 * many fonts (DejaVu, the usual Linux default, lacks them); the names in angle brackets read the same
 * everywhere and match how decoded base64 shows a NUL ({@code ⟨NUL⟩}). An octet that is not valid UTF-8 comes from
 * {@link Printable} already marked, in hex ({@code ⟨C3⟩}), and is a mark like the others.
 */
public final class ControlMarks {

    private static final char PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char OPEN = Printable.MARK_OPEN;
    private static final char CLOSE = Printable.MARK_CLOSE;
    /** An octet's hex mark, {@code ⟨C3⟩}, is this long. */
    private static final int HEX_MARK = 4;

    /** A piece of text, or one control octet's mark. */
    public record Run(String text, boolean control) {
    }

    private ControlMarks() {
    }

    /** {@code "250 OK␍␊"} becomes {@code "250 OK⟨CR⟩⟨LF⟩"}. */
    public static String of(String text) {
        if (!hasPictures(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Run run : runs(text)) {
            out.append(run.text());
        }
        return out.toString();
    }

    /** The text split where control pictures are, each of them replaced by its mark. */
    public static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            Optional<String> name = name(text.charAt(i));
            boolean hex = name.isEmpty() && isHexMark(text, i);
            if (name.isPresent() || hex) {
                if (i > start) {
                    runs.add(new Run(text.substring(start, i), false));
                }
                runs.add(new Run(hex ? text.substring(i, i + HEX_MARK) : OPEN + name.get() + CLOSE, true));
                start = hex ? i + HEX_MARK : i + 1;
                i = start - 1;
            }
        }
        if (start < text.length() || runs.isEmpty()) {
            runs.add(new Run(text.substring(start), false));
        }
        return runs;
    }

    /** The mark of one octet: {@code ⟨CR⟩} for 0x0D. */
    public static String mark(int octet) {
        return OctetNames.mark(octet);
    }

    /**
     * The octet a mark stands for: {@code ⟨LF⟩} is 0x0A; {@code ⟨0B⟩}, two hex digits, any octet.
     *
     * @param mark the name between the angle brackets
     */
    public static Optional<Integer> octet(String mark) {
        return OctetNames.octet(mark);
    }

    private static boolean hasPictures(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (name(text.charAt(i)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an octet's hex mark, {@code ⟨C3⟩}, starts at {@code at}. */
    private static boolean isHexMark(String text, int at) {
        return text.charAt(at) == OPEN && at + HEX_MARK <= text.length() && text.charAt(at + HEX_MARK - 1) == CLOSE
                && isHexDigit(text.charAt(at + 1)) && isHexDigit(text.charAt(at + 2));
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }

    private static Optional<String> name(char c) {
        if (c >= PICTURES && c < PICTURES + 0x20) {
            return OctetNames.name(c - PICTURES);
        }
        return c == DELETE_PICTURE ? OctetNames.name(0x7F) : Optional.empty();
    }
}
