package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.mailbench.smtp.SmtpVerb;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue explains every verb of the SMTP specification, and no verb the specification lacks. */
class SmtpVerbCatalogueTest {

    /** Keys that name an SMTP verb: {@code smtp.verb.MAIL.purpose}, {@code smtp.reply.AUTH.535}. */
    private static final Pattern VERB_KEY = Pattern.compile("smtp\\.(?:verb|reply)\\.([A-Z][A-Z0-9-]*)\\..+");

    private final ResourceBundle english = ResourceBundle.getBundle(Catalogue.BASE_NAME, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @Test
    void everyVerbOfTheSpecificationHasItsPurposeAndAnExample() {
        assertSoftly(softly -> {
            for (SmtpVerb verb : SmtpVerb.values()) {
                String prefix = "smtp.verb." + verb.keyword() + ".";
                softly.assertThat(english.containsKey(prefix + "purpose")).as(prefix + "purpose").isTrue();
                softly.assertThat(english.containsKey(prefix + "example")).as(prefix + "example").isTrue();
                if (english.containsKey(prefix + "example")) {
                    softly.assertThat(SmtpVerb.of(english.getString(prefix + "example"))).as(prefix + "example")
                            .contains(verb);
                }
            }
        });
    }

    @Test
    void everyVerbTheCatalogueNamesIsInTheSpecification() {
        assertSoftly(softly -> english.keySet().forEach(key -> {
            Matcher verbKey = VERB_KEY.matcher(key);
            if (verbKey.matches()) {
                String keyword = verbKey.group(1);
                softly.assertThat(SmtpVerb.of(keyword).map(SmtpVerb::keyword)).as(key).contains(keyword);
            }
        }));
    }

    @Test
    void theCatalogueDescribesAVerbWithItsSpecificationsSyntaxAndSection() {
        Catalogue catalogue = Catalogue.english();
        for (SmtpVerb verb : SmtpVerb.values()) {
            VerbInfo info = catalogue.smtpVerb(verb.keyword()).orElseThrow();
            assertThat(info.syntax()).isEqualTo(verb.syntax());
            assertThat(info.rfcSection()).isEqualTo(verb.rfcSection());
        }
        assertThat(catalogue.smtpVerb("x-exps").orElseThrow().purpose()).contains("Exchange");
    }
}
