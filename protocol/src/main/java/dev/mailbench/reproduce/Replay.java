package dev.mailbench.reproduce;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.session.SessionSecrets;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.OctetNames;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A recorded connection played again: its client lines as a {@link Script} (each line as it was typed, a line with
 * control octets or without its CR LF sent raw, exactly its octets), and the recording itself as a {@link RunResult},
 * so that {@link ReplyComparison} sets the replies the original drew beside the replay's.
 *
 * <p>A session saved with its passwords masked ({@code PASS ••••••}, {@code AUTH PLAIN ••••••}) holds none to send:
 * the caller asks for one ({@link #masksPasswords}) and passes it in; it is used for this run only, never stored.
 * What cannot be played again as it was (a CRAM-MD5 or APOP digest, which depend on the server's challenge) is sent
 * as recorded, and the server's refusal shows as a difference.
 */
public final class Replay {

    /** What a masked password line is played with: the user name (for AUTH PLAIN) and the password. */
    public record Credentials(String user, String password) {
    }

    private Replay() {
    }

    /** Whether any client line of the events holds a masked password, which a replay must be given. */
    public static boolean masksPasswords(MailProtocol protocol, TlsMode tlsMode, List<TranscriptEvent> events) {
        SessionSecrets secrets = SessionSecrets.read(protocol, tlsMode, events);
        return events.stream().anyMatch(event -> masked(secrets, event));
    }

    /** The user name the recorded connection logged in with, when the events say. */
    public static Optional<String> user(MailProtocol protocol, TlsMode tlsMode, List<TranscriptEvent> events) {
        return SessionSecrets.read(protocol, tlsMode, events).user();
    }

    /**
     * The client lines of a recorded connection as a script, numbered 1, 2, … in the order they were sent.
     *
     * @param credentials what a masked password line is played with; empty plays it as recorded (the mask)
     */
    public static Script script(String name, MailProtocol protocol, TlsMode tlsMode, List<TranscriptEvent> events,
                                Optional<Credentials> credentials) {
        SessionSecrets secrets = SessionSecrets.read(protocol, tlsMode, events);
        List<ScriptStep> steps = new ArrayList<>();
        String mechanism = "";
        int number = 0;
        for (TranscriptEvent event : events) {
            if (event.direction() != Direction.CLIENT) {
                continue;
            }
            number++;
            String line = event.line();
            String[] words = line.strip().split("\\s+");
            if (words.length > 1 && words[0].equalsIgnoreCase("AUTH")) {
                mechanism = words[1].toUpperCase(Locale.ROOT);
            }
            if (masked(secrets, event) && credentials.isPresent()) {
                steps.add(new ScriptStep.Send(number, unmasked(line, mechanism, credentials.get())));
            } else if (typable(event)) {
                steps.add(new ScriptStep.Send(number, line));
            } else {
                steps.add(new ScriptStep.Raw(number, marks(event.bytes()), event.bytes()));
            }
        }
        return new Script(name, steps);
    }

    /**
     * The recorded connection as a run: the greeting, then each client line (numbered as {@link #script} numbers
     * them) with the replies that came after it.
     */
    public static RunResult original(ServerAddress address, List<TranscriptEvent> events) {
        ReplyWatcher watcher = new ReplyWatcher(address.protocol(), address.tlsMode() == TlsMode.IMPLICIT);
        List<Integer> numbers = new ArrayList<>(List.of(0));
        List<Integer> firstReply = new ArrayList<>(List.of(0));
        List<String> commands = new ArrayList<>(List.of("(connect)"));
        int number = 0;
        for (TranscriptEvent event : events) {
            if (event.direction() == Direction.CLIENT) {
                number++;
                numbers.add(number);
                firstReply.add(watcher.count());
                commands.add(typable(event) ? event.line() : marks(event.bytes()));
            }
            watcher.onEvent(event);
        }
        watcher.ended();
        List<SeenReply> replies = watcher.replies();
        List<RunResult.Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int from = Math.min(firstReply.get(i), replies.size());
            int to = i + 1 < numbers.size() ? Math.min(firstReply.get(i + 1), replies.size()) : replies.size();
            exchanges.add(new RunResult.Exchange(numbers.get(i), commands.get(i), replies.subList(from, to)));
        }
        return new RunResult(address, events, exchanges, List.of(), Optional.empty());
    }

    private static boolean masked(SessionSecrets secrets, TranscriptEvent event) {
        return event.direction() == Direction.CLIENT && secrets.isSecret(event) && event.line().contains(SaslText.MASK);
    }

    /**
     * A masked line with the password put back: {@code PASS secret} (RFC 1939 §7), AUTH PLAIN's response
     * {@code \0user\0password} in base64 (RFC 4616 §2), or a bare base64 password (AUTH LOGIN's second answer).
     */
    private static String unmasked(String line, String mechanism, Credentials credentials) {
        String prefix = line.substring(0, line.indexOf(SaslText.MASK));
        if (prefix.strip().equalsIgnoreCase("PASS")) {
            return prefix + credentials.password();
        }
        String response = mechanism.equals("PLAIN") ? "\0" + credentials.user() + "\0" + credentials.password()
                : credentials.password();
        return prefix + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
    }

    /** A line a person types: printable text ended by CR LF, nothing else. */
    private static boolean typable(TranscriptEvent event) {
        String text = event.text();
        if (!text.endsWith("\r\n")) {
            return false;
        }
        return text.substring(0, text.length() - 2).chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** The octets as raw mode takes them: control octets as marks ({@code ⟨CR⟩}), the rest as text. */
    private static String marks(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        String text = new String(bytes, StandardCharsets.UTF_8);
        text.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                out.append(OctetNames.mark(c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
