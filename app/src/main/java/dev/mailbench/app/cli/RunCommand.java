package dev.mailbench.app.cli;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.app.transcript.ControlMarks;
import dev.mailbench.reproduce.ReplyComparison;
import dev.mailbench.reproduce.RunResult;
import dev.mailbench.reproduce.Script;
import dev.mailbench.reproduce.ScriptRunner;
import dev.mailbench.reproduce.ScriptSyntaxException;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ServerAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailbench run SCRIPT --server URI [--server URI2] [--save OUT.mbsession] [--html OUT.html]}: a scripted session, headless,
 * through the client session a window's tab uses. Exit 0 when every {@code expect} held, 1 when one did not, 2 on
 * a usage or connection error.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs a script (the lines you would type in a session tab, plus 'expect CODE', 'wait SECONDS' "
                + "and # comments) against a server and prints the transcript as it goes.",
            "With two --server options, runs it against both and prints the replies side by side, marking each difference.",
            "Exit status: 0 every expect held, 1 an expect failed, 2 a usage or connection error."},
        exitCodeOnInvalidInput = RunResult.ERROR,
        exitCodeOnExecutionException = RunResult.ERROR)
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCRIPT", description = "the script, e.g. first-smtp" + Script.EXTENSION)
    Path script;

    @Option(names = "--server", paramLabel = "URI", required = true, converter = AddressConverter.class,
            description = "smtp://host:port, smtp+starttls://…, smtps://…, pop3://…, pop3+stls://…, pop3s://…; "
                    + "twice to compare two servers")
    List<ServerAddress> servers;

    @Option(names = "--html", paramLabel = "OUT.html",
            description = "also write the replies (side by side for two servers) as an HTML page")
    Path html;

    @Option(names = "--save", paramLabel = "OUT.mbsession",
            description = "also save the session (every connection, passwords masked) as a session file")
    Path save;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long to wait for a reply (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (servers.size() > 2) {
            err.println("mailbench run: at most two --server options");
            return RunResult.ERROR;
        }
        if (timeoutSeconds <= 0) {
            err.println("mailbench run: --timeout must be a positive number of seconds");
            return RunResult.ERROR;
        }
        Script parsed;
        try {
            parsed = Script.parse(script.toString(), Files.readString(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("mailbench run: cannot read " + script + ": " + (Files.exists(script) ? e.getMessage() : "no such file"));
            return RunResult.ERROR;
        } catch (ScriptSyntaxException e) {
            err.println("mailbench run: " + e.getMessage());
            return RunResult.ERROR;
        }
        ClientOptions options = ClientOptions.defaults(new ClientTlsLayer())
                .withReplyTimeout(Duration.ofSeconds(timeoutSeconds));
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String prefix = servers.size() > 1 ? ReplyComparison.letter(i) + ": " : "";
            if (servers.size() > 1) {
                printLine(out, "== " + ReplyComparison.letter(i) + ": " + servers.get(i).toUri());
            }
            // Control octets as the window and scripts write them (⟨LF⟩), so a line can be copied into a script.
            ScriptRunner runner = new ScriptRunner(options, line -> printLine(line.startsWith("!! ") ? err : out,
                    line.startsWith("!! ") ? "mailbench run: " + prefix + line.substring(3) : ControlMarks.of(line)));
            results.add(runner.run(parsed, servers.get(i)));
        }
        ReplyComparison comparison = ReplyComparison.of(results);
        if (results.size() > 1) {
            out.println();
            out.print(comparison.toText());
            out.flush();
        }
        if (html != null) {
            try {
                Files.writeString(html, comparison.toHtml(script.getFileName().toString()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("mailbench run: cannot write " + html + ": " + e.getMessage());
                return RunResult.ERROR;
            }
        }
        if (save != null) {
            try {
                SessionFile.write(SessionRecord.of(results.stream().map(RunCommand::connection).toList(),
                        BuildInfo.mailbenchVersion()), save, false);
            } catch (IOException e) {
                err.println("mailbench run: cannot write " + save + ": " + e.getMessage());
                return RunResult.ERROR;
            }
        }
        return results.stream().mapToInt(RunResult::exitCode).max().orElse(RunResult.OK);
    }

    /** A run as one connection of a session file: where it went and its whole transcript. */
    static SessionConnection connection(RunResult run) {
        ServerAddress address = run.address();
        return new SessionConnection(new SessionSettings(address.protocol(), address.host(), address.port(),
                address.tlsMode(), Optional.empty()), run.transcript());
    }

    private static void printLine(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }

    static final class AddressConverter implements CommandLine.ITypeConverter<ServerAddress> {
        @Override
        public ServerAddress convert(String value) {
            try {
                return ServerAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
