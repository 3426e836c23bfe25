package dev.mailbench.lesson;

import java.util.Objects;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A piece of a lesson's text as its teacher wrote it, in Markdown (CommonMark): the lesson panel renders it, the
 * terminal prints {@link #plain()}.
 */
public record LessonText(String markdown) {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    public static final LessonText EMPTY = new LessonText("");

    public LessonText {
        Objects.requireNonNull(markdown, "markdown");
        markdown = markdown.strip();
    }

    public boolean isEmpty() {
        return markdown.isEmpty();
    }

    /** The text without its Markdown marks, for a terminal. */
    public String plain() {
        return PLAIN.render(PARSER.parse(markdown)).strip();
    }

    /** This text, or {@code fallback} when this one is empty (a translation that left it out). */
    LessonText or(LessonText fallback) {
        return isEmpty() ? fallback : this;
    }

    @Override
    public String toString() {
        return markdown;
    }
}
