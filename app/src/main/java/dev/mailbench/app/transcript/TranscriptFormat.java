package dev.mailbench.app.transcript;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mailbench.explain.EventText;
import dev.mailbench.explain.LineClass;
import dev.mailbench.wire.Durations;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.explain.LineRole;
import dev.mailbench.wire.TranscriptEvent;

/**
 * How a transcript line is laid out: the time it crossed the wire, the reply latency, who sent it, and the
 * line itself, each piece with its style class. Colours live in CSS; this only names the classes.
 */
public final class TranscriptFormat {

    /** Style class of the time column. */
    public static final String TIMESTAMP = "timestamp";
    /** Style class of the latency column. */
    public static final String LATENCY = "latency";
    /** Style class of the mark a saved transcript puts before a line that travelled inside TLS. */
    public static final String TLS = "tls";
    /** The mark a saved transcript puts before a line that travelled inside TLS. */
    public static final String TLS_MARK = "TLS ";
    /** Extra style class of a transparency dot (dot-stuffing) when line endings are shown. */
    public static final String STUFFING_DOT = "stuffing-dot";
    private static final int LATENCY_WIDTH = 9;
    /** How many characters the time and latency columns take before a line's own text, spaces included. */
    public static final int TIMES_COLUMNS = "14:05:09.123 ".length() + LATENCY_WIDTH + 1;

    private final DateTimeFormatter time;
    /**
     * The last second formatted, {@code HH:mm:ss}: the lines of a RETR come many to a second, and a formatter with
     * a zone costs a third of drawing a row. Replaced whole, so any thread may read it.
     */
    private volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

    private record FormattedSecond(long epochSecond, String text) {
    }

    public TranscriptFormat(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    /** The time of day a line crossed the wire, to the millisecond: {@code 14:05:09.123}. */
    String timeOfDay(Instant instant) {
        FormattedSecond second = lastSecond;
        if (second.epochSecond() != instant.getEpochSecond()) {
            second = new FormattedSecond(instant.getEpochSecond(), time.format(instant));
            lastSecond = second;
        }
        int millis = instant.getNano() / 1_000_000;
        return second.text() + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10) + (char) ('0' + millis % 10);
    }

    /** The style class of a line's text; base.css and every theme colour each of them. */
    public static String styleClass(LineClass lineClass) {
        return switch (lineClass) {
            case CLIENT -> "client";
            case SUCCESS -> "reply-2xx";
            case INTERMEDIATE -> "reply-3xx";
            case TRANSIENT -> "reply-4xx";
            case PERMANENT -> "reply-5xx";
            case MALFORMED -> "malformed";
            case NOTE -> "note";
        };
    }

    public StyledLine render(TranscriptEntry entry, RenderOptions options) {
        return render(entry, options, false);
    }

    /**
     * A line as a saved transcript has it: as {@link #render} draws it, with {@link #TLS_MARK} before who sent it
     * when the line travelled inside TLS, for a reader who has no badge to look at.
     */
    public StyledLine renderSaved(TranscriptEntry entry, RenderOptions options) {
        return render(entry, options, true);
    }

    private StyledLine render(TranscriptEntry entry, RenderOptions options, boolean markTls) {
        TranscriptEvent event = entry.event();
        LineInfo info = entry.info();
        String style = styleClass(info.lineClass());
        List<StyledLine.Segment> segments = new ArrayList<>(5);
        if (options.showTimes()) {
            segments.add(new StyledLine.Segment(timeOfDay(event.time()) + " ", TIMESTAMP));
            String latency = info.role() == LineRole.REPLY
                    ? event.latency().map(TranscriptFormat::latency).orElse("") : "";
            segments.add(new StyledLine.Segment(pad(latency) + " ", LATENCY));
        }
        String marker = switch (event.direction()) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "*  ";
        };
        if (markTls && event.tls()) {
            segments.add(new StyledLine.Segment(TLS_MARK, TLS));
        }
        String text = EventText.display(event, options.showLineEndings(), options.revealSecrets());
        if (options.showLineEndings() && info.leadingDot() && text.startsWith(".")) {
            segments.add(new StyledLine.Segment(marker, style));
            segments.add(new StyledLine.Segment(".", STUFFING_DOT));
            segments.add(new StyledLine.Segment(text.substring(1), style));
        } else {
            segments.add(new StyledLine.Segment(marker + text, style));
        }
        return new StyledLine(segments);
    }

    /** A reply latency in a few characters: {@code +0.4 ms}, {@code +12 ms}, {@code +2.5 s}. */
    public static String latency(Duration latency) {
        return Durations.latency(latency);
    }

    private static String pad(String text) {
        return text.length() >= LATENCY_WIDTH ? text : " ".repeat(LATENCY_WIDTH - text.length()) + text;
    }
}
