package dev.mailbench.reproduce;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineReading;
import dev.mailbench.smtp.SmtpLineRole;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An SMTP session read for reproduction, through {@link SmtpDialogue}: the EHLO name, STARTTLS, AUTH and its
 * credentials (when the events carry them), each mail transaction with its message text, every client line in
 * order, and what a tool that speaks only the normal dialogue cannot say.
 */
final class SmtpSessionReading {

    /** One mail transaction (RFC 5321 §3.3): sender, recipients, the message as the server received it. */
    static final class Transaction {
        final String from;
        final String fromParameters;
        final List<String> to = new ArrayList<>();
        final ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean accepted;

        Transaction(String from, String fromParameters) {
            this.from = from;
            this.fromParameters = fromParameters;
        }

        String messageText() {
            return message.toString(StandardCharsets.UTF_8);
        }
    }

    final List<ClientLine> lines = new ArrayList<>();
    final List<Transaction> transactions = new ArrayList<>();
    /** What swaks and curl leave out, each a sentence for a comment. */
    final List<String> unsaid = new ArrayList<>();
    /** What no tool that sends CRLF-terminated lines can say (bare LF, NUL …). */
    final List<String> irregular = new ArrayList<>();
    String heloVerb = "";
    String heloName = "";
    boolean startTls;
    boolean untrustedCertificate;
    String authMechanism = "";
    String user;
    String password;
    /** The sequence of the STARTTLS command, or -1. */
    long startTlsSequence = -1;

    static SmtpSessionReading of(List<TranscriptEvent> events, TlsMode tlsMode) {
        SmtpSessionReading reading = new SmtpSessionReading();
        reading.read(events, tlsMode);
        return reading;
    }

    private void read(List<TranscriptEvent> events, TlsMode tlsMode) {
        SmtpDialogue dialogue = new SmtpDialogue(tlsMode == TlsMode.IMPLICIT);
        Map<Long, SmtpReply> replies = new TreeMap<>(); // in the order of the lines they answer
        List<ClientLine> authResponses = new ArrayList<>();
        Map<Long, Transaction> byMail = new HashMap<>();
        Map<Long, Transaction> byRcpt = new HashMap<>();
        Map<Long, String> rcptPaths = new HashMap<>();
        Map<Long, Transaction> byEnd = new HashMap<>();
        Transaction current = null;
        for (TranscriptEvent event : events) {
            if (event.isNote()) {
                untrustedCertificate |= event.line().startsWith("TLS established, ") && !event.line().contains("certificate trusted");
                continue;
            }
            SmtpLineReading read = dialogue.accept(event);
            if (event.direction() == Direction.SERVER) {
                if (read.completesReply() && read.answers() != null) {
                    replies.put(read.answers().sequence(), read.reply());
                }
                continue;
            }
            ClientLine line = ClientLine.of(event, read.role() == SmtpLineRole.COMMAND);
            lines.add(line);
            if (line.irregularity() != null) {
                irregular.add("client line " + lines.size() + " (" + Shell.quote(line.text()) + ") was sent with "
                        + line.irregularity() + ", which this tool cannot send: it ends every line with CRLF");
            }
            switch (read.role()) {
                case MESSAGE_TEXT -> {
                    if (current != null) {
                        byte[] bytes = event.bytes();
                        int from = read.leadingDot() ? 1 : 0; // the transparency dot is not message text (RFC 5321 §4.5.2)
                        current.message.write(bytes, from, bytes.length - from);
                    }
                }
                case END_OF_DATA -> {
                    if (current != null) {
                        byEnd.put(event.sequence(), current);
                    }
                }
                case AUTH_RESPONSE -> authResponses.add(line);
                case COMMAND -> current = command(line, current, authResponses, byMail, byRcpt, rcptPaths);
                default -> {
                }
            }
        }
        for (Map.Entry<Long, SmtpReply> answered : replies.entrySet()) {
            SmtpReply reply = answered.getValue();
            Long sequence = answered.getKey();
            if (reply.code() == 503) {
                lines.stream().filter(l -> l.sequence() == sequence).findFirst().ifPresent(l -> unsaid.add(
                        Shell.quote(l.text()) + " was answered 503 (bad sequence of commands, RFC 5321 §4.2.4): "
                                + "the session sent it out of order, which this tool does not"));
            }
            if (byMail.containsKey(sequence) && !reply.isPositive()) {
                Transaction refused = byMail.get(sequence);
                transactions.remove(refused);
                if (reply.code() != 503) { // a 503 is named above
                    unsaid.add("MAIL FROM:<" + refused.from + "> was refused (" + reply.code() + "): that transaction is left out");
                }
            }
            if (byRcpt.containsKey(sequence)) {
                Transaction t = byRcpt.get(sequence);
                if (reply.isPositive()) {
                    t.to.add(rcptPaths.get(sequence));
                } else {
                    unsaid.add("RCPT TO:<" + rcptPaths.get(sequence) + "> was refused (" + reply.code() + "): left out");
                }
            }
            if (byEnd.containsKey(sequence)) {
                byEnd.get(sequence).accepted = reply.isPositive();
            }
            if (sequence == startTlsSequence && reply.code() != 220) {
                startTls = false;
            }
        }
        transactions.removeIf(t -> {
            if (t.message.size() > 0 && !byEnd.containsValue(t)) {
                // RFC 5321 §4.1.1.4: without the final "." the server never took the message; sending it would
                unsaid.add("the message from <" + t.from + "> was cut off before its final \".\" (the session ended in"
                        + " DATA): the server never took it, so it is left out");
                return true;
            }
            if (t.to.isEmpty()) {
                unsaid.add("the transaction from <" + t.from + "> had no accepted recipient: left out");
                return true;
            }
            return false;
        });
        readCredentials(authResponses);
    }

    private Transaction command(ClientLine line, Transaction current, List<ClientLine> authResponses,
                                Map<Long, Transaction> byMail, Map<Long, Transaction> byRcpt, Map<Long, String> rcptPaths) {
        String text = line.text().strip();
        Optional<SmtpVerb> verb = SmtpVerb.of(text);
        String argument = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
        if (verb.isEmpty()) {
            unsaid.add(Shell.quote(text) + " is no SMTP command this tool sends: not reproduced");
            return current;
        }
        switch (verb.get()) {
            case EHLO, HELO -> {
                if (heloVerb.isEmpty()) {
                    heloVerb = verb.get().keyword();
                    heloName = argument;
                }
            }
            case STARTTLS -> {
                startTls = true;
                startTlsSequence = line.sequence();
            }
            case AUTH -> {
                String[] words = argument.split("\\s+", 2);
                authMechanism = words[0].toUpperCase(Locale.ROOT);
                authResponses.clear();
                if (words.length > 1) {
                    authResponses.add(new ClientLine(line.sequence(), words[1], line.tls(), false, line.issues()));
                }
            }
            case MAIL -> {
                String[] path = path(argument);
                Transaction t = new Transaction(path[0], path[1]);
                transactions.add(t);
                byMail.put(line.sequence(), t);
                if (!path[1].isEmpty()) {
                    unsaid.add("MAIL FROM parameters (" + path[1] + ") are not passed on");
                }
                return t;
            }
            case RCPT -> {
                if (current != null) {
                    byRcpt.put(line.sequence(), current);
                    rcptPaths.put(line.sequence(), path(argument)[0]);
                }
            }
            case DATA, QUIT -> {
            }
            case RSET -> {
                unsaid.add("RSET was sent: this tool starts each message afresh instead");
                return null;
            }
            default -> unsaid.add(Shell.quote(text) + " (" + verb.get().keyword() + ") was sent: this tool cannot send it");
        }
        return current;
    }

    /** {@code FROM:<a@b> SIZE=10} as {@code a@b} and {@code SIZE=10}. */
    private static String[] path(String argument) {
        int colon = argument.indexOf(':');
        String rest = colon < 0 ? argument : argument.substring(colon + 1).strip();
        int close = rest.startsWith("<") ? rest.indexOf('>') : -1;
        String path;
        String parameters;
        if (close > 0) {
            path = rest.substring(1, close);
            parameters = rest.substring(close + 1).strip();
        } else {
            String[] words = rest.split("\\s+", 2);
            path = words[0];
            parameters = words.length > 1 ? words[1] : "";
        }
        return new String[] {path, parameters};
    }

    /** PLAIN (RFC 4616) and LOGIN carry user and password in base64; CRAM-MD5 (RFC 2195) only the user. */
    private void readCredentials(List<ClientLine> responses) {
        if (authMechanism.isEmpty()) {
            return;
        }
        List<String> decoded = new ArrayList<>();
        for (ClientLine response : responses) {
            decoded.add(SaslText.decode(response.text()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null));
        }
        switch (authMechanism) {
            case "PLAIN" -> {
                String[] parts = decoded.isEmpty() || decoded.get(0) == null ? new String[0] : decoded.get(0).split("\u0000", -1);
                if (parts.length == 3) {
                    user = parts[1];
                    password = parts[2];
                }
            }
            case "LOGIN" -> {
                user = decoded.size() > 0 ? decoded.get(0) : null;
                password = decoded.size() > 1 ? decoded.get(1) : null;
            }
            case "CRAM-MD5" -> {
                String answer = decoded.isEmpty() ? null : decoded.get(0);
                user = answer == null || !answer.contains(" ") ? null : answer.substring(0, answer.lastIndexOf(' '));
            }
            default -> unsaid.add("AUTH " + authMechanism + " is not one this export knows: left out");
        }
    }

    /** The user name, or the {@link Shell#USER} reference when the events did not keep it. */
    String userOrReference() {
        return user == null ? Shell.USER : user;
    }

    /** The password, or the {@link Shell#PASSWORD} reference when the events did not keep it. */
    String passwordOrReference() {
        return password == null ? Shell.PASSWORD : password;
    }
}
