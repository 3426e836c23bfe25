package dev.mailbench.explain;

import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineReading;
import dev.mailbench.smtp.SmtpReplyParser;
import dev.mailbench.smtp.SmtpTurn;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.TranscriptEvent;
import java.util.EnumSet;
import java.util.Set;

/** The lines of an SMTP transcript as an {@link SmtpDialogue} reads them, with their colours and reply groups. */
final class SmtpLines extends TranscriptLines<SmtpTurn> {

    private final SmtpDialogue dialogue = new SmtpDialogue();
    private final SmtpExplanations writer;
    private int current = LineLedger.NO_GROUP;
    /** The code the first line of the reply being read carries. */
    private int currentCode;

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
            // inside an unfinished reply: its last line, with a space after the code, has not come
            case NOTE -> note(event, current != LineLedger.NO_GROUP);
            case PARTIAL -> LineInfo.of(LineClass.CLIENT, LineRole.PARTIAL, false);
            case COMMAND -> command(event, SmtpDialogue.MAX_COMMAND_LINE);
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
        int code = SmtpExplanations.leadingCode(event.line());
        if (group.start == index) {
            currentCode = code;
        }
        group.end = index;
        ledger.link(index, current);
        boolean malformed = code != currentCode || malformedLine(event);
        if (reading.completesReply()) {
            group.complete = true;
            group.multiLine = group.start != index;
            current = LineLedger.NO_GROUP;
            malformed |= reading.reply().isMalformed();
        }
        return LineInfo.of(malformed ? LineClass.MALFORMED : lineClass(code), LineRole.REPLY, false);
    }

    /**
     * Whether the line alone breaks the reply syntax, before its reply is complete: a bare LF or CR, a NUL, more
     * than 512 octets (RFC 5321 §4.2, §4.5.3.1.5; the reader flags those), or a code not followed by a space or a
     * hyphen ({@code 250OK}, {@code 2500 OK}).
     */
    private static boolean malformedLine(TranscriptEvent event) {
        if (event.length() > SmtpReplyParser.MAX_REPLY_LINE || event.issues().stream().anyMatch(MALFORMING::contains)) {
            return true;
        }
        if (event.length() <= 3) {
            return false;
        }
        byte separator = event.byteAt(3);
        return separator != ' ' && separator != '-' && separator != '\r' && separator != '\n';
    }

    private static final Set<LineIssue> MALFORMING = EnumSet.of(LineIssue.BARE_LF, LineIssue.BARE_CR,
            LineIssue.NUL, LineIssue.OVERLONG, LineIssue.UNTERMINATED);

    /** The colour of a reply line comes from its own code, so it is right before the reply is complete. */
    private static LineClass lineClass(int code) {
        return LineClass.ofSmtpCode(code);
    }
}
