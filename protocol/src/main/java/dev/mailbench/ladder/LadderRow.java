package dev.mailbench.ladder;

import dev.mailbench.explain.LineClass;
import java.time.Duration;
import java.util.Optional;

/**
 * One row of a ladder: an arrow (a command, the message text, a reply), a note in the margin, or the TLS band.
 *
 * <p>A row still growing (a multi-line reply whose last line has not come, message text before its dot) changes
 * as the ladder reads on: its last line, its label, its class. Read it on the thread that feeds the ladder.
 */
public final class LadderRow {

    /** {@link #answers()} of a reply no command was waiting for, and {@link #group()} of a command sent alone. */
    public static final int NONE = -1;
    /** {@link #answers()} of the greeting, which answers the connection (RFC 5321 §3.1, RFC 1939 §4). */
    public static final int CONNECTION = -2;

    private final RowKind kind;
    private final long firstSequence;
    private long lastSequence;
    private int lines;
    private String label;
    private final String detail;
    private LineClass lineClass;
    private final boolean tls;
    private final int answers;
    private int answeredBy = NONE;
    private int group = NONE;
    private Duration latency;
    private boolean complete;

    LadderRow(RowKind kind, long sequence, String label, String detail, LineClass lineClass, boolean tls, int answers) {
        this.kind = kind;
        this.firstSequence = sequence;
        this.lastSequence = sequence;
        this.lines = sequence < 0 ? 0 : 1;
        this.label = label;
        this.detail = detail;
        this.lineClass = lineClass;
        this.tls = tls;
        this.answers = answers;
        this.complete = kind != RowKind.REPLY && kind != RowKind.MESSAGE;
    }

    public RowKind kind() {
        return kind;
    }

    /** Whether the row is an arrow between the lanes (a command, the message text or a reply). */
    public boolean isArrow() {
        return kind == RowKind.COMMAND || kind == RowKind.MESSAGE || kind == RowKind.REPLY;
    }

    /** Whether the arrow goes from the client to the server. */
    public boolean fromClient() {
        return kind == RowKind.COMMAND || kind == RowKind.MESSAGE;
    }

    /** The transcript sequence number of the row's first line; -1 for the TLS band, which is no line. */
    public long firstSequence() {
        return firstSequence;
    }

    /** The sequence number of its last line (the same as the first for a one-line row). */
    public long lastSequence() {
        return lastSequence;
    }

    /** How many transcript lines the row stands for: the lines a multi-line reply expands to. */
    public int lineCount() {
        return lines;
    }

    /** The verb ({@code MAIL}), the reply's code and enhanced code ({@code 250 2.1.0}), or a note's text. */
    public String label() {
        return label;
    }

    /** The rest: the command line as sent (a password masked), the reply's first line of text; may be empty. */
    public String detail() {
        if (kind == RowKind.MESSAGE) {
            return lines + (lines == 1 ? " line" : " lines"); // counted as it grows, written when asked
        }
        return detail;
    }

    /**
     * What an arrow says, in the window, the SVG and the PNG alike: a command's line as sent (it starts with its
     * verb, so the verb is not written again), else the label and the detail.
     */
    public String arrowText() {
        String rest = detail();
        if (rest.isEmpty()) {
            return label;
        }
        return kind == RowKind.COMMAND ? rest : label + "  " + rest;
    }

    /**
     * What an arrow says on paper (the SVG and the PNG), where a reply cannot be opened: its stroke's mark for black
     * and white, its {@link #arrowText()}, and how many lines a reply of several had.
     */
    public String printedText() {
        StringBuilder text = new StringBuilder();
        if (!stroke().mark().isEmpty()) {
            text.append(stroke().mark()).append(' ');
        }
        text.append(arrowText());
        if (lineCount() > 1 && kind == RowKind.REPLY) {
            text.append("  (").append(lineCount()).append(" lines)");
        }
        return text.toString();
    }

    /** The row's class, as the transcript colours its lines: the client, or the outcome of a reply. */
    public LineClass lineClass() {
        return lineClass;
    }

    /** How the arrow reads in black and white. */
    public ArrowStroke stroke() {
        return ArrowStroke.of(lineClass);
    }

    /** Whether its bytes travelled inside TLS. */
    public boolean tls() {
        return tls;
    }

    /** For a reply: the row of the command it answers, {@link #CONNECTION} for the greeting, else {@link #NONE}. */
    public int answers() {
        return answers;
    }

    /** For a command: the row of the reply that answered it, or {@link #NONE} while none has. */
    public int answeredBy() {
        return answeredBy;
    }

    /**
     * The pipelined group the row belongs to (RFC 2920): the row of the group's first command, for the commands sent
     * before the replies to earlier ones came and for those replies; {@link #NONE} for a command sent alone.
     */
    public int group() {
        return group;
    }

    /** For a reply: the time from its command (the connection, for the greeting) to its first line. */
    public Optional<Duration> latency() {
        return Optional.ofNullable(latency);
    }

    /** Whether the row has all its lines: a reply its last line, message text its final dot. */
    public boolean isComplete() {
        return complete;
    }

    /** Whether the line with this sequence number is one of the row's. */
    public boolean covers(long sequence) {
        return sequence >= firstSequence && sequence <= lastSequence && firstSequence >= 0;
    }

    void extend(long sequence) {
        lastSequence = sequence;
        lines++;
    }

    void relabel(String newLabel, LineClass newClass) {
        label = newLabel;
        lineClass = newClass;
    }

    void complete() {
        complete = true;
    }

    void answeredBy(int row) {
        answeredBy = row;
    }

    void group(int first) {
        group = first;
    }

    void latency(Duration value) {
        latency = value;
    }

    @Override
    public String toString() {
        return kind + " " + label + (detail.isEmpty() ? "" : " " + detail);
    }
}
