package dev.mailbench.app.mime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An HTML part made safe to draw: what the viewer's "Render" shows. Mail HTML is hostile by habit (tracking
 * pixels, scripts, forms that post passwords, remote style sheets), and merely looking must not tell the
 * sender anything. So the markup is cleaned to text formatting, tables, lists and images that the message
 * carries itself; every script, form, frame, embedded object, style sheet, event handler and remote address
 * is dropped; and a Content-Security-Policy forbids any load that might remain. The page is drawn with
 * JavaScript off as well.
 */
final class SafeHtml {

    /** Loads nothing from anywhere; inline styles and images carried as data: URLs still show. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final Safelist KEPT = Safelist.relaxed()
            // images only from the message itself (data:); http(s) images are how senders learn you read it
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "data")
            // links are kept as text, never followed to the web from inside the viewer
            .removeProtocols("a", "href", "ftp", "http", "https")
            .removeProtocols("blockquote", "cite", "http", "https")
            .removeProtocols("q", "cite", "http", "https")
            .preserveRelativeLinks(false);

    private SafeHtml() {
    }

    /** The cleaned page, as a whole document with the policy in its head. */
    static String forDisplay(String html) {
        return forDisplay(html, Map.of());
    }

    /**
     * The cleaned page, with {@code cid:} images (RFC 2392) drawn from the message's own parts: {@code images}
     * maps a Content-ID (without its angle brackets) to the part as a {@code data:} URL.
     */
    static String forDisplay(String html, Map<String, String> images) {
        Document dirty = Jsoup.parse(html == null ? "" : html);
        for (Element img : dirty.select("img[src]")) {
            String src = img.attr("src").strip();
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                String id = URLDecoder.decode(src.substring(4), StandardCharsets.UTF_8);
                String data = images.get(id);
                if (data != null) {
                    img.attr("src", data);
                }
            }
        }
        Document clean = new Cleaner(KEPT).clean(dirty);
        clean.head().prependElement("meta")
                .attr("http-equiv", "Content-Security-Policy")
                .attr("content", CONTENT_SECURITY_POLICY);
        clean.outputSettings().prettyPrint(false);
        return clean.outerHtml();
    }
}
