package dev.mailbench.app.cli;

import dev.mailbench.app.export.ClassSheet;
import dev.mailbench.app.export.HtmlToPdf;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.app.config.LessonFolder;
import dev.mailbench.lesson.ClassProgress;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.MailboxView;
import dev.mailbench.lesson.RecordedSession;
import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.SavedTranscript;
import dev.mailbench.server.practice.ServerConfig;
import dev.mailbench.server.practice.StudentAddress;
import dev.mailbench.server.practice.TranscriptArchive;
import dev.mailbench.tls.CertificateSummary;
import dev.mailbench.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mailbench class accounts | status | sheet}: a class made by {@code mailbench serve --class}, from the
 * terminal: its accounts and passwords, each student's progress in each lesson, the printable cards.
 */
@Command(name = "class",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ClassCommand.Accounts.class, ClassCommand.Status.class, ClassCommand.Sheet.class},
        description = "A class served by mailbench serve --class: its accounts, its progress, its printable cards.")
public final class ClassCommand extends CommandGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ClassCommand.class);

    /** The options every subcommand has. */
    static class DataOption extends PracticeDataOption {

        /** The class's roster, or null after saying there is none. */
        ClassRoster roster(String command, PrintWriter err) throws IOException {
            DataDirectory data = data();
            ClassRoster roster = ClassRoster.load(data);
            if (roster.isEmpty()) {
                err.println("mailbench class " + command + ": no class in " + data.root()
                        + " (mailbench serve --class N makes one)");
                return null;
            }
            return roster;
        }
    }

    /** {@code mailbench class accounts}: a header row, then account, name, password of each student. */
    @Command(name = "accounts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Prints each student's account, name and password (readable by the data directory's owner only).")
    static final class Accounts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        DataOption options = new DataOption();

        @Option(names = "--csv", description = "CSV (RFC 4180) instead of aligned columns")
        boolean csv;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ClassRoster roster = options.roster("accounts", spec.commandLine().getErr());
            if (roster == null) {
                return CommandLine.ExitCode.USAGE;
            }
            if (csv) {
                out.print("account,name,password\r\n");
                roster.students().forEach(s -> out.print(s.account() + "," + ClassRoster.csv(s.name()) + ","
                        + s.password() + "\r\n"));
            } else {
                int width = Math.max(7, roster.students().stream().mapToInt(s -> s.account().length()).max().orElse(7));
                int nameWidth = Math.max(4, roster.students().stream().mapToInt(s -> s.name().length()).max().orElse(4));
                String format = "%-" + width + "s  %-" + nameWidth + "s  %s%n";
                out.printf(format, "account", "name", "password");
                roster.students().forEach(s -> out.printf(format, s.account(), s.name(), s.password()));
                roster.teacher().ifPresent(t -> out.println("(the teacher's account: " + t.account() + " / "
                        + t.password() + "; not a student)"));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code mailbench class status}: each student against each lesson, from the kept transcripts. */
    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Prints each student against each lesson: not started, step k of n, done; checked from"
                    + " the practice server's kept transcripts and mailboxes, as mailbench lesson check does.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        DataOption options = new DataOption();

        @Option(names = "--csv", description = "CSV for a gradebook: student, lesson, steps done, completed at")
        boolean csv;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ClassRoster roster = options.roster("status", err);
                if (roster == null) {
                    return CommandLine.ExitCode.USAGE;
                }
                DataDirectory data = options.data();
                ClassProgress progress = progress(roster, data);
                List<ClassProgress.Cell> cells = progress.evaluate(keptSessions(data));
                out.print(csv ? ClassStatusText.csv(cells)
                        : ClassStatusText.table(cells, progress.lessons().stream().map(Lesson::id).toList()) + "\n");
                out.flush();
                return CommandLine.ExitCode.OK;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot read the class's progress", e);
                err.println("mailbench class status: cannot read " + options.data().root() + ": " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
        }
    }

    /** {@code mailbench class sheet}: the printable cards, as HTML and PDF. */
    @Command(name = "sheet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Writes the printable sheet, one card per student (account, password, server address and"
                    + " ports, certificate fingerprint, lessons), as class-sheet.html and class-sheet.pdf.")
    static final class Sheet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        DataOption options = new DataOption();

        @Option(names = "--out", paramLabel = "DIR", description = "where to write the two files (default: the current directory)")
        Path outDir = Path.of(".");

        @Option(names = "--address", paramLabel = "ADDRESS",
                description = "the address students type (default: the one the server listens on)")
        String address;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ClassRoster roster = options.roster("sheet", err);
                if (roster == null) {
                    return CommandLine.ExitCode.USAGE;
                }
                DataDirectory data = options.data();
                ServerConfig config = data.loadOrCreateConfig();
                String fingerprint = CertificateSummary.of(SelfSignedCertificate.certificate(SelfSignedCertificate
                        .loadOrCreate(data.keystoreFile(), config.hostName(), config.keystorePassword().toCharArray())))
                        .sha256Fingerprint();
                ClassSheet sheet = sheet(roster, config, address == null
                        ? StudentAddress.of(config.bindAddress()).get(0) : address, fingerprint);
                Files.createDirectories(outDir);
                Path html = outDir.resolve("class-sheet.html");
                Path pdf = outDir.resolve("class-sheet.pdf");
                Files.writeString(html, sheet.html(), StandardCharsets.UTF_8);
                HtmlToPdf.write(sheet.html(), pdf);
                out.println("Wrote " + html + " and " + pdf + " (" + roster.students().size() + " cards)");
                out.flush();
                return CommandLine.ExitCode.OK;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot write the class sheet", e);
                err.println("mailbench class sheet: " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
        }
    }

    /** The cards of a class, for the server as configured. */
    static ClassSheet sheet(ClassRoster roster, ServerConfig config, String address, String fingerprint) {
        List<ClassSheet.Card> cards = new ArrayList<>();
        roster.students().forEach(s -> cards.add(new ClassSheet.Card(s.name(), s.account(), s.password())));
        return new ClassSheet(cards, address, config.smtpPort(), config.pop3Port(), fingerprint,
                config.accounts().primaryDomain(), lessons().stream().map(Lesson::id).toList(),
                roster.applyTo(config).requireTlsForAuth());
    }

    /** The lessons that load, the shipped ones and the teacher's own (a broken one is left out). */
    public static List<Lesson> lessons() {
        return LessonFolder.usable();
    }

    /** The class's progress over the data directory's mailboxes. */
    static ClassProgress progress(ClassRoster roster, DataDirectory data) throws IOException {
        return progress(roster.studentAccounts(), PracticeDataOption.mailboxes(data));
    }

    /** The progress of these students in every shipped lesson, over these mailboxes. */
    public static ClassProgress progress(Collection<String> students, MailboxView mailboxes) {
        return new ClassProgress(List.copyOf(students), lessons(), mailboxes, Catalogue.load(Locale.getDefault()));
    }

    /** The connections the practice server kept, oldest first. */
    static List<RecordedSession> keptSessions(DataDirectory data) throws IOException {
        List<RecordedSession> sessions = new ArrayList<>();
        for (SavedTranscript saved : TranscriptArchive.readAll(data)) {
            if (saved.protocol() != null) {
                sessions.add(new RecordedSession(data.root().relativize(saved.file()).toString(), saved.protocol(),
                        saved.events()));
            }
        }
        return sessions;
    }
}
