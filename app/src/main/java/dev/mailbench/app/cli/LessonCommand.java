package dev.mailbench.app.cli;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.app.config.ConfigDirectory;
import dev.mailbench.app.config.LessonFolder;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.LessonLibrary;
import dev.mailbench.lesson.LessonProblem;
import dev.mailbench.lesson.LessonProgress;
import dev.mailbench.lesson.LessonStep;
import dev.mailbench.lesson.MailboxView;
import dev.mailbench.lesson.ParsedLesson;
import dev.mailbench.lesson.RecordedSession;
import dev.mailbench.lesson.StepStatus;
import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.SavedTranscript;
import dev.mailbench.server.practice.TranscriptArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailbench lesson list | validate FILE | check ID}: the lessons from a terminal, for a teacher checking a
 * class's work on a shared practice server, or a lesson file being written.
 */
@Command(name = "lesson",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.Validate.class, LessonCommand.Check.class},
        description = "Lists, validates and checks the guided lessons.")
public final class LessonCommand extends CommandGroup {

    private static final Logger LOG = LoggerFactory.getLogger(LessonCommand.class);

    private static Locale language() {
        return Locale.getDefault();
    }

    /** {@code mailbench lesson list}: every lesson's id and title; broken ones say so. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Prints every lesson's id and title.")
    static final class ListLessons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (ParsedLesson parsed : LessonFolder.library(ConfigDirectory.resolve(), language()).all()) {
                out.printf("%-20s %s%n", parsed.id(), parsed.lesson().map(Lesson::title)
                        .orElseGet(() -> "(broken: " + parsed.problems().get(0) + (parsed.problems().size() > 1
                                ? "; " + (parsed.problems().size() - 1) + " more, see mailbench lesson validate)" : ")")));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code mailbench lesson validate FILE}: every problem as {@code file:line: what}, exit 1 if any. */
    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Checks a lesson file (a translation with its English file beside it); prints each problem"
                    + " as FILE:LINE: what is wrong. Exit 0 when valid, 1 when not, 2 when the file cannot be read.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the lesson file, e.g. first-smtp.md or first-smtp_de.md")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("mailbench lesson validate: no such file: " + file);
                return CommandLine.ExitCode.USAGE;
            }
            ParsedLesson parsed;
            try {
                parsed = LessonLibrary.validate(file);
            } catch (IOException e) {
                LOG.warn("Cannot read {} to validate it", file, e);
                err.println("mailbench lesson validate: cannot read " + file + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            List<LessonProblem> problems = new ArrayList<>(parsed.problems());
            // a file in the teacher's folder is listed after the shipped lessons: one with a shipped id never runs
            Path folder = LessonFolder.of(ConfigDirectory.resolve()).toAbsolutePath().normalize();
            if (folder.equals(file.toAbsolutePath().normalize().getParent())
                    && LessonLibrary.builtIn(Locale.ROOT).all().stream().anyMatch(p -> p.id().equals(parsed.id()))) {
                problems.add(LessonLibrary.idTaken(file.getFileName().toString(), parsed.id()));
            }
            problems.forEach(out::println);
            if (problems.isEmpty()) {
                Lesson lesson = parsed.lesson().orElseThrow();
                out.println(file.getFileName() + ": valid, " + lesson.steps().size() + " steps");
            }
            out.flush();
            return problems.isEmpty() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }
    }

    /**
     * {@code mailbench lesson check ID}: reads the practice server's kept transcripts and mailboxes; prints each
     * step done or not, and the first hint of the first step not done. Exit 0 complete, 1 not, 2 usage error.
     */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Checks a lesson from the practice server's kept transcripts and mailboxes. Exit 0 when"
                    + " every step is done, 1 when one is not, 2 on a usage error.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the lesson, e.g. first-smtp (mailbench lesson list)")
        String id;

        @CommandLine.Mixin
        PracticeDataOption options = new PracticeDataOption();

        @Option(names = "--student", paramLabel = "NAME",
                description = "only the connections that logged in or sent mail as this user (default: all)")
        String student;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<ParsedLesson> listed = LessonFolder.library(ConfigDirectory.resolve(), language()).all().stream()
                    .filter(p -> p.id().equals(id)).findFirst();
            if (listed.isPresent() && listed.get().isBroken()) {
                err.println("mailbench lesson check: the lesson " + id + " is broken: " + listed.get().problems().get(0)
                        + " (mailbench lesson validate lists every problem)");
                return CommandLine.ExitCode.USAGE;
            }
            Optional<Lesson> found = listed.flatMap(ParsedLesson::lesson);
            if (found.isEmpty()) {
                err.println("mailbench lesson check: no lesson " + id + " (mailbench lesson list names them)");
                return CommandLine.ExitCode.USAGE;
            }
            DataDirectory data = options.data();
            if (!Files.isDirectory(data.root())) {
                err.println("mailbench lesson check: no data directory " + data.root());
                return CommandLine.ExitCode.USAGE;
            }
            // a wrong folder or a mistyped name would otherwise read as a student who did nothing
            if (!data.isInitialised()) {
                err.println("mailbench lesson check: " + data.root() + " is not a practice server's data directory (it"
                        + " has no " + DataDirectory.CONFIG_FILE + "); name the one mailbench serve uses");
                return CommandLine.ExitCode.USAGE;
            }
            if (student != null) {
                Set<String> accounts;
                try {
                    accounts = ClassRoster.load(data).applyTo(data.loadOrCreateConfig()).accounts().users().keySet();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Cannot read the accounts of {}", data.root(), e);
                    err.println("mailbench lesson check: cannot read the accounts in " + data.root() + ": "
                            + e.getMessage());
                    return CommandLine.ExitCode.USAGE;
                }
                if (!accounts.contains(student.toLowerCase(Locale.ROOT))) {
                    err.println("mailbench lesson check: no account " + student + " on this server (its accounts: "
                            + String.join(", ", new TreeSet<>(accounts)) + ")");
                    return CommandLine.ExitCode.USAGE;
                }
            }
            Lesson lesson = found.get();
            LessonProgress progress;
            try {
                MailboxView mailboxes = PracticeDataOption.mailboxes(data);
                progress = LessonProgress.afterTheFact(lesson, () -> keptSessions(data, err), mailboxes, student,
                        Catalogue.load(language()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot check lesson {} in {}", id, data.root(), e);
                err.println("mailbench lesson check: cannot read " + data.root() + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            out.println(lesson.id() + ": " + lesson.title() + (student == null ? "" : " (" + student + ")"));
            List<StepStatus> steps = progress.steps();
            for (int i = 0; i < steps.size(); i++) {
                StepStatus step = steps.get(i);
                out.printf("  %s %d. %s%n", step.isMet() ? "[done]" : "[    ]", i + 1, step.step().title());
            }
            Optional<StepStatus> current = progress.current();
            if (current.isPresent()) {
                current.get().mistake().ifPresent(mistake -> out.println("Mistake: " + mistake));
                LessonStep step = current.get().step();
                if (!step.hints().isEmpty()) {
                    out.println("Hint: " + step.hints().get(0).plain());
                }
            } else {
                out.println("Complete.");
            }
            out.flush();
            return current.isPresent() ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
        }

        /**
         * The connections the practice server kept in its data directory ({@link TranscriptArchive}), oldest
         * first; a file it could read only in part is used as far as it goes, and its problem is said.
         */
        private static List<RecordedSession> keptSessions(DataDirectory data, PrintWriter err) throws IOException {
            List<RecordedSession> sessions = new ArrayList<>();
            for (SavedTranscript saved : TranscriptArchive.readAll(data)) {
                String name = data.root().relativize(saved.file()).toString();
                saved.problem().ifPresent(problem -> err.println("mailbench lesson check: " + name + ": " + problem));
                sessions.add(new RecordedSession(name, saved.protocol(), saved.events()));
            }
            return sessions;
        }
    }
}
