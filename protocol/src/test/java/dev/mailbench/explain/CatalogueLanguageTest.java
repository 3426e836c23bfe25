package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CatalogueLanguageTest {

    private static final Locale XX = Locale.forLanguageTag("xx");

    private final Catalogue english = Catalogue.english();

    @Test
    void englishIsTheBaseFile() {
        assertThat(english.locale()).isEqualTo(Locale.ROOT);
        assertThat(english.pop3Status(true)).startsWith("+OK: the command worked");
    }

    @Test
    void aSecondLanguageOverridesItsKeysReadAsUtf8() {
        Catalogue xx = Catalogue.load(XX);

        assertThat(xx.locale()).isEqualTo(XX);
        assertThat(xx.pop3Status(true)).isEqualTo("+OK : la commande a réussi.");
    }

    @Test
    void aSecondLanguageTakesEveryOtherKeyFromEnglish() {
        Catalogue xx = Catalogue.load(XX);

        assertThat(xx.pop3Status(false)).isEqualTo(english.pop3Status(false));
        assertThat(xx.smtpReply(550)).isEqualTo(english.smtpReply(550));
        assertThat(xx.enhancedStatus(5, 1, 1)).isEqualTo(english.enhancedStatus(5, 1, 1));
        assertThat(xx.smtpVerbs()).isEqualTo(english.smtpVerbs());
    }

    @Test
    void aCountryVariantUsesItsLanguage() {
        assertThat(Catalogue.load(Locale.forLanguageTag("xx-BE")).pop3Status(true))
                .isEqualTo("+OK : la commande a réussi.");
    }

    @Test
    void aMissingLanguageIsEnglishWhateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(XX);
        try {
            Catalogue zz = Catalogue.load(Locale.forLanguageTag("zz"));
            assertThat(zz.locale()).isEqualTo(Locale.ROOT);
            assertThat(zz.pop3Status(true)).isEqualTo(english.pop3Status(true));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anEmptySentenceInATranslationReadsAsEnglish() {
        Catalogue yy = Catalogue.load(Locale.forLanguageTag("yy"));

        assertThat(yy.locale()).isEqualTo(Locale.forLanguageTag("yy"));
        assertThat(yy.pop3Status(false)).isEqualTo(english.pop3Status(false));
    }
}
