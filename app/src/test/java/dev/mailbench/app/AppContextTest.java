package dev.mailbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppContextTest {

    @Test
    void theDefaultsMadeWhileJavaFxStartsAreTakenOnceAndMadeAnewAfter() {
        AppContext.prepareDefaults();

        AppContext ahead = AppContext.preparedDefaults();
        AppContext later = AppContext.preparedDefaults();

        assertThat(ahead.services().catalogue()).isNotNull();
        assertThat(ahead.practiceServer()).isPresent();
        assertThat(later).isNotSameAs(ahead);
        assertThat(later.services()).isNotSameAs(ahead.services());
    }
}
