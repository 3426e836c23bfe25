package dev.mailbench.app.transcript;

import java.util.List;
import java.util.stream.Collectors;

/** A transcript line as drawn: pieces of text, each with the CSS style class that colours it. */
public record StyledLine(List<Segment> segments) {

    public StyledLine {
        segments = List.copyOf(segments);
    }

    /** A piece of text with one style class (see base.css for the classes). */
    public record Segment(String text, String styleClass) {
    }

    /** The line's text with control octets as Unicode control pictures ({@code ␍␊}), as the protocol module gives it. */
    public String text() {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }

    /**
     * The line's text as its row shows it, control octets by name ({@code ⟨CR⟩⟨LF⟩}) and octets that are not UTF-8 in
     * hex ({@code ⟨C3⟩}): what is copied and saved.
     */
    public String shown() {
        return ControlMarks.of(text());
    }

    /** The style class of the line's own text (its last segment): {@code client}, {@code reply-2xx} … */
    public String lineStyle() {
        return segments.get(segments.size() - 1).styleClass();
    }
}
