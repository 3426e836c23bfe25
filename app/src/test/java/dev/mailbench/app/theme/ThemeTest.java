package dev.mailbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThemeTest {

    @ParameterizedTest
    @EnumSource(Theme.class)
    void eachThemeHasItsStylesheetBesideTheClass(Theme theme) {
        assertThat(theme.stylesheet()).endsWith("/dev/mailbench/app/theme/" + theme.id() + ".css");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void idRoundTrips(Theme theme) {
        assertThat(Theme.fromId(theme.id())).isSameAs(theme);
        assertThat(Theme.fromId(theme.id().toUpperCase())).isSameAs(theme);
    }

    @Test
    void unknownIdNamesTheChoices() {
        assertThatThrownBy(() -> Theme.fromId("sepia"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sepia")
                .hasMessageContaining("light, dark, projector");
    }
}
