package dev.mailbench.app.cli;

import dev.mailbench.app.logging.AppLogging;
import dev.mailbench.app.practice.ClassTracker;
import dev.mailbench.lesson.StoreMailboxes;
import dev.mailbench.server.Accounts;
import dev.mailbench.server.PortInUseException;
import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.StudentAddress;
import dev.mailbench.tls.CertificateSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Set;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.mailbench.app.transcript.ControlMarks;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * {@code mailbench serve}: the practice SMTP and POP3 server without a window, for a teacher's shared
 * server or a script. Runs until Ctrl-C or SIGTERM, then stops cleanly.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the practice SMTP and POP3 server without a window, until Ctrl-C.",
            "Settings come from server.properties in the data directory (created with defaults on first start);",
            "options given here override them for this run."
        })
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory (default: $XDG_DATA_HOME/mailbench, else ~/.local/share/mailbench)")
    Path dataDir;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (default from the configuration: 2525; 0 picks a free one)")
    Integer smtpPort;

    @Option(names = "--pop3-port", paramLabel = "PORT", description = "POP3 port (default from the configuration: 1110; 0 picks a free one)")
    Integer pop3Port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "address to listen on (default 127.0.0.1); another address needs --allow-remote")
    String bind;

    @Option(names = "--allow-remote",
            description = "allow listening on an address other than loopback; relaying then always requires AUTH")
    boolean allowRemote;

    @Option(names = "--personality", paramLabel = "ID",
            description = "how the server words its replies: postfix-dovecot, exchange55, exchange2003")
    String personality;

    @Option(names = "--smtp-after-pop", paramLabel = "MINUTES",
            description = "let an address that logged in over POP3 relay for MINUTES minutes without AUTH"
                    + " (SMTP after POP; default from the configuration: off; 0 switches it off)")
    Integer smtpAfterPop;

    @Option(names = "--transcripts", description = "print every line of every connection, as the server sees it")
    boolean transcripts;

    @Option(names = "--class", paramLabel = "N|FILE",
            description = "serve a class: accounts student01 to studentN, or one per name in a CSV FILE (one student a"
                    + " line), each with a generated password and a mailbox; running again keeps them and their mail")
    String classOption;

    @Option(names = "--class-reset",
            description = "start the class over: delete its accounts, their mailboxes and the kept transcripts"
                    + " (asks for confirmation on the terminal)")
    boolean classReset;

    @Option(names = "--require-tls-for-auth", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "accept AUTH, USER/PASS and AUTH PLAIN/LOGIN only after STARTTLS/STLS (default: on when"
                    + " listening beyond loopback, off on loopback)")
    Boolean requireTlsForAuth;

    /** Where the console's commands come from: the terminal, or a test's script. */
    private final InputStream console;

    /**
     * @param console where the teacher's commands are read from while the server runs: the terminal's
     *                standard input when run as {@code mailbench serve}, any stream when embedded
     */
    public ServeCommand(InputStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        // a headless server's operator watches the terminal: its log goes there too (standard error), but for
        // what this command tells in its own words (TOLD_ON_TERMINAL)
        AppLogging.alsoToConsole();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            if (classReset && !resetClass(out, err)) {
                return 1;
            }
            config = configure();
        } catch (IllegalArgumentException e) {
            LOG.debug(AppLogging.TOLD_ON_TERMINAL, "Refused the command line", e);
            err.println("mailbench serve: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        } catch (IOException e) {
            LOG.error(AppLogging.TOLD_ON_TERMINAL, "The data directory cannot be used", e);
            err.println("mailbench serve: the data directory cannot be used: " + describe(e));
            return 1;
        }
        PracticeServer server;
        try {
            server = PracticeServer.start(config);
        } catch (PortInUseException e) {
            LOG.error(AppLogging.TOLD_ON_TERMINAL, "The practice server cannot start: {}", e.getMessage(), e);
            err.println("mailbench serve: " + e.getMessage());
            err.println("Try: " + retryWithPort(e.protocol(), e.port() + 1));
            return 1;
        } catch (IOException e) {
            LOG.error(AppLogging.TOLD_ON_TERMINAL, "The practice server cannot start", e);
            err.println("mailbench serve: the practice server cannot start: " + describe(e));
            return 1;
        }
        LOG.info("Practice server started: SMTP port {}, POP3 port {}, data in {}",
                server.smtpPort(), server.pop3Port(), config.dataDirectory().root());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("Stopping the practice server (signalled)");
            server.close();
            out.println("Practice server stopped.");
            out.flush();
            stopped.countDown();
        }, "mailbench-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicInteger connections = new AtomicInteger();
        server.addObserver((protocol, remote, transcript) -> follow(out, connections.incrementAndGet(), protocol, transcript));
        describe(out, server);
        ClassTracker classTracker = null;
        if (!server.classPolicy().students().isEmpty()) {
            classTracker = ClassTracker.follow(server, ClassCommand.progress(server.classPolicy().students(),
                    new StoreMailboxes(server.store())));
        }
        ServeConsole commands = new ServeConsole(server, out, classTracker);
        Thread reader = new Thread(() -> commands.run(console), "mailbench-serve-console");
        reader.setDaemon(true);
        reader.start();
        boolean interrupted = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            LOG.info("Stopping the practice server (interrupted)");
            interrupted = true;
        } finally {
            // Interrupted rather than signalled (e.g. when embedded): stop here, and drop the hook. The close waits
            // for the connections and their transcripts to be written, so the interrupt is set again only after it:
            // on an interrupted thread that wait would end at once and the files would be written after the return.
            if (stopped.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
                server.close();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return CommandLine.ExitCode.OK;
    }

    /** What went wrong with a file, in words: the JDK names some failures only by the path. */
    private static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return e.getMessage() + " is a file, not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + " does not exist and cannot be created";
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to use " + e.getMessage();
        }
        return e.getMessage();
    }

    /** The command as it was given, with another port for {@code protocol}: what to run next. */
    private String retryWithPort(MailProtocol protocol, int port) {
        String option = "--" + protocol.name().toLowerCase(Locale.ROOT) + "-port";
        List<String> words = new ArrayList<>(List.of("mailbench", "serve"));
        List<String> given = spec.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < given.size(); i++) {
            String word = given.get(i);
            if (word.equals(option)) {
                i++;   // its value goes too
            } else if (!word.startsWith(option + "=")) {
                words.add(word);
            }
        }
        words.add(option);
        words.add(Integer.toString(port));
        return String.join(" ", words);
    }

    private DataDirectory dataDirectory() {
        return dataDir == null ? DataDirectory.defaultLocation() : DataDirectory.at(dataDir);
    }

    /**
     * {@code --class-reset}: says what will be deleted and asks for {@code yes} on the console; anything else, or
     * no console, deletes nothing.
     */
    private boolean resetClass(PrintWriter out, PrintWriter err) throws IOException {
        DataDirectory data = dataDirectory();
        ClassRoster roster = ClassRoster.load(data);
        out.println("--class-reset deletes the class in " + data.root() + ": " + roster.students().size()
                + " student accounts and their passwords, their mailboxes and every kept transcript (their progress).");
        out.print("Type yes to delete them: ");
        out.flush();
        String answer = readLine(console);
        if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
            err.println("mailbench serve: --class-reset not confirmed; nothing was deleted");
            return false;
        }
        List<String> deleted = ClassRoster.reset(data);
        out.println(deleted.isEmpty() ? "There was no class to delete." : "Deleted " + String.join(", ", deleted) + ".");
        return true;
    }

    /** One line from the console, read byte by byte so that nothing after it is taken from the console's reader. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private ServerConfig configure() throws IOException {
        DataDirectory data = dataDirectory();
        ServerConfig config = data.loadOrCreateConfig();
        if (smtpPort != null || pop3Port != null) {
            config = config.withPorts(smtpPort == null ? config.smtpPort() : smtpPort,
                    pop3Port == null ? config.pop3Port() : pop3Port);
        }
        if (bind != null || allowRemote) {
            InetAddress address;
            try {
                address = bind == null ? config.bindAddress() : InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address to listen on: " + bind, e);
            }
            config = config.withBindAddress(address, allowRemote || config.allowRemote());
        }
        if (personality != null) {
            config = config.withPersonality(personality);
        }
        if (requireTlsForAuth != null) {
            config = config.withTlsForAuth(requireTlsForAuth ? ServerConfig.TlsForAuth.ON : ServerConfig.TlsForAuth.OFF);
        }
        ClassRoster roster = ClassRoster.load(data);
        if (classOption != null) {
            roster = roster.withStudents(classNames(classOption), new SecureRandom());
            roster.save(data);
        }
        if (!roster.isEmpty()) {
            config = roster.applyTo(config);
            // every student may be connected at once, over SMTP and POP3, with room for the teacher
            int wanted = 2 * roster.students().size() + 10;
            if (config.limits().maxConnections() < wanted) {
                config = config.withLimits(config.limits().withMaxConnections(wanted));
            }
        }
        if (smtpAfterPop != null) {
            if (smtpAfterPop < 0) {
                throw new IllegalArgumentException("--smtp-after-pop: a number of minutes, 0 for off");
            }
            config = config.withRelay(smtpAfterPop == 0 ? config.relay().withSmtpAfterPop(false)
                    : config.relay().withSmtpAfterPop(Duration.ofMinutes(smtpAfterPop)));
        }
        return config;
    }

    /** {@code --class N} or {@code --class FILE}: the students' names. */
    private static List<String> classNames(String option) throws IOException {
        if (option.matches("\\d{1,4}")) {
            return ClassRoster.numbered(Integer.parseInt(option));
        }
        Path file = Path.of(option);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--class: a number of students, or a CSV file of names: " + option);
        }
        return ClassRoster.namesFromCsv(file);
    }

    private static void describe(PrintWriter out, PracticeServer server) {
        String host = server.bindAddress().getHostAddress();
        boolean tlsForAuth = server.classPolicy().requireTlsForAuth();
        out.println("Mailbench practice server (" + server.personality().displayName() + ")");
        out.println("  SMTP  " + host + ":" + server.smtpPort() + (tlsForAuth
                ? "   (STARTTLS; AUTH PLAIN LOGIN CRAM-MD5 only after STARTTLS)" : "   (STARTTLS, AUTH PLAIN LOGIN CRAM-MD5)"));
        out.println("  POP3  " + host + ":" + server.pop3Port() + (tlsForAuth
                ? "   (STLS, APOP; USER/PASS and AUTH PLAIN/LOGIN only after STLS)" : "   (STLS, APOP, AUTH)"));
        out.println("  certificate SHA-256 " + CertificateSummary.of(server.certificate()).sha256Fingerprint());
        out.println("  data  " + server.config().dataDirectory().root());
        out.println("  relay " + ServeConsole.relaying(server));
        Accounts accounts = server.accounts();
        out.println("  domain " + String.join(", ", accounts.domains()));
        Set<String> students = server.classPolicy().students();
        if (!students.isEmpty()) {
            describeClass(out, server);
        }
        // the class's accounts are in its block above (and in mailbench class accounts), not here
        accounts.users().values().stream().filter(account -> !students.contains(account.name())
                        && (students.isEmpty() || !account.name().equals(ClassRoster.TEACHER)))
                .forEach(account -> out.println("  user  " + account.name()
                + (account.recoverableSecret() != null
                        ? "  password " + account.recoverableSecret() + "  (kept recoverable for APOP and CRAM-MD5)"
                        : "  (password stored hashed only)")));
        out.println("Type help for the commands that switch faults and the personality while it runs.");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** Class mode, loudly: the address students type, that relaying needs AUTH, the fingerprint to compare. */
    private static void describeClass(PrintWriter out, PracticeServer server) {
        String rule = "=".repeat(72);
        List<String> addresses = StudentAddress.of(server.bindAddress());
        out.println(rule);
        out.println("  CLASS MODE: " + server.classPolicy().students().size() + " students"
                + " (mailbench class accounts prints their passwords; mailbench class sheet the cards)");
        out.println("  Students connect to   " + addresses.get(0) + "   SMTP port " + server.smtpPort()
                + ", POP3 port " + server.pop3Port());
        if (addresses.size() > 1) {
            out.println("  (this machine is also " + String.join(", ", addresses.subList(1, addresses.size())) + ")");
        }
        if (server.bindAddress().isLoopbackAddress()) {
            out.println("  Listening on loopback only: students on other machines cannot connect"
                    + " (use --bind ADDRESS --allow-remote)");
        }
        out.println("  Relaying to other domains needs AUTH." + (server.classPolicy().requireTlsForAuth()
                ? " Passwords only after STARTTLS / STLS." : " Passwords are accepted without TLS."));
        out.println("  Certificate SHA-256: " + CertificateSummary.of(server.certificate()).sha256Fingerprint());
        server.accounts().account(ClassRoster.TEACHER).ifPresent(teacher ->
                out.println("  Teacher's account: " + teacher.name() + " / " + teacher.recoverableSecret()
                        + "   (not a student: no student limits)"));
        out.println(rule);
    }

    private void follow(PrintWriter out, int id, MailProtocol protocol, Transcript transcript) {
        String prefix = String.format(Locale.ROOT, "[%s %d] ", protocol, id);
        transcript.addListenerWithHistory(event -> {
            if (transcripts) {
                String arrow = switch (event.direction()) {
                    case CLIENT -> "C: ";
                    case SERVER -> "S: ";
                    case NOTE -> "*  ";
                };
                String text = event.annotation() != null && event.annotation().secret()
                        ? event.annotation().decoded() : event.line();
                // a bare CR or LF in the line is shown as a mark, so that every printed line is one line
                out.println(prefix + arrow + ControlMarks.of(text));
                out.flush();
            } else if (event.direction() == Direction.NOTE) {
                out.println(prefix + event.line());
                out.flush();
            }
        });
    }
}
