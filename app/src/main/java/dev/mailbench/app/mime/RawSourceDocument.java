package dev.mailbench.app.mime;

import java.util.Collection;
import java.util.List;

import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The raw source's text as a styled document for its text area, made off the UI thread: a megabyte of source is
 * some 14,000 paragraphs, and laying them out and styling them in the text area itself would hold the UI thread
 * for a quarter of a second each time a part is selected. The UI thread only swaps the document in.
 */
final class RawSourceDocument {

    private static final Collection<String> NO_STYLE = List.of();

    private RawSourceDocument() {
    }

    /**
     * The text as a document of one paragraph a line, each styled by its share of {@code styles} (which count a
     * line break as a character; a paragraph's own spans do not): one walk over the lines and the spans together.
     */
    static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> of(
            String text, StyleSpans<Collection<String>> styles) {
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> document =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), NO_STYLE);
        int span = 0;
        int spanStart = 0;
        int lineStart = 0;
        while (true) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            StyleSpansBuilder<Collection<String>> line = new StyleSpansBuilder<>();
            int at = lineStart;
            while (at < lineEnd) {
                StyleSpan<Collection<String>> current = styles.getStyleSpan(span);
                int spanEnd = spanStart + current.getLength();
                if (spanEnd <= at) {
                    span++;
                    spanStart = spanEnd;
                    continue;
                }
                int end = Math.min(spanEnd, lineEnd);
                line.add(current.getStyle(), end - at);
                at = end;
            }
            String content = text.substring(lineStart, lineEnd);
            if (content.isEmpty()) {
                document.addParagraph(content, NO_STYLE);
            } else {
                document.addParagraph(List.of(content), line.create());
            }
            if (newline < 0) {
                return document.build();
            }
            lineStart = newline + 1;
        }
    }
}
