package dev.mailbench.ladder;

import dev.mailbench.explain.EventText;
import dev.mailbench.explain.LineClass;
import dev.mailbench.smtp.EnhancedStatus;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A connection's transcript as a ladder (a sequence diagram): a client lane and a server lane, one arrow per command
 * and one per reply, read as the protocol's dialogue reader reads the transcript.
 *
 * <ul>
 *   <li>A multi-line reply (an SMTP {@code 250-} reply, RFC 5321 §4.2; a POP3 response with its text, RFC 1939
 *       §3) is one arrow; its lines are the row's lines. The message text after 354 is one arrow too, up to its
 *       final dot (RFC 5321 §4.1.1.4).</li>
 *   <li>Each reply names the row it answers, as the reader pairs them, pipelining included (RFC 2920 §3); commands
 *       sent before the replies to earlier ones came form a group with those, and so do their replies.</li>
 *   <li>A band where TLS begins: after the 220 to STARTTLS (RFC 3207 §4) or +OK to STLS (RFC 2595 §4), or before the
 *       first line of an implicit TLS connection (RFC 8314 §3).</li>
 *   <li>Notes (connected, the certificate, closed) are rows of their own, drawn in the margin.</li>
 * </ul>
 *
 * <p>Incremental: each event read adds a row or extends the last ones, so a live session's ladder grows as its
 * transcript does, and the cost of an event does not depend on how many came before. Not thread-safe: feed and read
 * it on one thread (the window's), or lock.
 */
public final class Ladder {

    private final MailProtocol protocol;
    private final DialogueReader reader;
    private final List<LadderRow> rows = new ArrayList<>();
    /** The row of each event read, by its index from the first event. */
    private int[] rowOfEvent = new int[256];
    private int events;
    private long firstSequence = -1;
    private Transcript source;
    /** Command rows still waiting for their reply, oldest first. */
    private final Deque<Integer> waiting = new ArrayDeque<>();
    private int openReply = LadderRow.NONE;
    private int openMessage = LadderRow.NONE;
    private boolean tlsBand;

    /** The ladder of a connection made in plain text (or with STARTTLS, STLS later). */
    public Ladder(MailProtocol protocol) {
        this(protocol, false);
    }

    /** The ladder of a connection made with implicit TLS when told (RFC 8314). */
    public Ladder(MailProtocol protocol, boolean implicitTls) {
        this.protocol = protocol;
        this.reader = DialogueReader.of(protocol, implicitTls);
    }

    /** A ladder of every event a transcript holds now. */
    public static Ladder of(MailProtocol protocol, Transcript transcript) {
        Ladder ladder = new Ladder(protocol);
        for (int i = 0, n = transcript.size(); i < n; i++) {
            ladder.accept(transcript.event(i));
        }
        return ladder;
    }

    public MailProtocol protocol() {
        return protocol;
    }

    /** How many rows the ladder has. */
    public int size() {
        return rows.size();
    }

    public LadderRow row(int index) {
        return rows.get(index);
    }

    /** The rows, read-only; they grow as events are read. */
    public List<LadderRow> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** How many events have been read. */
    public int eventCount() {
        return events;
    }

    /** The sequence number of the first event read; -1 before one has. */
    public long firstSequence() {
        return firstSequence;
    }

    /** The row that shows the event with this sequence number; -1 for one not read. */
    public int rowOf(long sequence) {
        long index = sequence - firstSequence;
        return firstSequence < 0 || index < 0 || index >= events ? -1 : rowOfEvent[(int) index];
    }

    /**
     * Reads the next event of the connection: adds a row, or extends the reply or message text it belongs to.
     *
     * @throws IllegalArgumentException if it is of another transcript, or does not follow the last one read
     */
    public void accept(TranscriptEvent event) {
        if (firstSequence < 0) {
            firstSequence = event.sequence();
            source = event.transcript();
        } else if (event.transcript() != source || event.sequence() != firstSequence + events) {
            throw new IllegalArgumentException("a ladder reads one transcript in order: expected event "
                    + (firstSequence + events) + ", got " + event);
        }
        if (event.tls() && !tlsBand) {
            band("TLS");
        }
        Reading reading = reader.read(event);
        int row = switch (reading.part()) {
            case NOTE -> add(new LadderRow(RowKind.NOTE, event.sequence(), event.line(), "", LineClass.NOTE,
                    event.tls(), LadderRow.NONE));
            case PARTIAL -> add(new LadderRow(RowKind.COMMAND, event.sequence(), reading.verb(),
                    "(no line end yet) " + shown(event), LineClass.CLIENT, event.tls(), LadderRow.NONE));
            case COMMAND, AUTH_RESPONSE -> command(event, reading);
            case MESSAGE_TEXT, END_OF_MESSAGE -> message(event, reading.part() == Reading.Part.END_OF_MESSAGE);
            case REPLY_START, REPLY_MORE -> reply(event, reading);
        };
        if (events == rowOfEvent.length) {
            rowOfEvent = Arrays.copyOf(rowOfEvent, events * 2);
        }
        rowOfEvent[events++] = row;
        if (reading.tlsDue()) {
            band("TLS starts");
        }
    }

    private int add(LadderRow row) {
        rows.add(row);
        return rows.size() - 1;
    }

    private void band(String label) {
        tlsBand = true;
        add(new LadderRow(RowKind.TLS, -1, label, "", LineClass.NOTE, true, LadderRow.NONE));
    }

    private int command(TranscriptEvent event, Reading reading) {
        String label = reading.part() == Reading.Part.AUTH_RESPONSE ? reading.verb() + " response" : reading.verb();
        int row = add(new LadderRow(RowKind.COMMAND, event.sequence(), label, shown(event), LineClass.CLIENT,
                event.tls(), LadderRow.NONE));
        joinWaiting(row);
        return row;
    }

    /** RFC 2920 §3: a command sent while earlier ones still await their replies is pipelined with them. */
    private void joinWaiting(int row) {
        if (!waiting.isEmpty()) {
            int first = waiting.peekFirst();
            int group = rows.get(first).group() == LadderRow.NONE ? first : rows.get(first).group();
            for (int earlier : waiting) {
                rows.get(earlier).group(group);
            }
            rows.get(row).group(group);
        }
        waiting.add(row);
    }

    private int message(TranscriptEvent event, boolean end) {
        int row = openMessage;
        if (row == LadderRow.NONE) {
            row = add(new LadderRow(RowKind.MESSAGE, event.sequence(), "message text", "", LineClass.CLIENT,
                    event.tls(), LadderRow.NONE));
            openMessage = row;
        } else {
            rows.get(row).extend(event.sequence());
        }
        LadderRow message = rows.get(row);
        if (end) {
            message.complete();
            openMessage = LadderRow.NONE;
            joinWaiting(row);
        }
        return row;
    }

    private int reply(TranscriptEvent event, Reading reading) {
        int row = openReply;
        if (reading.part() == Reading.Part.REPLY_START || row == LadderRow.NONE) {
            int answers = reading.answers() == Reading.CONNECTION ? LadderRow.CONNECTION
                    : reading.answers() == Reading.UNSOLICITED ? LadderRow.NONE : rowOf(reading.answers());
            String line = event.line();
            LadderRow reply = new LadderRow(RowKind.REPLY, event.sequence(), firstWord(line), afterFirstWord(line),
                    LineClass.MALFORMED, event.tls(), answers);
            reply.latency(latency(event, reading.answers()));
            row = add(reply);
            openReply = row;
            if (answers >= 0) {
                LadderRow command = rows.get(answers);
                command.answeredBy(row);
                reply.group(command.group());
                waiting.remove(answers);
            }
        } else {
            rows.get(row).extend(event.sequence());
        }
        if (reading.completes()) {
            LadderRow reply = rows.get(row);
            reply.relabel(reading.code(), reading.lineClass());
            reply.complete();
            openReply = LadderRow.NONE;
        }
        return row;
    }

    /** From the command's line (or the connection, for the greeting) to the reply's first line. */
    private Duration latency(TranscriptEvent reply, long answered) {
        if (answered >= 0 && answered >= firstSequence) {
            TranscriptEvent command = source.event(answered);
            return Duration.ofNanos(Math.max(0, reply.nanoTime() - command.nanoTime()));
        }
        return answered == Reading.CONNECTION ? reply.sinceCommand() : null;
    }

    /** The line as a person reads it, a password masked (the ladder goes on handouts and projectors). */
    private static String shown(TranscriptEvent event) {
        return EventText.display(event, false, false);
    }

    /** A reply line's code ({@code 250} of {@code 250-mx.example.test}), else its first word ({@code +OK}). */
    private static String firstWord(String line) {
        if (hasCode(line)) {
            return line.substring(0, 3);
        }
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String afterFirstWord(String line) {
        if (hasCode(line)) {
            String text = line.length() > 4 ? line.substring(4).strip() : "";
            // the enhanced code is the label's, beside the code (RFC 3463 §2): "250 2.1.0" then "Ok", not twice
            int space = text.indexOf(' ');
            return EnhancedStatus.atStartOf(text).isPresent() ? (space < 0 ? "" : text.substring(space + 1).strip()) : text;
        }
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? "" : trimmed.substring(space + 1);
    }

    private static boolean hasCode(String line) {
        return line.length() >= 3 && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2)) && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    }
}
