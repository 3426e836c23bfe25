package dev.mailbench.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mailbench.lesson.ServerSetting;
import dev.mailbench.app.practice.ClassTracker;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.server.Faults;
import dev.mailbench.server.Personality;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.smtp.RelayPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a teacher types into the terminal where {@code mailbench serve} runs, to switch faults and the
 * personality while the class is connected: {@code greylisting on}, {@code delay 5}, {@code faults off},
 * {@code smtp-after-pop 10}.
 * The same switches the window's practice-server panel has.
 */
final class ServeConsole {

    private static final Logger LOG = LoggerFactory.getLogger(ServeConsole.class);

    static final String HELP = String.join("\n",
            "Commands, while the server runs:",
            "  status                      where it listens, its personality, the faults that are on;",
            "                              in class mode each student against each lesson",
            "  personality ID              " + String.join(", ", Personality.BUILT_IN) + " (new connections)",
            "  delay SECONDS               hold every reply back (0: off)",
            "  refuse on|off               new connections get 421 4.3.2 / -ERR [SYS/TEMP]",
            "  rcpt-fail 451|452|off       every RCPT fails temporarily",
            "  data-fail 451|452|off       every message fails temporarily at the end of DATA",
            "  greylisting on|off          the first attempt gets 450 4.7.1, a retry is accepted",
            "  drop-mid-data on|off        the server hangs up in the middle of DATA",
            "  pop3-login-fail on|off      POP3 logins get -ERR [SYS/TEMP]",
            "                              (a lesson's names work too: refuse-connections, rcpt-failure,",
            "                              data-failure, pop3-login-failure)",
            "  faults off                  every fault off",
            "  smtp-after-pop MINUTES|off  a POP3 login lets its address relay without AUTH for MINUTES",
            "  tls-for-auth on|off         passwords (AUTH, USER/PASS) only after STARTTLS / STLS",
            "  help                        this list");

    private final PracticeServer server;
    private final PrintWriter out;
    /** The class's progress in class mode, else null. */
    private final ClassTracker classTracker;

    ServeConsole(PracticeServer server, PrintWriter out) {
        this(server, out, null);
    }

    ServeConsole(PracticeServer server, PrintWriter out, ClassTracker classTracker) {
        this.server = server;
        this.out = out;
        this.classTracker = classTracker;
    }

    /** Reads commands until the input ends; each answer is one line (or the help). */
    void run(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.println(execute(line));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the terminal went away; the server goes on
            LOG.warn("The console can no longer be read; the server goes on without it", e);
        }
    }

    /** A fault as a lesson names it ({@code needs: fault rcpt-failure}) is the console's command of that fault. */
    private static String consoleVerb(String typed) {
        return ServerSetting.Fault.of(typed).map(fault -> switch (fault) {
            case REFUSE_CONNECTIONS -> "refuse";
            case RCPT_FAILURE -> "rcpt-fail";
            case DATA_FAILURE -> "data-fail";
            case POP3_LOGIN_FAILURE -> "pop3-login-fail";
            case GREYLISTING -> "greylisting";
            case DROP_MID_DATA -> "drop-mid-data";
        }).orElse(typed);
    }

    /** Carries out one command and says what it did, or why it did nothing. */
    String execute(String line) {
        String[] words = line.strip().split("\\s+");
        String verb = consoleVerb(words[0].toLowerCase(Locale.ROOT));
        String argument = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        if (words.length > 2) {
            return "one value only: " + line.strip() + " (help lists the commands)";
        }
        Faults faults = server.faults();
        try {
            switch (verb) {
                case "help" -> {
                    return HELP;
                }
                case "status" -> {
                    return status();
                }
                case "personality" -> {
                    if (!Personality.BUILT_IN.contains(argument)) {
                        return "personality: one of " + String.join(", ", Personality.BUILT_IN);
                    }
                    server.switchPersonality(argument);
                    return "personality " + server.personality().displayName() + " for new connections";
                }
                case "delay" -> {
                    int seconds = Integer.parseInt(argument);
                    if (seconds < 0 || seconds > 600) {
                        throw new NumberFormatException();
                    }
                    faults.replyDelay(Duration.ofSeconds(seconds));
                    return seconds == 0 ? "delay off" : "every reply is held back " + seconds + " s";
                }
                case "refuse" -> {
                    faults.refuseConnections(onOff(argument));
                    return "refuse " + argument;
                }
                case "rcpt-fail" -> {
                    faults.rcptTemporaryFailure(temporaryCode(argument));
                    return "rcpt-fail " + argument;
                }
                case "data-fail" -> {
                    faults.dataTemporaryFailure(temporaryCode(argument));
                    return "data-fail " + argument;
                }
                case "greylisting" -> {
                    faults.greylisting(onOff(argument));
                    return "greylisting " + argument;
                }
                case "drop-mid-data" -> {
                    faults.dropConnectionMidData(onOff(argument));
                    return "drop-mid-data " + argument;
                }
                case "pop3-login-fail" -> {
                    faults.pop3LoginTemporaryFailure(onOff(argument));
                    return "pop3-login-fail " + argument;
                }
                case "tls-for-auth" -> {
                    server.classPolicy().requireTlsForAuth(onOff(argument));
                    return tlsForAuth(server);
                }
                case "smtp-after-pop" -> {
                    int minutes = argument.equals("off") ? 0 : Integer.parseInt(argument);
                    if (minutes < 0 || minutes > 1440) {
                        throw new NumberFormatException();
                    }
                    server.smtpAfterPop(Duration.ofMinutes(minutes));
                    return relaying(server);
                }
                case "faults" -> {
                    if (!argument.equals("off")) {
                        return "faults off: switches every fault off";
                    }
                    faults.clear();
                    return "every fault off";
                }
                default -> {
                    return "unknown command: " + words[0] + " (help lists the commands)";
                }
            }
        } catch (IllegalArgumentException e) {
            return verb + ": " + switch (verb) {
                case "delay" -> "a number of seconds from 0 to 600";
                case "rcpt-fail", "data-fail" -> "451, 452 or off";
                case "smtp-after-pop" -> "a number of minutes from 1 to 1440, or off";
                case "tls-for-auth" -> "on or off";
                default -> "on or off";
            };
        }
    }

    private String status() {
        Faults faults = server.faults();
        List<String> on = new ArrayList<>();
        if (!faults.replyDelay().isZero()) {
            on.add("delay " + faults.replyDelay().toSeconds() + " s");
        }
        if (faults.refuseConnections()) {
            on.add("refuse");
        }
        if (faults.rcptTemporaryFailure() != 0) {
            on.add("rcpt-fail " + faults.rcptTemporaryFailure());
        }
        if (faults.dataTemporaryFailure() != 0) {
            on.add("data-fail " + faults.dataTemporaryFailure());
        }
        if (faults.greylisting()) {
            on.add("greylisting");
        }
        if (faults.dropConnectionMidData()) {
            on.add("drop-mid-data");
        }
        if (faults.pop3LoginTemporaryFailure()) {
            on.add("pop3-login-fail");
        }
        String host = server.bindAddress().getHostAddress();
        String line = "SMTP " + host + ":" + server.smtpPort() + ", POP3 " + host + ":" + server.pop3Port() + ", "
                + server.personality().displayName() + "; " + relaying(server) + "; faults: "
                + (on.isEmpty() ? "none" : String.join(", ", on)) + "; " + tlsForAuth(server);
        if (classTracker == null) {
            return line;
        }
        try {
            return line + "\n" + ClassStatusText.table(classTracker.current(),
                    ClassCommand.lessons().stream().map(Lesson::id).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return line;
        }
    }

    /** Whether passwords need TLS, as {@code status} and {@code tls-for-auth} say it. */
    static String tlsForAuth(PracticeServer server) {
        return server.classPolicy().requireTlsForAuth()
                ? "passwords only after STARTTLS / STLS" : "passwords accepted without TLS";
    }

    /** Who may relay, as {@code status} and the {@code smtp-after-pop} command say it. */
    static String relaying(PracticeServer server) {
        RelayPolicy relay = server.relay();
        if (relay.smtpAfterPop() && server.bindAddress().isLoopbackAddress()) {
            return "SMTP after POP on (" + relay.smtpAfterPopWindow().toMinutes()
                    + " min): a POP3 login lets its address relay without AUTH";
        }
        return "SMTP after POP off: relaying needs AUTH";
    }

    private static boolean onOff(String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static int temporaryCode(String value) {
        return switch (value) {
            case "off", "0" -> 0;
            case "451" -> 451;
            case "452" -> 452;
            default -> throw new IllegalArgumentException(value);
        };
    }
}
