package dev.mailbench.app.cli;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.diagnose.Diagnoser;
import dev.mailbench.diagnose.Diagnosis;
import dev.mailbench.diagnose.DiagnosisOptions;
import dev.mailbench.diagnose.HtmlReport;
import dev.mailbench.diagnose.JsonReport;
import dev.mailbench.diagnose.MxLookup;
import dev.mailbench.diagnose.TextReport;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.wire.ServerAddress;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mailbench diagnose TARGET…}: checks mail servers and prints each verdict with the transcript lines that
 * prove it. Exit status 0 when no check failed, 1 when one did, 2 on a usage error. The password for {@code --user}
 * comes from {@code MAILBENCH_PASSWORD} or a prompt, never from the command line.
 */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Diagnoses SMTP and POP3 servers: connection, banner, EHLO or CAPA, STARTTLS/STLS and the"
                + " certificate, clear-text logins, open relay, VRFY/EXPN, the postmaster address and more, each"
                + " verdict with the transcript lines that prove it. Never sends a message, reads or deletes mail.",
                "Exit status: 0 when no check failed, 1 when one did, 2 on a usage error."},
        footer = {"", "TARGET is smtp://, smtp+starttls://, smtps://, pop3://, pop3+stls:// or pop3s:// with host and"
                + " optional port, or a bare domain: its MX hosts are then diagnosed on port 25, most preferred first.",
                "The password for --user is read from the environment variable " + DiagnoseCommand.PASSWORD_VARIABLE
                        + " or asked for; it never appears in a report."})
public final class DiagnoseCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "MAILBENCH_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(DiagnoseCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "a server URI or a bare domain")
    List<String> targets;

    static final class Format {
        @Option(names = "--text", description = "a report for the terminal (the default)")
        boolean text;

        @Option(names = "--json", description = "JSON: target, started, checks (id, verdict, summary, explanation,"
                + " rule, evidence, figures) and the transcript; several targets give an array")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE", description = "write a self-contained HTML page to FILE")
        Path html;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Format format = new Format();

    @Option(names = "--save", paramLabel = "FILE.mbsession",
            description = "also save the conversation as a session file, one connection per server, passwords"
                    + " masked; File > Open Session in the window reopens it")
    Path save;

    @Option(names = "--user", paramLabel = "NAME", description = "also log in as NAME (auth.login), only over TLS")
    String user;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "the most one server's diagnosis may take, in seconds (default: ${DEFAULT-VALUE})")
    long timeout;

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]",
            description = "the DNS server to ask for MX records (default: the system's)")
    String resolver;

    private final Function<String, String> environment;
    private final Optional<Console> console;

    public DiagnoseCommand() {
        this(System::getenv, Optional.ofNullable(System.console()));
    }

    /** With the environment and terminal given, for tests. */
    DiagnoseCommand(Map<String, String> environment, Optional<Console> console) {
        this(environment::get, console);
    }

    private DiagnoseCommand(Function<String, String> environment, Optional<Console> console) {
        this.environment = environment;
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeout < 1) {
            err.println("mailbench diagnose: --timeout must be at least 1 second");
            return CommandLine.ExitCode.USAGE;
        }
        DiagnosisOptions options = DiagnosisOptions.defaults().withTimeout(Duration.ofSeconds(timeout));
        if (user != null) {
            Optional<String> password = password();
            if (password.isEmpty()) {
                err.println("mailbench diagnose: --user needs a password: set " + PASSWORD_VARIABLE
                        + " or run it in a terminal to be asked");
                return CommandLine.ExitCode.USAGE;
            }
            options = options.withLogin(user, password.get());
        }
        for (String target : targets) {
            if (!ServerAddress.looksLikeUri(target) && target.matches(".*:[0-9]*")) {
                // a domain never has a port: this is a server written without its scheme, not a domain to look up
                err.println("mailbench diagnose: " + target + " is neither a domain nor a server address: write the"
                        + " server as smtp://" + target + " (or smtp+starttls://, smtps://, pop3:// …)");
                return CommandLine.ExitCode.USAGE;
            }
            if (ServerAddress.looksLikeUri(target)) {
                try {
                    ServerAddress.parse(target);
                } catch (IllegalArgumentException e) {
                    err.println("mailbench diagnose: " + e.getMessage());
                    return CommandLine.ExitCode.USAGE;
                }
            }
        }
        MxLookup lookup;
        try {
            Duration dnsTimeout = Duration.ofSeconds(Math.min(timeout, 10));
            lookup = resolver == null ? MxLookup.system(dnsTimeout) : MxLookup.at(resolver, dnsTimeout);
        } catch (IOException | IllegalArgumentException e) {
            err.println("mailbench diagnose: --resolver " + resolver + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (String target : targets) {
            diagnoses.addAll(Diagnoser.diagnose(target, lookup, options));
        }
        if (save != null) {
            try {
                SessionFile.write(sessionOf(diagnoses), save, false);
            } catch (IOException e) {
                LOG.warn("Cannot write the session to {}", save, e);
                err.println("mailbench diagnose: cannot write " + save + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        if (format.html != null) {
            try {
                Files.writeString(format.html, HtmlReport.render(diagnoses), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("Cannot write the report to {}", format.html, e);
                err.println("mailbench diagnose: cannot write " + format.html + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            for (Diagnosis diagnosis : diagnoses) {
                out.println(diagnosis.target() + ": " + TextReport.counts(diagnosis));
            }
            out.println("Report written to " + format.html);
        } else if (format.json) {
            out.println(JsonReport.render(diagnoses));
        } else {
            out.print(new TextReport(console.isPresent()).render(diagnoses));
        }
        out.flush();
        return diagnoses.stream().anyMatch(Diagnosis::failed) ? 1 : CommandLine.ExitCode.OK;
    }

    /** The diagnoses' conversations as one session, a connection each, made now. */
    static SessionRecord sessionOf(List<Diagnosis> diagnoses) {
        return SessionRecord.of(diagnoses.stream().map(Diagnosis::sessionConnection).toList(),
                BuildInfo.mailbenchVersion());
    }

    private Optional<String> password() {
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment);
        }
        return console.map(c -> c.readPassword("Password for %s: ", user)).map(String::new);
    }
}
