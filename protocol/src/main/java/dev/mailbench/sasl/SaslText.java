package dev.mailbench.sasl;

import dev.mailbench.wire.Annotation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Arrays;

/**
 * Base64 as SASL uses it on the wire (RFC 4954 §4, RFC 5034 §4), and how decoded payloads are shown: never
 * hidden, but with passwords masked until a person asks to see them.
 */
public final class SaslText {
    /** What a masked secret looks like on screen. */
    public static final String MASK = "••••••";

    private SaslText() {
    }

    /** Base64 of the bytes; an empty initial response is sent as "=" (RFC 4954 §4). */
    public static String encode(byte[] bytes) {
        return bytes.length == 0 ? "=" : Base64.getEncoder().encodeToString(bytes);
    }

    /** Base64 of an answer to a challenge; unlike the initial response, an empty answer is an empty line (RFC 4954 §4). */
    public static String encodeAnswer(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes a base64 payload; "=" is the empty response. Empty when the text is not base64. */
    public static Optional<byte[]> decode(String base64) {
        String trimmed = base64.trim();
        if (trimmed.equals("=")) {
            return Optional.of(new byte[0]);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(trimmed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Decoded bytes as a person reads them: text with NULs shown as ⟨NUL⟩, or hex when not text. */
    public static String display(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == 0) {
                    out.append("⟨NUL⟩");
                } else if (c < 0x20) {
                    out.append(String.format(Locale.ROOT, "⟨%02X⟩", (int) c));
                } else {
                    out.append(c);
                }
            }
            return '"' + out.toString() + '"';
        } catch (CharacterCodingException e) {
            return "hex " + HexFormat.of().formatHex(bytes);
        }
    }

    /** Annotation for a server challenge ({@code 334 VXNlcm5hbWU6} → "Username:"). */
    public static Annotation challenge(String base64) {
        return decode(base64)
                .map(bytes -> Annotation.of("challenge decoded from base64: " + display(bytes)))
                .orElseGet(() -> Annotation.of("challenge is not valid base64"));
    }

    /**
     * Annotation for a client response in an AUTH exchange, masking what is a password in the given
     * mechanism. {@code step} counts the client's responses from 0, the initial response included.
     */
    public static Annotation response(String mechanism, int step, String base64) {
        Optional<byte[]> decoded = decode(base64);
        if (decoded.isEmpty()) {
            if (base64.trim().equals("*")) {
                return Annotation.of("cancels the authentication exchange (RFC 4954 §4)");
            }
            String note = "response is not valid base64";
            // Where the mechanism expects a password, text that is not base64 is most likely the password
            // typed in clear, so the line itself stays masked.
            boolean passwordExpected = switch (mechanism.toUpperCase(Locale.ROOT)) {
                case "LOGIN" -> step > 0;
                case "CRAM-MD5" -> false;
                default -> true;
            };
            return passwordExpected
                    ? Annotation.secret(note + " (hidden: it may be the password typed in clear)", note)
                    : Annotation.of(note);
        }
        byte[] bytes = decoded.get();
        String clear = "response decoded from base64: " + display(bytes);
        switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> {
                // RFC 4616 §2: [authzid] NUL authcid NUL passwd
                int first = indexOf(bytes, 0, 0);
                int second = first < 0 ? -1 : indexOf(bytes, 0, first + 1);
                if (second < 0) {
                    return Annotation.secret("response decoded from base64: (not of the form authzid⟨NUL⟩user⟨NUL⟩password) " + MASK, clear);
                }
                byte[] identities = Arrays.copyOf(bytes, second + 1);
                String shown = display(identities);
                String masked = shown.endsWith("\"")
                        ? shown.substring(0, shown.length() - 1) + MASK + '"'
                        : shown + " " + MASK; // identities shown in hex: not text
                return Annotation.secret("response decoded from base64: " + masked, clear);
            }
            case "LOGIN" -> {
                // The LOGIN mechanism asks for the user name first, then the password.
                return step == 0 ? Annotation.of(clear)
                        : Annotation.secret("response decoded from base64: \"" + MASK + "\" (the password)", clear);
            }
            case "CRAM-MD5" -> {
                // RFC 2195 §2: user name, space, keyed digest; the password itself never crosses the wire.
                return Annotation.of(clear);
            }
            default -> {
                return Annotation.secret("response decoded from base64 (" + bytes.length + " bytes, hidden: the "
                        + mechanism + " mechanism may carry secrets)", clear);
            }
        }
    }

    private static int indexOf(byte[] bytes, int value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
