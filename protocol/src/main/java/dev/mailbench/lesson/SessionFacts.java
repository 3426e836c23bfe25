package dev.mailbench.lesson;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3LineReading;
import dev.mailbench.pop3.Pop3LineRole;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3Turn;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineReading;
import dev.mailbench.smtp.SmtpLineRole;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpTurn;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one connection's transcript through its protocol's dialogue reader ({@link SmtpDialogue},
 * {@link Pop3Dialogue}) and writes what it shows into {@link Facts}: each command with the reply that answered it,
 * AUTH attempts, dot-stuffed text lines, the start of TLS, and the user names the student went by. Cheap per
 * event: a line of message text costs the reader's look at its first octet.
 */
final class SessionFacts {

    private final Facts facts;
    private final MailProtocol protocol;
    private final int id;
    private final SmtpDialogue smtp;
    private final Pop3Dialogue pop3;
    /** Exchanges awaiting their reply, by the sequence number of their line (-1: the greeting). */
    private final Map<Long, Exchange> awaiting = new HashMap<>();
    private final Set<String> identities = new LinkedHashSet<>();
    private Exchange upgrade;
    private String authMechanism;
    private boolean authInitialResponse;
    private int authResponses;

    SessionFacts(Facts facts, MailProtocol protocol) {
        this.facts = facts;
        this.protocol = protocol;
        this.id = facts.newSession();
        this.smtp = protocol == MailProtocol.SMTP ? new SmtpDialogue() : null;
        this.pop3 = protocol == MailProtocol.POP3 ? new Pop3Dialogue() : null;
        awaiting.put(-1L, facts.add(Exchange.Kind.GREETING, this, null, "", false));
    }

    int id() {
        return id;
    }

    MailProtocol protocol() {
        return protocol;
    }

    /**
     * The names the client went by on this connection: POP3 USER, the user of an AUTH PLAIN or LOGIN exchange
     * (when the transcript kept its base64), the local part of MAIL FROM. Lower case.
     */
    Set<String> identities() {
        return identities;
    }

    void accept(TranscriptEvent event) {
        if (event.direction() == Direction.NOTE) {
            return;
        }
        if (event.tls() && upgrade != null) {
            facts.tlsStarted(upgrade);
            upgrade = null;
        }
        if (smtp != null) {
            smtp(event, smtp.accept(event));
        } else {
            pop3(event, pop3.accept(event));
        }
    }

    void ended() {
        if (smtp != null) {
            smtp.ended();
        } else {
            pop3.ended();
        }
    }

    // ---- SMTP ----------------------------------------------------------------------------------------------

    private void smtp(TranscriptEvent event, SmtpLineReading reading) {
        SmtpLineRole role = reading.role();
        switch (role) {
            case COMMAND -> {
                String line = event.line();
                String verb = SmtpVerb.of(line).map(SmtpVerb::keyword).orElse(null);
                command(event, Exchange.Kind.COMMAND, verb, line, SmtpVerb.firstWord(line).length());
            }
            case END_OF_DATA -> command(event, Exchange.Kind.END_OF_DATA, null, "", 0);
            case AUTH_RESPONSE -> authResponse(event);
            case MESSAGE_TEXT -> {
                if (reading.leadingDot()) {
                    facts.dottedLine();
                }
            }
            case REPLY -> {
                SmtpReply reply = reading.reply();
                SmtpTurn turn = reading.answers();
                if (reply != null && turn != null && !reply.isMalformed()) {
                    String enhanced = reply.enhancedStatus().map(Object::toString).orElse(null);
                    answered(turn.sequence(), new Exchange.Reply(Integer.toString(reply.code()), enhanced,
                            reply.code() < 400, reply.code() >= 400, reply.text()), reply.code() == 334,
                            reply.code() == 235);
                }
            }
            default -> {
                // partial lines and notes show nothing yet
            }
        }
    }

    // ---- POP3 ----------------------------------------------------------------------------------------------

    private void pop3(TranscriptEvent event, Pop3LineReading reading) {
        switch (reading.role()) {
            case COMMAND -> {
                String line = event.line();
                String verb = Pop3Verb.of(line).map(Pop3Verb::keyword).orElse(null);
                command(event, Exchange.Kind.COMMAND, verb, line, Pop3Verb.firstWord(line).length());
            }
            case AUTH_RESPONSE -> authResponse(event);
            case STATUS -> {
                Pop3Reply status = reading.status();
                Pop3Turn turn = reading.answers();
                if (status != null && turn != null && status.status() != Pop3Reply.Status.MALFORMED) {
                    boolean continuation = status.status() == Pop3Reply.Status.CONTINUATION;
                    answered(turn.sequence(), new Exchange.Reply(status.status().indicator(), null,
                            status.isOk() || continuation, status.isErr(), status.text()), continuation,
                            status.isOk());
                }
            }
            default -> {
                // text of a multi-line response, its end, partial lines and notes
            }
        }
    }

    // ---- both ----------------------------------------------------------------------------------------------

    private void command(TranscriptEvent event, Exchange.Kind kind, String verb, String line, int verbLength) {
        String argument = line.substring(Math.min(verbLength, line.length())).strip();
        Exchange exchange = facts.add(kind, this, verb, argument, event.tls());
        awaiting.put(event.sequence(), exchange);
        if (verb == null) {
            return;
        }
        String[] words = argument.split("\\s+");
        switch (verb) {
            case "AUTH" -> {
                authMechanism = words[0].toUpperCase(Locale.ROOT);
                authInitialResponse = words.length > 1;
                authResponses = 0;
                if (authInitialResponse) {
                    saslUser(words[1], 0);
                }
            }
            case "USER" -> identity(argument);
            case "MAIL" -> {
                int at = argument.indexOf('@');
                int colon = argument.indexOf(':');
                if (at > colon + 1) {
                    identity(argument.substring(colon + 1, at).replace("<", "").strip());
                }
            }
            default -> {
                // other verbs name nobody
            }
        }
    }

    private void authResponse(TranscriptEvent event) {
        Exchange exchange = facts.add(Exchange.Kind.AUTH_RESPONSE, this, null, "", event.tls());
        awaiting.put(event.sequence(), exchange);
        if (authMechanism != null) {
            saslUser(event.line().strip(), authResponses + (authInitialResponse ? 1 : 0));
        }
        authResponses++;
    }

    private void answered(long sequence, Exchange.Reply reply, boolean continues, boolean succeeded) {
        Exchange exchange = awaiting.remove(sequence);
        if (exchange == null) {
            return;
        }
        facts.replied(exchange, reply);
        boolean auth = exchange.kind == Exchange.Kind.AUTH_RESPONSE || exchange.isCommand("AUTH");
        if (auth && !continues && authMechanism != null) {
            facts.authEnded(new Facts.AuthAttempt(authMechanism, succeeded, authInitialResponse, authResponses));
            authMechanism = null;
        }
        if ((exchange.isCommand("STARTTLS") || exchange.isCommand("STLS")) && reply.positive()) {
            upgrade = exchange;
        }
    }

    /** The user of a PLAIN (RFC 4616 §2) or LOGIN response, when the transcript kept the base64 unmasked. */
    private void saslUser(String base64, int step) {
        SaslText.decode(base64).ifPresent(bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if ("PLAIN".equals(authMechanism) && step == 0) {
                String[] parts = text.split("\0", -1);
                if (parts.length == 3) {
                    identity(parts[1]);
                }
            } else if ("LOGIN".equals(authMechanism) && step == 0) {
                identity(text);
            }
        });
    }

    private void identity(String name) {
        String user = name.strip().toLowerCase(Locale.ROOT);
        int at = user.indexOf('@');
        user = at > 0 ? user.substring(0, at) : user;
        if (!user.isEmpty()) {
            identities.add(user);
        }
    }
}
