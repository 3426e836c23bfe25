package dev.mailbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LauncherTest {

    @Test
    void themeDefaultsToLight() {
        Launcher launcher = parse();
        assertThat(launcher.theme).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aStartWithoutArgumentsSkipsTheCommandLineAndOpensTheWindowAsTheCommandLineWould() {
        assertThat(Launcher.opensTheWindowAsIs(new String[0])).isTrue();
        assertThat(Launcher.opensTheWindowAsIs(new String[] {"--theme=dark"})).isFalse();
        Launcher parsed = parse();
        Launcher direct = Launcher.withoutArguments();

        assertThat(direct.theme).isEqualTo(parsed.theme);
        assertThat(direct.connect).isEqualTo(parsed.connect);
        assertThat(direct.message).isEqualTo(parsed.message);
        assertThat(direct.noPracticeServer).isEqualTo(parsed.noPracticeServer);
    }

    @Test
    void aThemePropertyGoesThroughTheCommandLine() {
        String before = System.getProperty(Launcher.THEME_PROPERTY);
        System.setProperty(Launcher.THEME_PROPERTY, "dark");
        try {
            assertThat(Launcher.opensTheWindowAsIs(new String[0])).isFalse();
            assertThat(parse().theme).isEqualTo(Theme.DARK);
        } finally {
            if (before == null) {
                System.clearProperty(Launcher.THEME_PROPERTY);
            } else {
                System.setProperty(Launcher.THEME_PROPERTY, before);
            }
        }
    }

    @Test
    void themeIsChosenByItsIdInAnyCase() {
        assertThat(parse("--theme=dark").theme).isEqualTo(Theme.DARK);
        assertThat(parse("--theme", "Projector").theme).isEqualTo(Theme.PROJECTOR);
    }

    @Test
    void unknownThemeIsAUsageErrorThatNamesTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream()).setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("--theme=sepia");

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("sepia").contains("light, dark, projector");
    }

    @Test
    void versionOptionPrintsTheBuildVersion() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream()).setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("--version");

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.OK);
        assertThat(out.toString())
                .contains("Mailbench " + BuildInfo.mailbenchVersion())
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpDescribesTheThemeOption() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream()).setOut(new PrintWriter(out));

        commandLine.execute("--help");

        assertThat(out.toString()).contains("Usage: mailbench").contains("--theme=THEME");
    }

    private static Launcher parse(String... args) {
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream());
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    @Test
    void lessonOpensTheWindowOnALessonAsTheJavafxArgsDo() {
        assertThat(parse("--lesson", "first-smtp").applicationParameters()).contains("--lesson=first-smtp");
        assertThat(parse().applicationParameters()).noneMatch(parameter -> parameter.startsWith("--lesson"));
    }

    @Test
    void connectTakesAServerUriAndWritesItBackTheSame() {
        Launcher launcher = parse("--connect=pop3s://pop.example.test");

        assertThat(launcher.connect).isEqualTo(new ConnectionSettings("pop.example.test", 995, MailProtocol.POP3,
                TlsMode.IMPLICIT));
        assertThat(Launcher.uri(launcher.connect)).isEqualTo("pop3s://pop.example.test:995");
        assertThat(Launcher.uri(parse("--connect", "smtp+starttls://[::1]:2587").connect))
                .isEqualTo("smtp+starttls://[::1]:2587");
    }

    @Test
    void aMessageFileThatIsNotThereIsAClearErrorAndNoWindow() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream())
                .setErr(new java.io.PrintWriter(err, true));

        assertThat(commandLine.execute("no-such-message.eml")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("mailbench: no such message file: no-such-message.eml" + System.lineSeparator());
    }

    @Test
    void aSessionFileThatIsNotThereIsAClearErrorAndTheExportCommandIsThere() {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream())
                .setErr(new PrintWriter(err, true)).setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("lesson.mbsession")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("mailbench: no such session file: lesson.mbsession" + System.lineSeparator());
        assertThat(commandLine.execute("export", "--help")).isZero();
        assertThat(out.toString()).contains("--as=FORMAT", "html, pdf");
    }

    @Test
    void aConnectUriWithAnUnknownSchemeIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = MailbenchCommandLine.create(InputStream.nullInputStream()).setErr(new PrintWriter(err));

        assertThat(commandLine.execute("--connect=imap://mail.example.test")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("smtp://, smtp+starttls://, smtps://, pop3://");
    }

    @Test
    void openingTheWindowLinksNoClassOfPicocli() throws Exception {
        // picocli's classes cannot be kept in the installer's ahead-of-time cache; one that linking the launcher
        // needed would be read from its jar, through the class path, before the first frame (MailbenchCommandLine)
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            Class<?> launcher = Class.forName(Launcher.class.getName(), true, loader);

            assertThat(launcher.getClassLoader()).isSameAs(loader);
            assertThat(loader.requested).contains(Launcher.class.getName())
                    .noneMatch(name -> name.startsWith("picocli."));
        }
    }

    /** Loads this module's classes and its dependencies itself, and notes each class the JVM asked it for. */
    private static final class RecordingClassLoader extends URLClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingClassLoader() throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
