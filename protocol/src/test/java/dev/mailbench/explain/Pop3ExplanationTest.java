package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3ExplanationTest {

    private final Catalogue catalogue = Catalogue.english();

    @Test
    void okAndErrAreExplained() {
        assertThat(catalogue.pop3Status(true)).startsWith("+OK");
        assertThat(catalogue.pop3Status(false)).startsWith("-ERR");
    }

    @Test
    void authContinuationIsExplained() {
        assertThat(catalogue.pop3Continuation()).contains("base64");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"IN-USE", "LOGIN-DELAY", "SYS/TEMP", "SYS/PERM", "AUTH", "UTF8"})
    void everyRegisteredResponseCodeIsExplained(String code) {
        assertThat(catalogue.pop3ResponseCode(code)).as("pop3.code.%s", code).isPresent();
    }

    @Test
    void codesAreReadInAnyCaseWithOrWithoutBrackets() {
        String inUse = catalogue.pop3ResponseCode("IN-USE").orElseThrow();
        assertThat(catalogue.pop3ResponseCode("in-use")).contains(inUse);
        assertThat(catalogue.pop3ResponseCode("[In-Use]")).contains(inUse);
        assertThat(catalogue.pop3ResponseCode(" [SYS/temp] ")).isEqualTo(catalogue.pop3ResponseCode("SYS/TEMP"));
    }

    @Test
    void temporaryAndPermanentSystemFailuresDiffer() {
        assertThat(catalogue.pop3ResponseCode("SYS/TEMP").orElseThrow()).contains("temporary");
        assertThat(catalogue.pop3ResponseCode("SYS/PERM").orElseThrow()).contains("lasting");
    }

    @Test
    void anUnknownSubCodeIsExplainedByItsParent() {
        String sys = catalogue.pop3ResponseCode("SYS").orElseThrow();
        assertThat(catalogue.pop3ResponseCode("SYS/FOO")).contains(sys);
        assertThat(catalogue.pop3ResponseCode("sys/foo/bar")).contains(sys);
        assertThat(catalogue.pop3ResponseCode("SYS/TEMP/DISK")).isEqualTo(catalogue.pop3ResponseCode("SYS/TEMP"));
    }

    @Test
    void anUnknownCodeIsNotGuessed() {
        assertThat(catalogue.pop3ResponseCode("FOO")).isEmpty();
        assertThat(catalogue.pop3ResponseCode("FOO/BAR")).isEmpty();
        assertThat(catalogue.pop3ResponseCode("")).isEmpty();
        assertThat(catalogue.pop3ResponseCode("[]")).isEmpty();
        assertThat(catalogue.pop3ResponseCode("/")).isEmpty();
        assertThat(catalogue.pop3ResponseCode(null)).isEmpty();
    }
}
