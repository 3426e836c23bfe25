package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.mailbench.pop3.Pop3Verb;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalogue explains exactly the POP3 verbs {@link Pop3Verb} defines: a verb added to the specification
 * without its explanation fails here, and so does an explanation of a verb the specification does not know.
 */
class Pop3VerbCatalogueTest {

    private static final Pattern POP3_VERB_KEY = Pattern.compile("pop3\\.verb\\.([^.]+)\\.([a-z]+)");
    private static final List<String> PARTS = List.of("syntax", "purpose", "rfc", "example");

    private final ResourceBundle english = ResourceBundle.getBundle(Catalogue.BASE_NAME, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private final Catalogue catalogue = Catalogue.english();

    @Test
    void everyVerbOfTheSpecificationIsExplained() {
        assertSoftly(softly -> {
            for (Pop3Verb verb : Pop3Verb.values()) {
                for (String part : PARTS) {
                    String key = "pop3.verb." + verb.name() + "." + part;
                    softly.assertThat(english.containsKey(key)).as(key).isTrue();
                }
                softly.assertThat(catalogue.pop3Verb(verb.name())).as("%s in pop3.verbs", verb).isPresent();
            }
        });
    }

    @Test
    void everyPop3VerbTheCatalogueExplainsIsInTheSpecification() {
        assertSoftly(softly -> {
            for (String key : english.keySet()) {
                Matcher verbKey = POP3_VERB_KEY.matcher(key);
                if (verbKey.matches()) {
                    softly.assertThat(Pop3Verb.of(verbKey.group(1))).as(key).isPresent();
                    softly.assertThat(verbKey.group(2)).as(key).isIn(PARTS);
                }
            }
            for (String name : english.getString("pop3.verbs").trim().split("\\s+")) {
                softly.assertThat(Pop3Verb.of(name)).as("pop3.verbs names %s", name).isPresent();
            }
        });
    }

    @Test
    void theCatalogueCitesTheSectionTheSpecificationDoes() {
        for (Pop3Verb verb : Pop3Verb.values()) {
            assertThat(catalogue.pop3Verb(verb.name()).orElseThrow().rfcSection()).as("%s", verb)
                    .isEqualTo(verb.rfcSection());
        }
    }

    @Test
    void theCataloguesOrderIsTheSpecificationsVerbs() {
        assertThat(catalogue.pop3Verbs()).extracting(VerbInfo::name)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Pop3Verb.values()).map(Enum::name).toList());
    }
}
