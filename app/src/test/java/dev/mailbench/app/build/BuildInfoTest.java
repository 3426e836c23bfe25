package dev.mailbench.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void versionIsTheProjectVersionFilledInByTheBuild() {
        assertThat(BuildInfo.mailbenchVersion())
                .doesNotContain("${")
                .matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    }

    @Test
    void javaVersionNamesTheRunningJava() {
        assertThat(BuildInfo.javaVersion())
                .startsWith(System.getProperty("java.version") + " (")
                .contains(System.getProperty("java.vendor"));
    }
}
