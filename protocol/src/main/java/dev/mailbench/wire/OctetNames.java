package dev.mailbench.wire;

import java.util.Locale;
import java.util.Optional;

/**
 * Control octets by their ASCII names (RFC 20) in angle brackets, {@code ⟨CR⟩}, {@code ⟨LF⟩}, {@code ⟨NUL⟩}: how the
 * window shows them and how a person types them (raw mode, scripts). One table for both directions.
 */
public final class OctetNames {

    /** ASCII names of the octets 0x00–0x1F (RFC 20), TAB for HT as people say it. */
    private static final String[] NAMES = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};

    private OctetNames() {
    }

    /** The name of a control octet, 0x00–0x1F or 0x7F ({@code CR} for 0x0D); empty for any other octet. */
    public static Optional<String> name(int octet) {
        if (octet >= 0 && octet < NAMES.length) {
            return Optional.of(NAMES[octet]);
        }
        return octet == 0x7F ? Optional.of("DEL") : Optional.empty();
    }

    /** The mark of one control octet: {@code ⟨CR⟩} for 0x0D. */
    public static String mark(int octet) {
        return Printable.MARK_OPEN + name(octet).orElseThrow(() -> new IllegalArgumentException("not a control octet: " + octet))
                + Printable.MARK_CLOSE;
    }

    /**
     * The octet a mark stands for: {@code ⟨LF⟩} is 0x0A; {@code ⟨0B⟩}, two hex digits, any octet.
     *
     * @param mark the name between the angle brackets, in any case
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
}
