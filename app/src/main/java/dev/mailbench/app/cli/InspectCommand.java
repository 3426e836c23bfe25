package dev.mailbench.app.cli;

import dev.mailbench.mime.Envelope;
import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code mailbench inspect FILE.eml [--json]}: the MIME viewer's analysis, printed, for scripts. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints a message's MIME part tree, headers and problems (a broken message still prints what could be read).")
public final class InspectCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(InspectCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the message, e.g. a .eml file")
    Path file;

    @Option(names = "--json", description = "print JSON: each part with path, content type, charset, encoding, "
            + "filename, decoded size and byte range, the headers and the problems")
    boolean json;

    @Option(names = "--mail-from", paramLabel = "ADDRESS",
            description = "the envelope sender (MAIL FROM) the message came with, to compare with From:")
    String mailFrom;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(file)) {
            err.println("mailbench inspect: " + file + " is a directory; name a message file in it (.eml)");
            return 1;
        }
        if (!Files.isRegularFile(file)) {
            err.println("mailbench inspect: no such file: " + file);
            return 1;
        }
        MessageAnalysis analysis;
        try {
            analysis = MessageAnalyzer.analyze(file, mailFrom == null ? null : Envelope.mailFrom(mailFrom));
        } catch (IOException e) {
            LOG.warn("Cannot read {} to inspect it", file, e);
            err.println("mailbench inspect: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        out.print(json ? analysis.toJson() : analysis.toText());
        if (json) {
            out.println();
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
