package dev.mailbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.mailbench.app.theme.Theme;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LauncherTest {

    @Test
    void themeDefaultsToLight() {
        Launcher launcher = parse();
        assertThat(launcher.theme).isEqualTo(Theme.LIGHT);
    }

    @Test
    void themeIsChosenByItsIdInAnyCase() {
        assertThat(parse("--theme=dark").theme).isEqualTo(Theme.DARK);
        assertThat(parse("--theme", "Projector").theme).isEqualTo(Theme.PROJECTOR);
    }

    @Test
    void unknownThemeIsAUsageErrorThatNamesTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Launcher.commandLine().setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("--theme=sepia");

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("sepia").contains("light, dark, projector");
    }

    @Test
    void versionOptionPrintsTheBuildVersion() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Launcher.commandLine().setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("--version");

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.OK);
        assertThat(out.toString())
                .contains("Mailbench " + BuildInfo.mailbenchVersion())
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpDescribesTheThemeOption() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Launcher.commandLine().setOut(new PrintWriter(out));

        commandLine.execute("--help");

        assertThat(out.toString()).contains("Usage: mailbench").contains("--theme=THEME");
    }

    private static Launcher parse(String... args) {
        Launcher launcher = new Launcher();
        new CommandLine(launcher).parseArgs(args);
        return launcher;
    }
}
