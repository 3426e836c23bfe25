package dev.mailbench.app.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a self-contained XHTML page (its CSS inline, no external resources) as a PDF with openhtmltopdf: the
 * printable handouts are written as HTML first, then printed from the same text.
 */
public final class HtmlToPdf {
    private HtmlToPdf() {
    }

    /**
     * Writes {@code html} as a PDF to {@code pdf}, replacing the file.
     *
     * @param html well-formed XHTML (openhtmltopdf parses XML), with CSS paged media ({@code @page}) if wanted
     * @throws IOException if the page cannot be rendered or the file written
     */
    public static void write(String html, Path pdf) throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, pdf.toAbsolutePath().getParent().toUri().toString());
            builder.toStream(out);
            builder.run();
        } catch (RuntimeException e) {
            throw new IOException("The page could not be rendered as a PDF: " + e.getMessage(), e);
        }
    }
}
