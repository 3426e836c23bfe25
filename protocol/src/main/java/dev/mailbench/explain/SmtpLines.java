package dev.mailbench.explain;

import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineReading;
import dev.mailbench.smtp.SmtpTurn;
import dev.mailbench.wire.TranscriptEvent;

/** The lines of an SMTP transcript as an {@link SmtpDialogue} reads them, with their colours and reply groups. */
final class SmtpLines extends TranscriptLines<SmtpTurn> {

    private final SmtpDialogue dialogue = new SmtpDialogue();
    private final SmtpExplanations writer;
    private int current = LineLedger.NO_GROUP;

    SmtpLines(Catalogue catalogue) {
        writer = new SmtpExplanations(catalogue, ledger);
    }

    @Override
    ExplanationWriter<SmtpTurn> writer() {
        return writer;
    }

    @Override
    protected LineInfo read(int index, TranscriptEvent event) {
        SmtpLineReading reading = dialogue.accept(event);
        return switch (reading.role()) {
            case NOTE -> LineInfo.of(LineClass.NOTE, LineRole.NOTE, false);
            case PARTIAL -> LineInfo.of(LineClass.CLIENT, LineRole.PARTIAL, false);
            case COMMAND -> LineInfo.of(LineClass.CLIENT, LineRole.COMMAND, false);
            case MESSAGE_TEXT -> LineInfo.of(LineClass.CLIENT, LineRole.MESSAGE_TEXT, reading.leadingDot());
            case END_OF_DATA -> LineInfo.of(LineClass.CLIENT, LineRole.END_OF_DATA, false);
            case AUTH_RESPONSE -> LineInfo.of(LineClass.CLIENT, LineRole.AUTH_RESPONSE, false);
            case REPLY -> reply(index, event, reading);
        };
    }

    private LineInfo reply(int index, TranscriptEvent event, SmtpLineReading reading) {
        if (reading.replyStart() || current == LineLedger.NO_GROUP) {
            SmtpTurn turn = reading.answers();
            int command = turn == null ? ReplyGroup.NO_COMMAND
                    : commandIndex(turn.sequence(), turn.kind() == SmtpTurn.Kind.CONNECTION);
            current = ledger.newGroup(index, command, turn);
        }
        ReplyGroup<SmtpTurn> group = ledger.group(current);
        group.end = index;
        ledger.link(index, current);
        if (reading.completesReply()) {
            group.complete = true;
            group.multiLine = group.start != index;
            current = LineLedger.NO_GROUP;
        }
        return LineInfo.of(lineClass(SmtpExplanations.leadingCode(event.line())), LineRole.REPLY, false);
    }

    /** The colour of a reply line comes from its own code, so it is right before the reply is complete. */
    private static LineClass lineClass(int code) {
        return switch (code / 100) {
            case 2 -> LineClass.SUCCESS;
            case 3 -> LineClass.INTERMEDIATE;
            case 4 -> LineClass.TRANSIENT;
            case 5 -> LineClass.PERMANENT;
            default -> LineClass.MALFORMED;
        };
    }
}
