package dev.mailbench.explain;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3LineReading;
import dev.mailbench.pop3.Pop3LineRole;
import dev.mailbench.pop3.Pop3Turn;
import dev.mailbench.pop3.RetrievedText;
import dev.mailbench.wire.TranscriptEvent;
import java.util.Locale;
import java.util.Optional;

/** The lines of a POP3 transcript as a {@link Pop3Dialogue} reads them, with their colours and response groups. */
final class Pop3Lines extends TranscriptLines<Pop3Turn> {

    private final Pop3Dialogue dialogue = new Pop3Dialogue();
    private final Pop3Explanations writer;
    private int current = LineLedger.NO_GROUP;

    Pop3Lines(Catalogue catalogue) {
        writer = new Pop3Explanations(catalogue, ledger);
    }

    @Override
    ExplanationWriter<Pop3Turn> writer() {
        return writer;
    }

    @Override
    Optional<RetrievedText> retrievedText(long sequence) {
        return dialogue.retrievedAt(sequence);
    }

    @Override
    protected LineInfo read(int index, TranscriptEvent event) {
        Pop3LineReading reading = dialogue.accept(event);
        return switch (reading.role()) {
            // inside a multi-line response: its text is cut short there, before the terminating dot
            case NOTE -> note(event, current != LineLedger.NO_GROUP);
            case PARTIAL -> LineInfo.of(LineClass.CLIENT, LineRole.PARTIAL, false);
            case COMMAND -> command(event, Pop3Dialogue.MAX_COMMAND_LINE);
            case AUTH_RESPONSE -> LineInfo.of(LineClass.CLIENT, LineRole.AUTH_RESPONSE, false);
            case STATUS -> status(index, event, reading);
            case RESPONSE_TEXT, RESPONSE_END -> text(index, event, reading);
        };
    }

    private LineInfo status(int index, TranscriptEvent event, Pop3LineReading reading) {
        if (current == LineLedger.NO_GROUP) {
            Pop3Turn turn = reading.answers();
            int command = turn == null ? ReplyGroup.NO_COMMAND
                    : commandIndex(turn.sequence(), turn.kind() == Pop3Turn.Kind.CONNECTION);
            current = ledger.newGroup(index, command, turn);
        }
        ReplyGroup<Pop3Turn> group = ledger.group(current);
        group.end = index;
        ledger.link(index, current);
        if (reading.multiLine()) {
            group.multiLine = true;
        } else if (reading.completesResponse()) {
            group.complete = true;
            current = LineLedger.NO_GROUP;
        }
        return LineInfo.of(lineClass(event.line()), LineRole.REPLY, false);
    }

    private LineInfo text(int index, TranscriptEvent event, Pop3LineReading reading) {
        ReplyGroup<Pop3Turn> group = ledger.group(current);
        group.end = index;
        ledger.link(index, current);
        boolean malformed = reading.role() == Pop3LineRole.RESPONSE_TEXT
                && Pop3Dialogue.listingProblem(event, group.turn).isPresent();
        if (reading.completesResponse()) {
            // the terminating dot, or the connection ended inside the text
            group.complete = reading.role() == Pop3LineRole.RESPONSE_END;
            group.problem = dialogue.malformedResponse().orElse(null);
            malformed |= group.problem != null;
            current = LineLedger.NO_GROUP;
        }
        LineClass lineClass = malformed ? LineClass.MALFORMED : LineClass.SUCCESS;
        return reading.role() == Pop3LineRole.RESPONSE_END
                ? LineInfo.of(lineClass, LineRole.RESPONSE_END, false)
                : LineInfo.of(lineClass, LineRole.RESPONSE_BODY, reading.leadingDot());
    }

    /** The colour of a status line comes from its own indicator (RFC 1939 §3; RFC 5034 §4 for "+ "). */
    private static LineClass lineClass(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("+OK")) {
            return LineClass.SUCCESS;
        } else if (upper.startsWith("-ERR")) {
            return LineClass.PERMANENT;
        } else if (upper.equals("+") || upper.startsWith("+ ")) {
            return LineClass.INTERMEDIATE;
        }
        return LineClass.MALFORMED;
    }
}
