package dev.mailbench.explain;

import dev.mailbench.wire.ConnectFailures;

import dev.mailbench.pop3.RetrievedText;
import dev.mailbench.wire.TranscriptEvent;
import java.util.Optional;

/**
 * The lines of one transcript as a protocol's dialogue reader reads them, kept in a {@link LineLedger}, and the
 * writer that explains them. Not thread-safe: the explainer locks.
 *
 * @param <T> what the protocol's reader says a reply answers
 */
abstract class TranscriptLines<T> {

    protected final LineLedger<T> ledger = new LineLedger<>();

    /** Reads the next event: gives it its reading, its link and its reply group. */
    final LineInfo accept(TranscriptEvent event) {
        int index = ledger.begin(event);
        LineInfo info = read(index, event);
        ledger.commit(index, info);
        return info;
    }

    protected abstract LineInfo read(int index, TranscriptEvent event);

    abstract ExplanationWriter<T> writer();

    /** Where the message lies that a RETR or TOP response carried, when this line belongs to one. */
    Optional<RetrievedText> retrievedText(long sequence) {
        return Optional.empty();
    }

    /**
     * A note: while a reply is unfinished ({@code replyOpen}) it cuts that reply short there (the connection closed,
     * or the server stopped mid-reply), and has the colour of a problem; so has a note that says the connection
     * could not be made ({@link ConnectFailures}): a failure must not read like "Connecting to …".
     */
    protected static LineInfo note(TranscriptEvent event, boolean replyOpen) {
        boolean problem = replyOpen || ConnectFailures.isFailure(event.line());
        return LineInfo.of(problem ? LineClass.MALFORMED : LineClass.NOTE, LineRole.NOTE, false);
    }

    /** A command line; one longer than the protocol allows has the colour of a problem, as it is sent. */
    protected static LineInfo command(TranscriptEvent event, int maxCommandLine) {
        return LineInfo.of(event.length() > maxCommandLine ? LineClass.MALFORMED : LineClass.CLIENT, LineRole.COMMAND,
                false);
    }

    /** The index of the line a reply answers ({@link ReplyGroup#CONNECTION} for the greeting). */
    protected final int commandIndex(long sequence, boolean connection) {
        return connection ? ReplyGroup.CONNECTION : ledger.indexOfSequence(sequence);
    }
}
