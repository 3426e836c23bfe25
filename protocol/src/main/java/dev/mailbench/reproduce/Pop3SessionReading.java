package dev.mailbench.reproduce;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3LineReading;
import dev.mailbench.pop3.Pop3LineRole;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A POP3 session read for reproduction, through {@link Pop3Dialogue}: STLS, the login (USER/PASS or AUTH) with its
 * credentials when the events carry them, and the commands of the TRANSACTION state in order.
 */
final class Pop3SessionReading {

    final List<ClientLine> lines = new ArrayList<>();
    /** The commands after the login, QUIT excluded: {@code RETR 1}, {@code LIST}, {@code DELE 2} … */
    final List<String> commands = new ArrayList<>();
    final List<String> irregular = new ArrayList<>();
    boolean stls;
    boolean untrustedCertificate;
    /** USER, APOP or the SASL mechanism. */
    String login = "";
    String user;
    String password;

    static Pop3SessionReading of(List<TranscriptEvent> events, TlsMode tlsMode) {
        Pop3SessionReading reading = new Pop3SessionReading();
        Pop3Dialogue dialogue = new Pop3Dialogue(tlsMode == TlsMode.IMPLICIT);
        List<String> authResponses = new ArrayList<>();
        for (TranscriptEvent event : events) {
            if (event.isNote()) {
                reading.untrustedCertificate |= event.line().startsWith("TLS established, ")
                        && !event.line().contains("certificate trusted");
                continue;
            }
            Pop3LineReading read = dialogue.accept(event);
            if (event.direction() == Direction.SERVER) {
                continue;
            }
            ClientLine line = ClientLine.of(event, read.role() == Pop3LineRole.COMMAND);
            reading.lines.add(line);
            if (line.irregularity() != null) {
                reading.irregular.add("client line " + reading.lines.size() + " (" + Shell.quote(line.text()) + ") was sent with "
                        + line.irregularity() + ", which this tool cannot send: it ends every line with CRLF");
            }
            if (read.role() == Pop3LineRole.AUTH_RESPONSE) {
                authResponses.add(line.text());
                continue;
            }
            reading.command(line, authResponses);
        }
        reading.readCredentials(authResponses);
        return reading;
    }

    private void command(ClientLine line, List<String> authResponses) {
        String text = line.text().strip();
        String[] words = text.split("\\s+");
        Optional<Pop3Verb> verb = Pop3Verb.of(text);
        if (verb.isEmpty()) {
            commands.add(text);
            return;
        }
        switch (verb.get()) {
            case STLS -> stls = true;
            case USER -> {
                login = "USER";
                user = words.length > 1 ? text.substring(text.indexOf(' ') + 1) : "";
            }
            case PASS -> {
                String given = words.length > 1 ? text.substring(text.indexOf(' ') + 1) : "";
                password = given.equals(SaslText.MASK) ? null : given; // RFC 1939 §7: the rest of the line
            }
            case APOP -> {
                login = "APOP";
                user = words.length > 1 ? words[1] : null;
            }
            case AUTH -> {
                login = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
                authResponses.clear();
                if (words.length > 2) {
                    authResponses.add(words[2]);
                }
            }
            case CAPA, QUIT -> {
            }
            default -> commands.add(text);
        }
    }

    private void readCredentials(List<String> responses) {
        if (login.equals("USER") || login.equals("APOP") || login.isEmpty()) {
            if (login.equals("APOP")) {
                password = null; // APOP sends only a digest (RFC 1939 §7)
            }
            return;
        }
        List<String> decoded = responses.stream()
                .map(r -> SaslText.decode(r).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null)).toList();
        if (login.equals("PLAIN") && !decoded.isEmpty() && decoded.get(0) != null) {
            String[] parts = decoded.get(0).split("\u0000", -1);
            if (parts.length == 3) {
                user = parts[1];
                password = parts[2];
            }
        } else if (login.equals("LOGIN")) {
            user = decoded.size() > 0 ? decoded.get(0) : null;
            password = decoded.size() > 1 ? decoded.get(1) : null;
        }
    }

    String userOrReference() {
        return user == null ? Shell.USER : user;
    }

    String passwordOrReference() {
        return password == null ? Shell.PASSWORD : password;
    }
}
