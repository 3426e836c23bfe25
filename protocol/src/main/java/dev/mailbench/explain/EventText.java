package dev.mailbench.explain;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Printable;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A transcript line as a person reads it on screen: always a single line, with passwords masked unless
 * revealed, and with line endings and control octets made visible on request.
 */
public final class EventText {

    private EventText() {
    }

    /**
     * The line to show.
     *
     * @param showLineEndings show the exact bytes with CR, LF and other control octets as visible marks
     *                        ({@code 250 OK␍␊}, a bare LF as {@code ␊} alone); otherwise the line without its
     *                        CRLF, with only unusual control octets (not TAB) made visible: a bare LF, which
     *                        RFC 5321 §2.3.8 and RFC 1939 §3 do not allow, still shows ({@code .␊})
     * @param revealSecrets   show passwords and base64 secrets in clear
     */
    public static String display(TranscriptEvent event, boolean showLineEndings, boolean revealSecrets) {
        if (isSecret(event) && !revealSecrets) {
            String masked = mask(event.line());
            return showLineEndings ? masked + Printable.of(terminator(event)) : masked;
        }
        if (showLineEndings) {
            return Printable.of(event.bytes());
        }
        return Printable.of(event.bytes(), 0, event.length() - crlfLength(event), true);
    }

    /** Whether the line's own bytes carry a secret (PASS, an AUTH response), so it is masked until revealed. */
    public static boolean isSecret(TranscriptEvent event) {
        Annotation annotation = event.annotation();
        return annotation != null && annotation.secret();
    }

    /**
     * A secret line with the secret part masked: {@code PASS ••••••}, {@code AUTH PLAIN ••••••}, or the mask
     * alone for a bare base64 response. The verb and mechanism stay, because they are what a student reads.
     */
    public static String mask(String line) {
        String[] words = line.strip().split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        if (verb.equals(Pop3Verb.PASS.keyword()) && words.length > 1) {
            return words[0] + " " + SaslText.MASK;
        }
        if ((verb.equals(SmtpVerb.AUTH.keyword()) || verb.equals(Pop3Verb.AUTH.keyword())) && words.length > 2) {
            return words[0] + " " + words[1] + " " + SaslText.MASK;
        }
        return SaslText.MASK;
    }

    /** 2 when the line ends in CR LF, the ending every line should have, else 0. */
    private static int crlfLength(TranscriptEvent event) {
        int length = event.length();
        return length >= 2 && event.byteAt(length - 2) == '\r' && event.byteAt(length - 1) == '\n' ? 2 : 0;
    }

    private static byte[] terminator(TranscriptEvent event) {
        String text = event.text();
        String ending = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : "";
        return ending.getBytes(StandardCharsets.US_ASCII);
    }
}
