package dev.mailbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "info-desk", "first.last", "sales+eu", "user_1", "x", "postmaster"})
    void acceptsOrdinaryLocalParts(String name) {
        assertThat(UserNames.canonical(name)).isEqualTo(name);
        assertThat(UserNames.isValid(name)).isTrue();
    }

    @Test
    void foldsCaseSoThatOneMailboxHasOneDirectory() {
        assertThat(UserNames.canonical("Alice")).isEqualTo("alice");
        assertThat(UserNames.canonical("BOB.Smith")).isEqualTo("bob.smith");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../alice", "alice/../bob", "a/b", "a\\b", ".hidden", "alice.",
            "", " alice", "al ice", "alice\u0000", "alice\r\nbob", "c:", "al*ce", "al?ce", "äpfel", "<alice>",
            "alice@example.test"})
    void rejectsNamesThatCouldEscapeOrConfuseTheDirectoryTree(String name) {
        assertThat(UserNames.isValid(name)).isFalse();
        assertThatThrownBy(() -> UserNames.canonical(name))
                .isInstanceOf(InvalidUserNameException.class)
                .satisfies(e -> assertThat(((InvalidUserNameException) e).userName()).isEqualTo(name));
    }

    @Test
    void rejectsNullAndOverlongNames() {
        assertThatThrownBy(() -> UserNames.canonical(null)).isInstanceOf(InvalidUserNameException.class);
        assertThat(UserNames.isValid("a".repeat(64))).isTrue();
        assertThatThrownBy(() -> UserNames.canonical("a".repeat(65)))
                .isInstanceOf(InvalidUserNameException.class)
                .hasMessageContaining("64");
    }

    @Test
    void messageShowsControlCharactersVisibly() {
        assertThatThrownBy(() -> UserNames.canonical("bad\nname"))
                .hasMessageContaining("\\x0A")
                .hasMessageContaining("U+000A");
    }
}
