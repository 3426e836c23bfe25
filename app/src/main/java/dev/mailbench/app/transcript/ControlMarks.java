package dev.mailbench.app.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Control octets as the window shows them: {@code ⟨CR⟩⟨LF⟩}, {@code ⟨NUL⟩}, {@code ⟨TAB⟩}, with their ASCII
 * names. The protocol module marks them with Unicode control pictures ({@code ␍␊}), exact but missing from
 * many fonts (DejaVu, the usual Linux default, lacks them); the names in angle brackets read the same
 * everywhere and match how decoded base64 shows a NUL ({@code ⟨NUL⟩}).
 */
public final class ControlMarks {

    /** ASCII names of the octets 0x00–0x1F (RFC 20), TAB for HT as people say it. */
    private static final String[] NAMES = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};
    private static final char PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char OPEN = '\u27E8';
    private static final char CLOSE = '\u27E9';

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
            if (name.isPresent()) {
                if (i > start) {
                    runs.add(new Run(text.substring(start, i), false));
                }
                runs.add(new Run(OPEN + name.get() + CLOSE, true));
                start = i + 1;
            }
        }
        if (start < text.length() || runs.isEmpty()) {
            runs.add(new Run(text.substring(start), false));
        }
        return runs;
    }

    /** The mark of one octet: {@code ⟨CR⟩} for 0x0D. */
    public static String mark(int octet) {
        return OPEN + (octet == 0x7F ? "DEL" : NAMES[octet]) + CLOSE;
    }

    /**
     * The octet a mark stands for: {@code ⟨LF⟩} is 0x0A; {@code ⟨0B⟩}, two hex digits, any octet.
     *
     * @param mark the name between the angle brackets
     */
    public static Optional<Integer> octet(String mark) {
        String name = mark.toUpperCase(Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return Optional.of(i);
            }
        }
        if (name.equals("DEL")) {
            return Optional.of(0x7F);
        }
        if (name.equals("HT")) {
            return Optional.of(0x09);
        }
        if (name.matches("[0-9A-F]{2}")) {
            return Optional.of(Integer.parseInt(name, 16));
        }
        return Optional.empty();
    }

    private static boolean hasPictures(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (name(text.charAt(i)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> name(char c) {
        if (c >= PICTURES && c < PICTURES + NAMES.length) {
            return Optional.of(NAMES[c - PICTURES]);
        }
        return c == DELETE_PICTURE ? Optional.of("DEL") : Optional.empty();
    }
}
