package dev.mailbench.session;

import dev.mailbench.explain.EventText;
import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3LineRole;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineRole;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which lines of a connection carry a password, and who logged in: read with the protocol's dialogue reader
 * ({@link SmtpDialogue}, {@link Pop3Dialogue}), which knows where an AUTH exchange begins and ends, so that a line
 * typed by hand or sent raw is found as surely as one the session annotated as secret ({@link EventText#isSecret}).
 *
 * <p>Secret are: the argument of PASS (RFC 1939 §7), and each AUTH payload (the initial response, RFC 4954 §4,
 * RFC 5034 §4, and every client line inside the exchange) that its mechanism says may carry a password, as the
 * session decides it on screen ({@link SaslText#response}): a PLAIN response, AUTH LOGIN's second answer, the
 * payload of a mechanism Mailbench does not know; not AUTH LOGIN's user name, a CRAM-MD5 digest (the password
 * never crosses the wire) or the {@code *} that cancels an exchange. A secret line is saved as the transcript shows
 * it masked ({@link EventText#mask}: {@code PASS ••••••}, {@code AUTH PLAIN ••••••}, {@code ••••••}).
 */
public final class SessionSecrets {

    private final Set<Long> secret;
    private final Optional<String> user;

    private SessionSecrets(Set<Long> secret, Optional<String> user) {
        this.secret = secret;
        this.user = user;
    }

    /** Reads a connection's events, in order, from the greeting on. */
    public static SessionSecrets read(MailProtocol protocol, TlsMode tlsMode, List<TranscriptEvent> events) {
        Reader reader = new Reader(protocol, tlsMode == TlsMode.IMPLICIT);
        events.forEach(reader::accept);
        return new SessionSecrets(reader.secret, Optional.ofNullable(reader.user));
    }

    /** Whether the line with this sequence number carries a password or another secret. */
    public boolean isSecret(TranscriptEvent event) {
        return secret.contains(event.sequence());
    }

    /** The user name the connection logged in with (USER, APOP, AUTH PLAIN, LOGIN or CRAM-MD5), if it did. */
    public Optional<String> user() {
        return user;
    }

    /** The line's octets with its secret masked and its line ending kept. */
    public static byte[] masked(TranscriptEvent event) {
        String text = event.text();
        String ending = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : text.endsWith("\r") ? "\r" : "";
        return (EventText.mask(event.line()) + ending).getBytes(StandardCharsets.UTF_8);
    }

    /** One pass over the events, with the protocol's dialogue reader. */
    private static final class Reader {
        private final MailProtocol protocol;
        private final SmtpDialogue smtp;
        private final Pop3Dialogue pop3;
        private final Set<Long> secret = new HashSet<>();
        private String user;
        /** The mechanism of the AUTH exchange under way, and how many responses it has had. */
        private String mechanism = "";
        private int responses;

        Reader(MailProtocol protocol, boolean implicitTls) {
            this.protocol = protocol;
            this.smtp = protocol == MailProtocol.SMTP ? new SmtpDialogue(implicitTls) : null;
            this.pop3 = protocol == MailProtocol.POP3 ? new Pop3Dialogue(implicitTls) : null;
        }

        void accept(TranscriptEvent event) {
            boolean command;
            boolean authResponse;
            if (protocol == MailProtocol.SMTP) {
                SmtpLineRole role = smtp.accept(event).role();
                command = role == SmtpLineRole.COMMAND;
                authResponse = role == SmtpLineRole.AUTH_RESPONSE;
            } else {
                Pop3LineRole role = pop3.accept(event).role();
                command = role == Pop3LineRole.COMMAND;
                authResponse = role == Pop3LineRole.AUTH_RESPONSE;
            }
            if (event.direction() != Direction.CLIENT) {
                return;
            }
            String line = event.line();
            if (EventText.isSecret(event)) {
                secret.add(event.sequence());
            }
            if (command) {
                command(event, line);
            } else if (authResponse) {
                response(event, line.strip());
            }
        }

        private void command(TranscriptEvent event, String line) {
            String[] words = line.strip().split("\\s+");
            String verb = words[0].toUpperCase(Locale.ROOT);
            boolean auth = protocol == MailProtocol.SMTP ? verb.equals(SmtpVerb.AUTH.keyword())
                    : verb.equals(Pop3Verb.AUTH.keyword());
            if (auth) {
                mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
                responses = 0;
                if (words.length > 2) {
                    response(event, words[2]); // the initial response (RFC 4954 §4, RFC 5034 §4)
                }
            } else if (protocol == MailProtocol.POP3 && verb.equals(Pop3Verb.PASS.keyword()) && words.length > 1) {
                secret.add(event.sequence()); // RFC 1939 §7: the password in clear
            } else if (protocol == MailProtocol.POP3 && (verb.equals(Pop3Verb.USER.keyword())
                    || verb.equals(Pop3Verb.APOP.keyword())) && words.length > 1 && user == null) {
                user = words[1];
            }
        }

        /**
         * The next response of the AUTH exchange under way: a secret where its mechanism may carry a password there;
         * the user name, for the mechanisms that send one.
         */
        private void response(TranscriptEvent event, String base64) {
            int step = responses++;
            if (SaslText.response(mechanism, step, base64).secret()) {
                secret.add(event.sequence());
            }
            if (user != null) {
                return;
            }
            Optional<String> decoded = SaslText.decode(base64).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
            if (decoded.isEmpty()) {
                return;
            }
            String text = decoded.get();
            switch (mechanism) {
                case "PLAIN" -> { // RFC 4616 §2: [authzid] NUL authcid NUL passwd
                    String[] fields = text.split("\u0000", -1);
                    if (fields.length == 3 && !fields[1].isEmpty()) {
                        user = fields[1];
                    }
                }
                case "LOGIN" -> {
                    if (step == 0 && !text.isEmpty()) {
                        user = text;
                    }
                }
                case "CRAM-MD5" -> { // RFC 2195 §2: user name, a space, the digest
                    int space = text.lastIndexOf(' ');
                    if (space > 0) {
                        user = text.substring(0, space);
                    }
                }
                default -> {
                }
            }
        }
    }
}
