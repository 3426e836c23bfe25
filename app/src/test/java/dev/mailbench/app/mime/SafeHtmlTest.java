package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

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
                java.util.Map.of("dot@example.test", "data:image/png;base64,AAAA"));

        assertThat(page).contains("<img src=\"data:image/png;base64,AAAA\"><img>").doesNotContain("cid:", "CID:");
    }

    @Test
    void thePageForbidsEveryLoadThatMightRemain() {
        String page = SafeHtml.forDisplay("<p>hi</p>");

        assertThat(page).startsWith("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + SafeHtml.CONTENT_SECURITY_POLICY + "\"></head>");
    }
}
