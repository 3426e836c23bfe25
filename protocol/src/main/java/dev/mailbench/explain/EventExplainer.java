package dev.mailbench.explain;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.RetrievedText;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.TranscriptListener;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains any line of the transcript of one connection, in the context of the conversation.
 *
 * <p>Events are fed in order, as they are recorded ({@link #accept}). The protocol's dialogue reader
 * ({@link SmtpDialogue}, {@link Pop3Dialogue}) says what each line is: which reply answers which command,
 * where message text starts and ends, which lines of a POP3 response are text, when AUTH exchanges base64 lines.
 * The explainer keeps that, packed, for every line, and turns it into sentences from the {@link Catalogue}: every
 * line of a multi-line SMTP reply explains the whole reply, a line of a RETR response knows which message it
 * belongs to.
 *
 * <p>One explainer per connection; thread-safe, so it can be fed on the thread that records events and
 * asked on another.
 */
public final class EventExplainer implements TranscriptListener {

    private final MailProtocol protocol;
    private final TranscriptLines<?> lines;

    public EventExplainer(MailProtocol protocol, Catalogue catalogue) {
        this.protocol = Objects.requireNonNull(protocol);
        Objects.requireNonNull(catalogue);
        this.lines = protocol == MailProtocol.SMTP ? new SmtpLines(catalogue) : new Pop3Lines(catalogue);
    }

    public MailProtocol protocol() {
        return protocol;
    }

    @Override
    public void onEvent(TranscriptEvent event) {
        accept(event);
    }

    /**
     * Reads the next event of the connection's transcript and says how to draw it.
     *
     * @throws IllegalArgumentException if the event does not follow the previous one without a gap
     */
    public synchronized LineInfo accept(TranscriptEvent event) {
        return lines.accept(event);
    }

    /** How many events have been read. */
    public synchronized int size() {
        return lines.ledger.size();
    }

    /** How to draw the event with this sequence number. */
    public synchronized LineInfo info(long sequence) {
        return lines.ledger.info(lines.ledger.index(sequence));
    }

    /** What the line with this sequence number means, in the context of the conversation so far. */
    public synchronized Explanation explain(long sequence) {
        return lines.writer().explain(lines.ledger.index(sequence));
    }

    /** Whether the line with this sequence number belongs to a RETR or TOP response that carries a message. */
    public boolean carriesMessage(long sequence) {
        return retrievedText(sequence).isPresent();
    }

    /**
     * Where the message lies that a RETR or TOP response carried, when the line with this sequence number belongs
     * to one (the command, its status line, a line of its text, or its final dot); read it with the transcript.
     */
    public Optional<RetrievedText> retrievedText(long sequence) {
        synchronized (this) {
            int index = lines.ledger.index(sequence);
            Optional<RetrievedText> text = lines.retrievedText(sequence);
            if (text.isEmpty() || text.get().command() == sequence
                    || lines.ledger.event(index).direction() == Direction.SERVER) {
                return text;
            }
            return Optional.empty(); // a line sent while the text arrived, or a note
        }
    }
}
