package dev.mailbench.diagnose;

import dev.mailbench.explain.EventText;
import dev.mailbench.wire.TranscriptEvent;
import java.util.Locale;
import java.util.Objects;

/**
 * One transcript line as a report shows it: a password or SASL response masked, control octets visible.
 *
 * @param number    from 1, the number evidence refers to
 * @param direction {@code client}, {@code server} or {@code note}
 * @param text      the line without its CRLF; a bare LF or other control octet shown as a visible mark
 * @param tls       whether the line travelled inside TLS
 */
public record ReportLine(int number, String direction, String text, boolean tls) {
    public ReportLine {
        Objects.requireNonNull(direction);
        Objects.requireNonNull(text);
    }

    /** A transcript event as a report shows it: a secret masked, its CRLF left out, other control octets shown. */
    public static ReportLine of(TranscriptEvent event) {
        return new ReportLine((int) event.sequence() + 1, event.direction().name().toLowerCase(Locale.ROOT),
                EventText.display(event, false, false), event.tls());
    }
}
