package dev.mailbench.smtp;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.TranscriptEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads an SMTP dialogue as RFC 5321 does, one transcript event at a time, in order: the {@link SmtpState} after
 * each event, which reply answers which line, where message text and AUTH exchanges begin and end, and where
 * TLS starts.
 *
 * <p>A client's transcript and a server's transcript of the same connection are the same dialogue (directions
 * name the protocol's sides, not the recorder), so one reader reads both. The client session keeps its state
 * with one; the explainer reads lines through one.
 *
 * <ul>
 *   <li>Replies answer lines in the order the lines were sent, pipelined or not (RFC 2920 §3); the greeting
 *       answers the connection (RFC 5321 §3.1).</li>
 *   <li>After 354 to DATA, every line is message text until a line holding only a dot ended by CRLF
 *       (RFC 5321 §4.1.1.4); a dot ended by a bare LF does not end it.</li>
 *   <li>After 334 to AUTH, each client line is a response to the challenge, until a reply other than 334
 *       (RFC 4954 §4).</li>
 *   <li>After 220 to STARTTLS, TLS starts with the next event the TLS flag marks (RFC 3207 §4); the session then
 *       starts afresh (§4.2).</li>
 *   <li>A malformed reply ({@link SmtpReply#isMalformed()}: no code and space or hyphen, lines of different codes,
 *       a bare LF or CR, a line over 512 octets, RFC 5321 §4.2 and §4.5.3.1.5) moves nothing: its code cannot be
 *       trusted, so {@code 250OK} to MAIL does not start a transaction, nor {@code 354OK} message text. Only the
 *       greeting still counts as one, so that the client can go on (with EHLO, or QUIT) and see what else
 *       is wrong. A reply the connection ended in the middle of is malformed too.</li>
 * </ul>
 *
 * <p>Thread-safe: a session feeds it on the threads that send and read, and asks it on others.
 */
public final class SmtpDialogue {

    /**
     * RFC 5321 §4.5.3.1.4: a command line, command word to CRLF, is at most 512 octets (text lines after DATA may
     * be 1000, §4.5.3.1.6). Longer ones are flagged where they are explained; Mailbench still sends them.
     */
    public static final int MAX_COMMAND_LINE = 512;

    private final SmtpReplyParser parser = new SmtpReplyParser();
    /** Lines awaiting their replies, oldest first; the connection awaits the greeting. */
    private final Deque<SmtpTurn> awaiting = new ArrayDeque<>();
    private SmtpState state;
    private boolean messageText;
    private boolean authExchange;
    private boolean tlsDue;
    private boolean inReply;
    /** What was wrong with the last reply, when it was malformed; null after a well-formed one. */
    private ReplyIssue malformed;

    /** A dialogue on a connection just made in plain text, awaiting the greeting. */
    public SmtpDialogue() {
        this(false);
    }

    /** A dialogue on a connection just made, awaiting the greeting; with implicit TLS (RFC 8314) when told. */
    public SmtpDialogue(boolean implicitTls) {
        state = new SmtpState(SmtpPhase.AWAITING_GREETING, implicitTls, false, EhloCapabilities.none(), 0);
        awaiting.add(SmtpTurn.connection());
    }

    /** The state after the events read so far. */
    public synchronized SmtpState state() {
        return state;
    }

    /** The oldest turn still awaiting its reply: the one the next reply line answers. */
    public synchronized Optional<SmtpTurn> awaited() {
        return Optional.ofNullable(awaiting.peek());
    }

    /** What was wrong with the last reply, when it was malformed (or the connection ended in its middle). */
    public synchronized Optional<ReplyIssue> malformedReply() {
        return Optional.ofNullable(malformed);
    }

    /** Whether a 220 to STARTTLS was read and TLS has not started yet: the TLS handshake is due now. */
    public synchronized boolean tlsDue() {
        return tlsDue;
    }

    /** Reads the next event of the dialogue. */
    public synchronized SmtpLineReading accept(TranscriptEvent event) {
        if (event.direction() == Direction.NOTE) {
            return SmtpLineReading.NOTE;
        }
        if (event.tls() && !state.tls()) {
            tlsStarted();
        }
        return event.direction() == Direction.CLIENT ? client(event) : server(event);
    }

    /**
     * TLS is up after a 220 to STARTTLS: RFC 3207 §4.2, all knowledge obtained before TLS is discarded and EHLO
     * comes again. The reader also sees it from the first event the TLS flag marks; telling it is for a session
     * whose state must change before that event.
     */
    public synchronized void tlsStarted() {
        tlsDue = false;
        state = new SmtpState(SmtpPhase.GREETED, true, false, EhloCapabilities.none(), 0);
    }

    /** The connection has ended, whoever ended it. */
    public synchronized void ended() {
        if (inReply) {
            malformed = ReplyIssue.TRUNCATED;
            inReply = false;
        }
        state = new SmtpState(SmtpPhase.CLOSED, false, false, state.capabilities(), 0);
        awaiting.clear();
        messageText = false;
        authExchange = false;
        tlsDue = false;
    }

    private SmtpLineReading client(TranscriptEvent event) {
        LineEnding ending = endingOf(event);
        if (ending == LineEnding.NONE) {
            return SmtpLineReading.PARTIAL;
        }
        if (messageText) {
            // RFC 5321 §4.1.1.4: only CRLF.CRLF ends the message; a dot ended by a bare LF does not.
            if (ending == LineEnding.CRLF && event.length() == 3 && event.byteAt(0) == '.') {
                messageText = false;
                awaiting.add(new SmtpTurn(SmtpTurn.Kind.END_OF_DATA, event.sequence(), Optional.empty()));
                return new SmtpLineReading(SmtpLineRole.END_OF_DATA, false, null, false, null);
            }
            return event.byteAt(0) == '.' ? SmtpLineReading.DOTTED_TEXT : SmtpLineReading.TEXT;
        }
        if (authExchange) {
            awaiting.add(new SmtpTurn(SmtpTurn.Kind.AUTH_RESPONSE, event.sequence(), Optional.of(SmtpVerb.AUTH)));
            return new SmtpLineReading(SmtpLineRole.AUTH_RESPONSE, false, null, false, null);
        }
        awaiting.add(new SmtpTurn(SmtpTurn.Kind.COMMAND, event.sequence(), SmtpVerb.of(event.line())));
        return new SmtpLineReading(SmtpLineRole.COMMAND, false, null, false, null);
    }

    private SmtpLineReading server(TranscriptEvent event) {
        boolean start = !inReply;
        SmtpTurn turn = awaiting.peek();
        SmtpReply reply = parser.accept(new Line(event.bytes(), endingOf(event), event.issues()));
        inReply = reply == null;
        if (reply != null) {
            awaiting.poll();
            replied(turn, reply);
        }
        return new SmtpLineReading(SmtpLineRole.REPLY, false, turn, start, reply);
    }

    /** A reply is complete: where it leaves the session. {@code turn} is null for an unsolicited reply. */
    private void replied(SmtpTurn turn, SmtpReply reply) {
        SmtpState s = state;
        malformed = reply.malformation().orElse(null);
        if (malformed != null) {
            if (turn != null && turn.kind() == SmtpTurn.Kind.CONNECTION) {
                state = s.withPhase(SmtpPhase.GREETED);
            } else if (turn != null && turn.isAuth() && s.phase() == SmtpPhase.AUTH_EXCHANGE) {
                authExchange = false;
                state = s.withPhase(SmtpPhase.READY);
            }
            return;
        }
        if (turn != null && turn.isAuth()) {
            authExchange = reply.code() == 334;
        }
        if (reply.code() == 421) {
            // RFC 5321 §3.8: 421 means the server is closing the connection, whatever was asked.
            state = s.withPhase(SmtpPhase.CLOSING);
            return;
        }
        if (turn == null) {
            // Unsolicited, e.g. the answer to bytes sent raw: the only safe inference is that DATA ended.
            if (s.phase() == SmtpPhase.DATA_INPUT) {
                state = s.withPhase(SmtpPhase.READY);
            }
            return;
        }
        boolean ok = reply.isPositive();
        switch (turn.kind()) {
            // RFC 5321 §3.1: after a 554 greeting the client should still be able to QUIT, so it is "greeted" too.
            case CONNECTION -> state = s.withPhase(SmtpPhase.GREETED);
            // RFC 5321 §4.1.1.4: whatever the verdict, the transaction is over after the end of data.
            case END_OF_DATA -> state = s.withPhase(SmtpPhase.READY);
            case AUTH_RESPONSE -> authenticating(s, reply);
            case COMMAND -> turn.verb().ifPresent(verb -> command(s, verb, reply, ok));
        }
    }

    private void command(SmtpState s, SmtpVerb verb, SmtpReply reply, boolean ok) {
        switch (verb) {
            case EHLO -> {
                if (ok) {
                    // RFC 5321 §4.1.4: EHLO also resets any transaction, like RSET.
                    state = new SmtpState(SmtpPhase.READY, s.tls(), s.authenticated(), EhloCapabilities.parse(reply), 0);
                }
            }
            case HELO -> {
                if (ok) {
                    state = new SmtpState(SmtpPhase.READY, s.tls(), s.authenticated(), EhloCapabilities.none(), 0);
                }
            }
            case MAIL -> {
                if (ok) {
                    state = s.withPhase(SmtpPhase.MAIL_GIVEN);
                }
            }
            case RCPT -> {
                if (ok && (s.phase() == SmtpPhase.MAIL_GIVEN || s.phase() == SmtpPhase.RECIPIENTS_GIVEN)) {
                    state = new SmtpState(SmtpPhase.RECIPIENTS_GIVEN, s.tls(), s.authenticated(), s.capabilities(),
                            s.recipients() + 1);
                }
            }
            case DATA -> {
                if (reply.code() == 354) {
                    messageText = true;
                    state = s.withPhase(SmtpPhase.DATA_INPUT);
                }
            }
            case RSET -> {
                if (ok && s.phase() != SmtpPhase.GREETED) {
                    state = s.withPhase(SmtpPhase.READY);
                }
            }
            case AUTH -> authenticating(s, reply);
            case QUIT -> {
                if (reply.code() == 221) {
                    state = s.withPhase(SmtpPhase.CLOSING);
                }
            }
            case STARTTLS -> tlsDue = reply.code() == 220; // RFC 3207 §4: the handshake follows at once
            default -> {
                // the other verbs do not move the session
            }
        }
    }

    /** RFC 4954 §4: 334 asks for a response, 235 means authenticated, anything else ends the exchange. */
    private void authenticating(SmtpState s, SmtpReply reply) {
        if (reply.code() == 334) {
            state = s.withPhase(SmtpPhase.AUTH_EXCHANGE);
        } else if (reply.code() == 235) {
            state = new SmtpState(SmtpPhase.READY, s.tls(), true, s.capabilities(), 0);
        } else if (s.phase() == SmtpPhase.AUTH_EXCHANGE) {
            state = s.withPhase(SmtpPhase.READY);
        }
    }

    /** The line's ending, read in place: a 300,000-line message passes here once a line. */
    private static LineEnding endingOf(TranscriptEvent event) {
        int length = event.length();
        if (length == 0 || event.byteAt(length - 1) != '\n') {
            return LineEnding.NONE;
        }
        return length >= 2 && event.byteAt(length - 2) == '\r' ? LineEnding.CRLF : LineEnding.LF;
    }
}
