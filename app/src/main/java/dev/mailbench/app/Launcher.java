package dev.mailbench.app;

import java.util.concurrent.Callable;

import dev.mailbench.app.cli.DiagnoseCommand;
import dev.mailbench.app.cli.ExportCommand;
import dev.mailbench.app.cli.InspectCommand;
import dev.mailbench.app.cli.ClassCommand;
import dev.mailbench.app.cli.LessonCommand;
import dev.mailbench.app.cli.RunCommand;
import dev.mailbench.app.cli.ServeCommand;
import dev.mailbench.app.cli.VersionProvider;
import dev.mailbench.app.logging.LoggingStart;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.ConnectionUri;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.session.SessionFile;

import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mailbench} command. Without a sub-command it opens the window.
 *
 * <p>It must not extend {@link Application}: when the main class is an Application, the Java
 * launcher insists on JavaFX being on the module path, and a class-path launch (a plain jar,
 * {@code exec:java}, a jpackage image without modules) fails with "JavaFX runtime components are
 * missing". Sub-commands are registered in {@link Command#subcommands()}.
 */
@Command(name = "mailbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ServeCommand.class, InspectCommand.class, LessonCommand.class, RunCommand.class,
                ExportCommand.class, DiagnoseCommand.class, ClassCommand.class},
        description = "A desktop workbench for talking SMTP and POP3 by hand.")
public final class Launcher implements Callable<Integer> {

    /** Sets the default of {@code --theme}. */
    static final String THEME_PROPERTY = "mailbench.theme";

    @Option(names = "--theme",
            paramLabel = "THEME",
            defaultValue = "${sys:" + THEME_PROPERTY + ":-light}",
            converter = ThemeConverter.class,
            description = "light, dark or projector (default: ${DEFAULT-VALUE}; "
                    + "the system property mailbench.theme sets the default)")
    Theme theme;

    @Option(names = "--connect",
            paramLabel = "URI",
            converter = ConnectionConverter.class,
            description = "open the first session tab connected to this server: smtp://host:port, "
                    + "smtp+starttls://…, smtps://…, pop3://…, pop3+stls://…, pop3s://…")
    ConnectionSettings connect;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
            description = "a message file (.eml) to open in the MIME viewer, or a saved session (.mbsession) to open"
                    + " read-only, as the desktop does for these files")
    Path message;

    @Option(names = "--lesson",
            paramLabel = "ID",
            description = "open the window on this lesson in the lesson panel (mailbench lesson list names them)")
    String lesson;

    @Option(names = "--no-practice-server",
            description = "do not start the built-in practice server (for working only with real servers)")
    boolean noPracticeServer;

    public static void main(String[] args) {
        // logging starts once the window has drawn its first frame, or at once for a sub-command
        LoggingStart.whenAsked();
        LoggingStart.logUncaughtExceptions();
        if (opensTheWindowAsIs(args)) {
            System.exit(withoutArguments().call());
        }
        System.exit(MailbenchCommandLine.execute(args));
    }

    /**
     * True when the command line has nothing to read: no arguments and no theme property. The window then opens
     * without building the command line, since picocli's set-up (reflection over this command and its
     * sub-commands, which loads the practice server's and the inspector's classes) is a third of a second of
     * one core before the first frame on a slow machine. The command line itself is {@link MailbenchCommandLine}.
     */
    static boolean opensTheWindowAsIs(String[] args) {
        return args.length == 0 && System.getProperty(THEME_PROPERTY) == null;
    }

    /** The command as a command line without arguments sets it: its options' defaults (see LauncherTest). */
    static Launcher withoutArguments() {
        Launcher launcher = new Launcher();
        launcher.theme = Theme.LIGHT;
        return launcher;
    }

    /** Opens the window and returns when it has been closed. */
    @Override
    public Integer call() {
        List<String> parameters = applicationParameters();
        if (message != null) {
            if (!Files.isRegularFile(message)) {
                spec.commandLine().getErr().println("mailbench: no such "
                        + (SessionFile.isSessionFile(message) ? "session" : "message") + " file: " + message);
                return 1;
            }
            parameters.add("--open=" + message.toAbsolutePath());
        }
        // what the window is built with is read while JavaFX starts its toolkit, on another core
        AppContext.prepareDefaults();
        Application.launch(MailbenchApp.class, parameters.toArray(String[]::new));
        return CommandLine.ExitCode.OK;
    }

    /** The window's named parameters this command line gives ({@code --theme=dark}, {@code --lesson=first-smtp} …). */
    List<String> applicationParameters() {
        List<String> parameters = new ArrayList<>(List.of("--theme=" + theme.id()));
        if (connect != null) {
            parameters.add("--connect=" + uri(connect));
        }
        if (noPracticeServer) {
            parameters.add("--practice-server=off");
        }
        if (lesson != null) {
            parameters.add("--lesson=" + lesson);
        }
        return parameters;
    }

    static final class ThemeConverter implements CommandLine.ITypeConverter<Theme> {
        @Override
        public Theme convert(String value) {
            try {
                return Theme.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Written back as a URI for the application's parameters. */
    static String uri(ConnectionSettings settings) {
        String scheme = switch (settings.protocol()) {
            case SMTP -> switch (settings.tlsMode()) {
                case NONE -> "smtp";
                case STARTTLS -> "smtp+starttls";
                case IMPLICIT -> "smtps";
            };
            case POP3 -> switch (settings.tlsMode()) {
                case NONE -> "pop3";
                case STARTTLS -> "pop3+stls";
                case IMPLICIT -> "pop3s";
            };
        };
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return scheme + "://" + host + ":" + settings.port();
    }

    static final class ConnectionConverter implements CommandLine.ITypeConverter<ConnectionSettings> {
        @Override
        public ConnectionSettings convert(String value) {
            try {
                return ConnectionUri.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
