package dev.mailbench.pop3;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a POP3 dialogue as RFC 1939 does, one transcript event at a time, in order: the {@link Pop3State} after
 * each event, which response answers which line, which server lines are the text of a multi-line response and
 * where a retrieved message lies, where AUTH exchanges begin and end, and where TLS starts.
 *
 * <p>A client's transcript and a server's transcript of the same connection are the same dialogue, so one reader
 * reads both. The client session keeps its state with one; the explainer reads lines through one.
 *
 * <ul>
 *   <li>Responses answer lines in the order the lines were sent; the greeting answers the connection
 *       (RFC 1939 §4).</li>
 *   <li>A positive response to LIST or UIDL without an argument, RETR, TOP (RFC 1939 §3, §5, §7) or CAPA
 *       (RFC 2449 §5) is followed by lines of text up to a line holding only a dot; a line starting with a dot had
 *       one added (RFC 1939 §3).</li>
 *   <li>After a "+ " continuation to AUTH, each client line is a response to the challenge, until +OK or -ERR
 *       (RFC 5034 §4).</li>
 *   <li>After +OK to STLS, TLS starts with the next event the TLS flag marks (RFC 2595 §4).</li>
 * </ul>
 *
 * <p>Keeps nothing per line: a 300,000-line RETR costs it one {@link RetrievedText}. Thread-safe.
 */
public final class Pop3Dialogue {
    /**
     * RFC 2449 §4: a command line is at most 255 octets, CRLF included (an AUTH client response is not a command
     * and may be longer). Longer ones are flagged where they are explained; Mailbench still sends them.
     */
    public static final int MAX_COMMAND_LINE = 255;
    /** RFC 1939 §7: the APOP timestamp is a msg-id in angle brackets within the greeting. */
    static final String CUT_OFF = "the connection ended before the terminating \".\" line (RFC 1939 §3)";
    /** The size a RETR response announces, as RFC 1939 §7's example does: {@code +OK 120 octets}. */
    private static final Pattern OCTETS = Pattern.compile("^(\\d{1,18}) octets", Pattern.CASE_INSENSITIVE);
    private static final Pattern APOP_TIMESTAMP = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

    private final Pop3ReplyParser parser = new Pop3ReplyParser();
    private final Deque<Pop3Turn> awaiting = new ArrayDeque<>();
    /** The messages RETR and TOP responses carried, complete or cut short, in order. */
    private final List<RetrievedText> retrieved = new ArrayList<>();
    /** The message being retrieved: its command's and status line's sequence numbers, and its last line's. */
    private long retrievingCommand = -1;
    private long retrievingStatus;
    private long retrievingEnd;
    private Pop3State state;
    private String apopTimestamp;
    private boolean authExchange;
    private boolean tlsDue;
    /** The response whose text is being read, or null. */
    private Pop3Turn inText;
    private Pop3Reply textStatus;
    /** Whether the next line of the text starts a line, rather than continuing a {@link LineIssue#SPLIT} one. */
    private boolean atLineStart = true;
    /** The capabilities a CAPA response lists so far (RFC 2449 §5); null outside a CAPA response. */
    private List<String> capabilities;
    /** The turn whose status line arrives in pieces ({@link LineIssue#SPLIT}), or null. */
    private Pop3Turn statusInPieces;
    /** The octets a RETR's status line announced ({@code +OK 120 octets}), or -1; and those that came. */
    private long announcedOctets = -1;
    private long textOctets;
    /** The first malformed line of the LIST or UIDL text being read, or null. */
    private String listingProblem;
    /** What was wrong with the last response, when it was malformed; null after a well-formed one. */
    private String malformed;

    /** A dialogue on a connection just made in plain text, awaiting the greeting. */
    public Pop3Dialogue() {
        this(false);
    }

    /** A dialogue on a connection just made, awaiting the greeting; with implicit TLS (RFC 8314) when told. */
    public Pop3Dialogue(boolean implicitTls) {
        state = new Pop3State(Pop3Phase.AWAITING_GREETING, implicitTls, false, false, List.of());
        awaiting.add(Pop3Turn.connection());
    }

    /** The state after the events read so far. */
    public synchronized Pop3State state() {
        return state;
    }

    /** The APOP timestamp of the greeting (RFC 1939 §7), if it carried one. */
    public synchronized Optional<String> apopTimestamp() {
        return Optional.ofNullable(apopTimestamp);
    }

    /** The oldest turn still awaiting its response: the one the next status line answers. */
    public synchronized Optional<Pop3Turn> awaited() {
        return inText != null ? Optional.of(inText) : Optional.ofNullable(awaiting.peek());
    }

    /** Whether +OK to STLS was read and TLS has not started yet: the TLS handshake is due now. */
    public synchronized boolean tlsDue() {
        return tlsDue;
    }

    /** Every message a RETR or TOP response carried so far, in order; the last may still be arriving. */
    public synchronized List<RetrievedText> retrieved() {
        List<RetrievedText> all = new ArrayList<>(retrieved);
        retrieving().ifPresent(all::add);
        return List.copyOf(all);
    }

    private Optional<RetrievedText> retrieving() {
        return retrievingCommand < 0 ? Optional.empty()
                : Optional.of(new RetrievedText(retrievingCommand, retrievingStatus, retrievingEnd, false));
    }

    /** The message whose command, status line or text holds the line with this sequence number. */
    public synchronized Optional<RetrievedText> retrievedAt(long sequence) {
        Optional<RetrievedText> current = retrieving().filter(text -> text.covers(sequence));
        if (current.isPresent()) {
            return current;
        }
        int low = 0;
        int high = retrieved.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            RetrievedText text = retrieved.get(middle);
            if (text.end() < sequence) {
                low = middle + 1;
            } else if (text.status() > sequence) {
                high = middle - 1;
            } else {
                return Optional.of(text);
            }
        }
        // The command line comes before its status, perhaps with other pipelined lines between.
        return retrieved.stream().filter(text -> text.command() == sequence).findFirst();
    }

    /** Reads the next event of the dialogue. */
    public synchronized Pop3LineReading accept(TranscriptEvent event) {
        if (event.direction() == Direction.NOTE) {
            return Pop3LineReading.NOTE;
        }
        if (event.tls() && !state.tls()) {
            tlsStarted();
        }
        return event.direction() == Direction.CLIENT ? client(event) : server(event);
    }

    /**
     * TLS is up after +OK to STLS: RFC 2595 §4, the client discards the capabilities it learnt and asks CAPA
     * again. The reader also sees it from the first event the TLS flag marks; telling it is for a session whose
     * state must change before that event.
     */
    public synchronized void tlsStarted() {
        tlsDue = false;
        state = new Pop3State(Pop3Phase.AUTHORIZATION, true, false, state.apopOffered(), List.of());
    }

    /**
     * What was wrong with the last response when it was malformed: a RETR whose text is not the size its status
     * line announced, a LIST or UIDL line that is not {@code n size} / {@code n uid} (RFC 1939 §5, §7), text the
     * connection ended in before its terminating dot (§3). Empty after a well-formed response.
     */
    public synchronized Optional<String> malformedResponse() {
        return Optional.ofNullable(malformed);
    }

    /** The connection has ended, whoever ended it. */
    public synchronized void ended() {
        if (inText != null) {
            malformed = CUT_OFF;
        }
        state = new Pop3State(Pop3Phase.CLOSED, false, false, false, state.capabilities());
        awaiting.clear();
        authExchange = false;
        tlsDue = false;
        if (retrievingCommand >= 0) {
            retrieved.add(new RetrievedText(retrievingCommand, retrievingStatus, retrievingEnd, false));
            retrievingCommand = -1;
        }
        inText = null;
        capabilities = null;
        statusInPieces = null;
    }

    private Pop3LineReading client(TranscriptEvent event) {
        if (endingOf(event) == LineEnding.NONE) {
            return Pop3LineReading.PARTIAL;
        }
        if (authExchange) {
            awaiting.add(new Pop3Turn(Pop3Turn.Kind.AUTH_RESPONSE, event.sequence(), Optional.of(Pop3Verb.AUTH), false));
            return Pop3LineReading.AUTH_RESPONSE;
        }
        String line = event.line();
        awaiting.add(new Pop3Turn(Pop3Turn.Kind.COMMAND, event.sequence(), Pop3Verb.of(line),
                Pop3Verb.expectsMultiLine(line)));
        return Pop3LineReading.COMMAND;
    }

    private Pop3LineReading server(TranscriptEvent event) {
        if (inText != null) {
            return text(event);
        }
        Pop3Turn turn = statusInPieces != null ? statusInPieces : awaiting.poll();
        Line line = new Line(event.bytes(), endingOf(event), event.issues());
        Pop3Reply status = parser.accept(line, false);
        if (status == null) {
            // RFC 2449 §4 allows 512 octets; a longer status line is read in pieces, judged once whole.
            statusInPieces = turn;
            return new Pop3LineReading(Pop3LineRole.STATUS, false, turn, null, false, false);
        }
        statusInPieces = null;
        boolean multiLine = status.isOk() && turn != null && turn.kind() == Pop3Turn.Kind.COMMAND
                && turn.multiLine() && !event.issues().contains(LineIssue.UNTERMINATED);
        if (multiLine) {
            inText = turn;
            textStatus = status;
            atLineStart = true;
            capabilities = turn.is(Pop3Verb.CAPA) ? new ArrayList<>() : null;
            Matcher octets = OCTETS.matcher(status.text());
            announcedOctets = turn.is(Pop3Verb.RETR) && octets.find() ? Long.parseLong(octets.group(1)) : -1;
            textOctets = 0;
            listingProblem = null;
            if (isRetrieval(turn)) {
                retrievingCommand = turn.sequence();
                retrievingStatus = event.sequence();
                retrievingEnd = event.sequence();
            }
            return new Pop3LineReading(Pop3LineRole.STATUS, false, turn, status, true, false);
        }
        malformed = null;
        replied(turn, status, List.of());
        return new Pop3LineReading(Pop3LineRole.STATUS, false, turn, status, false, true);
    }

    private Pop3LineReading text(TranscriptEvent event) {
        Pop3Turn turn = inText;
        boolean startsLine = atLineStart;
        atLineStart = !event.issues().contains(LineIssue.SPLIT);
        LineEnding ending = endingOf(event);
        if (startsLine && ending != LineEnding.NONE && isDotLine(event, ending)) {
            endText(true, event.sequence());
            return new Pop3LineReading(Pop3LineRole.RESPONSE_END, false, turn, null, true, true);
        }
        boolean dot = startsLine && event.length() > 0 && event.byteAt(0) == '.';
        textOctets += event.length() - (dot ? 1 : 0);
        if (startsLine && listingProblem == null && (turn.is(Pop3Verb.LIST) || turn.is(Pop3Verb.UIDL))) {
            listingProblem = listingProblem(event, turn).orElse(null);
        }
        if (capabilities != null && startsLine) {
            String capability = new String(event.bytes(), dot ? 1 : 0, event.length() - ending.length() - (dot ? 1 : 0),
                    StandardCharsets.UTF_8).trim().toUpperCase(Locale.ROOT);
            if (!capability.isEmpty()) {
                capabilities.add(capability);
            }
        }
        boolean last = event.issues().contains(LineIssue.UNTERMINATED); // the connection ended inside the text
        if (last) {
            endText(false, event.sequence());
        } else {
            retrievingEnd = event.sequence();
        }
        return new Pop3LineReading(Pop3LineRole.RESPONSE_TEXT, dot, turn, null, true, last);
    }

    /** What is wrong with a line of the LIST or UIDL text, if anything (RFC 1939 §5, §7). */
    public static Optional<String> listingProblem(TranscriptEvent event, Pop3Turn turn) {
        if (turn == null || !(turn.is(Pop3Verb.LIST) || turn.is(Pop3Verb.UIDL))) {
            return Optional.empty();
        }
        int end = event.length() - endingOf(event).length();
        return ScanListing.problem(new String(event.bytes(), 0, Math.max(end, 0), StandardCharsets.UTF_8),
                turn.is(Pop3Verb.UIDL));
    }

    private static boolean isRetrieval(Pop3Turn turn) {
        return turn.is(Pop3Verb.RETR) || turn.is(Pop3Verb.TOP);
    }

    private void endText(boolean complete, long end) {
        Pop3Turn turn = inText;
        if (retrievingCommand >= 0) {
            retrieved.add(new RetrievedText(retrievingCommand, retrievingStatus, end, complete));
            retrievingCommand = -1;
        }
        List<String> listed = capabilities == null ? List.of() : capabilities;
        inText = null;
        capabilities = null;
        String problem = !complete ? CUT_OFF
                : announcedOctets >= 0 && announcedOctets != textOctets
                        ? "the status line announced " + announcedOctets + " octets but " + textOctets + " came"
                        : listingProblem;
        if (problem == null) {
            replied(turn, textStatus, listed);
        }
        malformed = problem;
        textStatus = null;
    }

    /** A response is complete: where it leaves the session. {@code turn} is null for an unsolicited one. */
    private void replied(Pop3Turn turn, Pop3Reply reply, List<String> listed) {
        if (turn == null) {
            return;
        }
        Pop3State s = state;
        boolean ok = reply.isOk();
        if (turn.isAuth()) {
            authExchange = reply.status() == Pop3Reply.Status.CONTINUATION;
        }
        if (turn.kind() == Pop3Turn.Kind.CONNECTION) {
            Matcher m = APOP_TIMESTAMP.matcher(reply.text());
            apopTimestamp = ok && m.find() ? m.group() : null;
            state = new Pop3State(ok ? Pop3Phase.AUTHORIZATION : Pop3Phase.CLOSED, s.tls(), false,
                    apopTimestamp != null, List.of());
            return;
        }
        // RFC 1939 §7: PASS only right after USER. The answer to any other command, accepted or not, ends
        // USER's acceptance; read at the answers, both sides' transcripts agree even when commands are pipelined.
        if (s.userGiven() && !turn.is(Pop3Verb.USER)) {
            s = s.withoutUser();
            state = s;
        }
        if (turn.kind() == Pop3Turn.Kind.AUTH_RESPONSE) {
            authenticating(s, reply, ok);
            return;
        }
        Optional<Pop3Verb> verb = turn.verb();
        if (verb.isEmpty()) {
            return; // an unknown command changes nothing
        }
        switch (verb.get()) {
            case USER -> {
                if (s.phase() == Pop3Phase.AUTHORIZATION) {
                    state = new Pop3State(Pop3Phase.AUTHORIZATION, s.tls(), ok, s.apopOffered(), s.capabilities());
                }
            }
            case PASS, APOP -> {
                if (ok && s.phase() == Pop3Phase.AUTHORIZATION) {
                    state = s.with(Pop3Phase.TRANSACTION);
                } else if (s.phase() == Pop3Phase.AUTHORIZATION) {
                    state = s.with(Pop3Phase.AUTHORIZATION).withoutUser();
                }
            }
            case AUTH -> authenticating(s, reply, ok);
            case CAPA -> {
                if (ok) {
                    state = new Pop3State(s.phase(), s.tls(), s.userGiven(), s.apopOffered(), listed);
                }
            }
            case QUIT -> {
                if (ok) {
                    state = s.with(s.phase() == Pop3Phase.TRANSACTION ? Pop3Phase.UPDATE : Pop3Phase.CLOSED);
                }
            }
            case STLS -> tlsDue = ok; // RFC 2595 §4: the handshake follows at once
            default -> {
                // the other verbs do not change the state
            }
        }
    }

    /** RFC 5034 §4: "+ " asks for a response, +OK means authenticated, -ERR ends the exchange. */
    private void authenticating(Pop3State s, Pop3Reply reply, boolean ok) {
        if (reply.status() == Pop3Reply.Status.CONTINUATION) {
            state = s.with(Pop3Phase.AUTH_EXCHANGE);
        } else if (ok && (s.phase() == Pop3Phase.AUTHORIZATION || s.phase() == Pop3Phase.AUTH_EXCHANGE)) {
            state = s.with(Pop3Phase.TRANSACTION);
        } else if (s.phase() == Pop3Phase.AUTH_EXCHANGE) {
            state = s.with(Pop3Phase.AUTHORIZATION);
        }
    }

    /** The line's ending, read in place: a 300,000-line RETR passes here once a line. */
    private static LineEnding endingOf(TranscriptEvent event) {
        int length = event.length();
        if (length == 0 || event.byteAt(length - 1) != '\n') {
            return LineEnding.NONE;
        }
        return length >= 2 && event.byteAt(length - 2) == '\r' ? LineEnding.CRLF : LineEnding.LF;
    }

    /** Whether the line is "." and its ending: the end of a multi-line response (RFC 1939 §3). */
    private static boolean isDotLine(TranscriptEvent event, LineEnding ending) {
        return event.length() == 1 + ending.length() && event.byteAt(0) == '.';
    }
}
