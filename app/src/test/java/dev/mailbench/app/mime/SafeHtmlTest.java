package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What "Render" may draw of an HTML part: its text and formatting, nothing that reaches out or runs. */
class SafeHtmlTest {

    @Test
    void textFormattingTablesAndListsStay() {
        String page = SafeHtml.forDisplay("<p>Hello <b>Bob</b>,</p><ul><li>one</li></ul>"
                + "<table><tr><td>cell</td></tr></table>");

        assertThat(page).contains("<p>Hello <b>Bob</b>,</p>", "<li>one</li>", "<td>cell</td>");
    }

    @Test
    void scriptsFormsFramesObjectsAndHandlersAreGone() {
        String page = SafeHtml.forDisplay("<script>steal()</script><p onclick=\"steal()\" onmouseover=\"x()\">text</p>"
                + "<form action=\"https://evil.example/login\"><input name=\"password\"></form>"
                + "<iframe src=\"https://evil.example/\"></iframe><object data=\"x.swf\"></object>"
                + "<embed src=\"x.swf\"><link rel=\"stylesheet\" href=\"https://evil.example/s.css\">"
                + "<style>body { background: url(https://evil.example/bg.png) }</style>");

        assertThat(page).contains("<p>text</p>")
                .doesNotContain("script", "steal", "onclick", "onmouseover", "form", "input", "iframe", "object",
                        "embed", "evil.example", "<style");
    }

    @Test
    void remoteImagesAndLinksAreCutWhileImagesCarriedInTheMessageStay() {
        String page = SafeHtml.forDisplay("<img src=\"https://tracker.example/pixel.gif?u=bob\" alt=\"pixel\">"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">"
                + "<a href=\"https://phish.example/\">click</a> <a href=\"mailto:alice@example.test\">mail</a>");

        assertThat(page).doesNotContain("tracker.example", "phish.example")
                .contains("<img alt=\"pixel\">", "src=\"data:image/png;base64,iVBORw0KGgo=\"", ">click</a>",
                        "href=\"mailto:alice@example.test\"");
    }

    @Test
    void aCidImageIsDrawnFromTheMessagesOwnPartAndAnUnknownOneIsLeftOut() {
        String page = SafeHtml.forDisplay("<img src=\"cid:dot@example.test\"><img src=\"CID:missing@example.test\">",
                Map.of("dot@example.test", "data:image/png;base64,AAAA"));

        assertThat(page).contains("<img src=\"data:image/png;base64,AAAA\"><img>").doesNotContain("cid:", "CID:");
    }

    @Test
    void thePageForbidsEveryLoadThatMightRemain() {
        String page = SafeHtml.forDisplay("<p>hi</p>");

        // A policy in a meta element governs only what comes after it: it must come first in the head.
        Element first = Jsoup.parse(page).head().child(0);
        assertThat(first.normalName()).isEqualTo("meta");
        assertThat(first.attr("http-equiv")).isEqualToIgnoringCase("Content-Security-Policy");
        Map<String, List<String>> policy = directives(first.attr("content"));

        // no script of any kind: elements, handlers, workers
        for (String scripts : List.of("script-src-elem", "script-src-attr", "worker-src")) {
            assertThat(effectiveSources(policy, scripts)).as(scripts).containsExactly("'none'");
        }
        // nothing loaded from anywhere: only what the page carries (data: images, inline style)
        for (String fetch : FALLBACKS.keySet()) {
            List<String> allowed = fetch.startsWith("style-src") ? List.of("'none'", "data:", "'unsafe-inline'")
                    : List.of("'none'", "data:");
            assertThat(effectiveSources(policy, fetch)).as(fetch).isNotEmpty().isSubsetOf(allowed);
        }
    }

    /**
     * Where each fetch directive falls back to when the policy does not give it, in order (Content Security
     * Policy Level 3, §6.8.3 "Get the effective directive for request" and §6.8.4 "Get fetch directive fallback
     * list").
     */
    private static final Map<String, List<String>> FALLBACKS = Map.ofEntries(
            Map.entry("script-src-elem", List.of("script-src-elem", "script-src", "default-src")),
            Map.entry("script-src-attr", List.of("script-src-attr", "script-src", "default-src")),
            Map.entry("style-src-elem", List.of("style-src-elem", "style-src", "default-src")),
            Map.entry("style-src-attr", List.of("style-src-attr", "style-src", "default-src")),
            Map.entry("worker-src", List.of("worker-src", "child-src", "script-src", "default-src")),
            Map.entry("frame-src", List.of("frame-src", "child-src", "default-src")),
            Map.entry("connect-src", List.of("connect-src", "default-src")),
            Map.entry("font-src", List.of("font-src", "default-src")),
            Map.entry("img-src", List.of("img-src", "default-src")),
            Map.entry("manifest-src", List.of("manifest-src", "default-src")),
            Map.entry("media-src", List.of("media-src", "default-src")),
            Map.entry("object-src", List.of("object-src", "default-src")));

    /** The sources that govern {@code directive}; none given anywhere means no restriction ("*"). */
    private static List<String> effectiveSources(Map<String, List<String>> policy, String directive) {
        for (String name : FALLBACKS.get(directive)) {
            List<String> sources = policy.get(name);
            if (sources != null) {
                // an empty source list matches nothing, as 'none' does (§2.3.1)
                return sources.isEmpty() ? List.of("'none'") : sources;
            }
        }
        return List.of("*");
    }

    /** A serialized policy's directives by name, each with its sources (CSP Level 3 §2.2.1: a repeated directive is ignored). */
    private static Map<String, List<String>> directives(String serialized) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String token : serialized.split(";")) {
            String[] words = token.strip().split("\\s+");
            if (!words[0].isEmpty()) {
                directives.putIfAbsent(words[0].toLowerCase(Locale.ROOT),
                        Arrays.stream(words, 1, words.length).map(word -> word.toLowerCase(Locale.ROOT)).toList());
            }
        }
        return directives;
    }
}
