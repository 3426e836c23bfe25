package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the English file itself, so a mistyped key cannot hide. */
class CatalogueDataTest {

    private static final Pattern KNOWN_KEY = Pattern.compile(String.join("|",
            "smtp\\.reply\\.[2-5]\\d\\d",
            "smtp\\.reply\\.[A-Z]+\\.[2-5]\\d\\d",
            "smtp\\.reply\\.class\\.[2-5]",
            "smtp\\.reply\\.category\\.([0-5]|unknown)",
            "smtp\\.reply\\.invalid",
            "smtp\\.enhanced\\.class\\.[245]",
            "smtp\\.enhanced\\.subject\\.(\\d|unknown)",
            "smtp\\.enhanced\\.\\d{1,3}\\.\\d{1,3}",
            "smtp\\.enhanced\\.invalid",
            "pop3\\.(ok|err|continuation)",
            "pop3\\.code\\.[A-Z0-9-]+(/[A-Z0-9-]+)*",
            "pop3\\.verbs",
            "pop3\\.verb\\.[A-Z]+\\.(syntax|purpose|rfc|example)",
            "smtp\\.verb\\.[A-Z0-9-]+\\.(purpose|example)",
            "event\\.[a-z0-9-]+(\\.[a-z0-9-]+)*",
            "field\\.[a-z-]+",
            "smtp\\.ehlo\\.(greeting|unknown|SIZE\\.limit|[A-Z0-9-]+=?)",
            "sasl\\.[A-Z0-9-]+",
            "pop3\\.err\\.([A-Z]+|greeting|auth-response|unknown-command)",
            "pop3\\.scan\\.(LIST|UIDL|malformed)",
            "pop3\\.capa\\.([A-Z0-9-]+|unknown)",
            "mime\\.header\\.[a-z0-9-]+",
            "authenticity\\.tag\\.[a-z0-9-]+",
            "diagnose\\.[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(summary|explanation)"));

    private final ResourceBundle english = ResourceBundle.getBundle(Catalogue.BASE_NAME, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @Test
    void everyKeyHasAKnownShape() {
        assertSoftly(softly -> english.keySet().forEach(key ->
                softly.assertThat(key).as("key").matches(KNOWN_KEY)));
    }

    @Test
    void everySentenceIsFilledIn() {
        assertSoftly(softly -> english.keySet().forEach(key ->
                softly.assertThat(english.getString(key)).as(key).isNotBlank()));
    }

    @Test
    void onlyTheInvalidCodeSentencesTakeTheCodePlaceholder() {
        assertSoftly(softly -> english.keySet().forEach(key -> {
            boolean placeholder = english.getString(key).contains("{code}");
            softly.assertThat(placeholder).as(key).isEqualTo(key.endsWith(".invalid"));
        }));
    }

    @Test
    void theFileIsReadAsUtf8() {
        assertThat(english.getString("pop3.verb.USER.rfc")).isEqualTo("RFC 1939 §7");
    }
}
