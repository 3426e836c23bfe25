package dev.mailbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailbench.wire.Printable;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.authenticity.AuthenticationCheck;
import dev.mailbench.authenticity.AuthenticationJson;
import dev.mailbench.authenticity.AuthenticationReport;
import dev.mailbench.authenticity.DnsKeys;
import dev.mailbench.authenticity.KeySource;
import dev.mailbench.authenticity.ZoneFileKeys;
import dev.mailbench.mime.Envelope;
import dev.mailbench.mime.JsonText;
import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mailbench inspect FILE.eml [--json] [--dkim-keys FILE] [--dns] [--trust ID]}: the MIME viewer's analysis
 * and the message's authentication (DKIM, ARC, Authentication-Results, the Received timeline), printed, for
 * scripts. Offline unless {@code --dns} is given.
 */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // the first line is what mailbench --help lists: a sentence of its own
        description = {"Prints a message's MIME structure and problems, and checks its authentication offline.",
                "The part tree, headers and problems (a broken message still prints what could be read); DKIM body",
                "hashes and signatures, the ARC chain, Authentication-Results and the Received timeline."})
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

    @Option(names = "--dkim-keys", paramLabel = "FILE",
            description = "DKIM key records in zone-file form, e.g. sel._domainkey.example.com. IN TXT \"v=DKIM1; k=rsa; p=...\"")
    Path dkimKeys;

    @Option(names = "--dns", description = "look up DKIM keys the key file does not give in the DNS (off by default:"
            + " without it no query leaves this machine)")
    boolean dns;

    @Option(names = "--trust", paramLabel = "ID", description = "an authserv-id whose Authentication-Results you trust"
            + " (your own receiving server); repeatable. Results from others are shown as unverified claims")
    List<String> trusted = new ArrayList<>();

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
        KeySource keys = KeySource.NONE;
        if (dkimKeys != null) {
            try {
                keys = ZoneFileKeys.read(dkimKeys);
            } catch (IOException e) {
                err.println("mailbench inspect: cannot read the key file " + dkimKeys + ": " + e.getMessage());
                return 1;
            }
        }
        if (dns) {
            keys = keys.orElse(DnsKeys.system());
        }
        AuthenticationReport authentication = AuthenticationCheck.check(analysis, keys, trusted);
        if (json) {
            ObjectNode tree = analysis.toJsonTree();
            tree.set("authentication", AuthenticationJson.tree(authentication, Catalogue.load(Locale.getDefault())));
            out.println(JsonText.write(tree));
            out.println();
        } else {
            // a message's own text never drives the terminal: an ESC in a Subject is shown, not obeyed
            out.print(Printable.controlsShown(analysis.toText()));
            out.print("\n" + Printable.controlsShown(authentication.toText()));
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
