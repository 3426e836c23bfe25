package dev.mailbench.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;

/**
 * An HTML page as a PDF, rendered by openhtmltopdf (CSS 2.1 with paged media: {@code @page}, page breaks). The page
 * is parsed leniently (jsoup), so any HTML Mailbench writes will do, not only XHTML. Where the system has the DejaVu
 * fonts they are embedded, so that marks such as {@code ⟨CR⟩} and {@code ••••••} print; elsewhere the PDF's
 * standard fonts stand in.
 */
public final class HtmlToPdf {

    /** Font files embedded when present, with the CSS family names a page asks for. */
    private static final List<String[]> FONTS = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"},
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "DejaVu Sans Mono"});

    static {
        XRLog.setLoggingEnabled(false); // its own log goes to the console; what fails is thrown
    }

    private HtmlToPdf() {
    }

    /**
     * Writes {@code html} as a PDF to {@code pdf}, replacing the file.
     *
     * @throws IOException if the page cannot be rendered or the file written
     */
    public static void write(String html, Path pdf) throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            write(html, out);
        } catch (RuntimeException e) {
            throw new IOException("The page could not be rendered as a PDF: " + e.getMessage(), e);
        }
    }

    /** Renders {@code html} as a PDF onto {@code out}; does not close it. */
    public static void write(String html, OutputStream out) throws IOException {
        Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (String[] font : FONTS) {
            Path file = Path.of(font[0]);
            if (Files.isReadable(file)) {
                builder.useFont(file.toFile(), font[1]);
            }
        }
        builder.withW3cDocument(document, "");
        builder.toStream(out);
        builder.run();
    }
}
