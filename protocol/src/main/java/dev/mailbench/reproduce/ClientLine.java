package dev.mailbench.reproduce;

import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.TranscriptEvent;
import java.util.Locale;
import java.util.Set;

/**
 * A line the client sent, as a reproduction needs it.
 *
 * @param sequence   its transcript sequence number
 * @param text       the line without its ending
 * @param tls        whether it travelled inside TLS
 * @param command    whether it is a command (not message text nor an AUTH response)
 * @param issues     rule breaks in its bytes (a bare LF, a NUL …)
 */
record ClientLine(long sequence, String text, boolean tls, boolean command, Set<LineIssue> issues) {

    static ClientLine of(TranscriptEvent event, boolean command) {
        return new ClientLine(event.sequence(), event.line(), event.tls(), command, event.issues());
    }

    /** The first word, upper case: the verb of a command. */
    String verb() {
        String word = text.strip().split("\\s+", 2)[0];
        return word.toUpperCase(Locale.ROOT);
    }

    /** What a tool that sends CRLF line endings cannot reproduce of this line, or null. */
    String irregularity() {
        if (issues.contains(LineIssue.BARE_LF)) {
            return "a bare LF";
        }
        if (issues.contains(LineIssue.BARE_CR)) {
            return "a bare CR";
        }
        if (issues.contains(LineIssue.NUL)) {
            return "a NUL octet";
        }
        if (issues.contains(LineIssue.UNTERMINATED)) {
            return "no line ending";
        }
        return null;
    }
}
