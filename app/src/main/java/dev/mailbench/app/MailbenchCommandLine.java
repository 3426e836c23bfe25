package dev.mailbench.app;

import java.io.InputStream;

import dev.mailbench.app.cli.ServeCommand;
import dev.mailbench.app.logging.LoggingStart;

import picocli.CommandLine;

/**
 * The {@code mailbench} command line: picocli over {@link Launcher} and its sub-commands.
 *
 * <p>It is a class of its own so that {@link Launcher} names no picocli type where the JVM checks one against
 * another: linking a class that does loads that picocli class, and picocli's classes (class file version 49)
 * cannot be kept in the installer's ahead-of-time cache, so a start without arguments would read it from its jar,
 * after opening every jar before it on the class path, ahead of the first frame.
 */
final class MailbenchCommandLine {

    private MailbenchCommandLine() {
    }

    /** Runs the command line {@code args} and returns its exit code; a sub-command starts logging at once. */
    static int execute(String[] args) {
        CommandLine line = create(System.in);
        line.setExecutionStrategy(parsed -> {
            if (parsed.subcommand() != null) {
                LoggingStart.now();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return line.execute(args);
    }

    /** The command, with {@code terminal} as the input {@code serve} reads its console commands from. */
    static CommandLine create(InputStream terminal) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine(new Launcher(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ServeCommand.class ? type.cast(new ServeCommand(terminal)) : defaults.create(type);
            }
        });
    }
}
