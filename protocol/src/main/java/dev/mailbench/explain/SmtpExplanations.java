package dev.mailbench.explain;

import dev.mailbench.smtp.EnhancedStatus;
import dev.mailbench.smtp.ReplyIssue;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpReplyParser;
import dev.mailbench.smtp.SmtpTurn;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TranscriptEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes what the lines of an SMTP dialogue mean (RFC 5321 §4.2): a reply's code, its enhanced status, its lines. */
final class SmtpExplanations extends ExplanationWriter<SmtpTurn> {

    SmtpExplanations(Catalogue catalogue, LineLedger<SmtpTurn> ledger) {
        super(catalogue, ledger);
    }

    @Override
    protected String cutOffSentence() {
        return "reply.cut-off";
    }

    @Override
    protected Optional<VerbInfo> verbInfo(String commandLine) {
        return catalogue.smtpVerb(SmtpVerb.firstWord(commandLine));
    }

    @Override
    protected Optional<VerbInfo> nearestVerb(String commandLine) {
        return SmtpVerb.nearest(commandLine).flatMap(catalogue::verb);
    }

    /** Every line of a multi-line reply explains the whole reply. */
    @Override
    Explanation reply(int index) {
        TranscriptEvent event = ledger.event(index);
        int groupId = ledger.link(index);
        ReplyGroup<SmtpTurn> group = ledger.group(groupId);
        SmtpReplyParser parser = new SmtpReplyParser();
        SmtpReply reply = null;
        int lines = 0;
        for (int i = group.start; i <= group.end; i++) {
            TranscriptEvent line = ledger.event(i);
            if (ledger.link(i) == groupId && line.direction() == Direction.SERVER) {
                lines++;
                reply = parser.accept(lineOf(line));
            }
        }
        String first = ledger.event(group.start).line();
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        int code = reply != null ? reply.code() : leadingCode(first);
        boolean malformed = reply != null && reply.isMalformed();
        // The problem comes first: a malformed or unfinished reply must never read as the command having worked.
        if (malformed) {
            sentences.add(catalogue.malformedReply(reply.malformation().orElseThrow().description()));
            if (group.turn == null || group.turn.kind() != SmtpTurn.Kind.CONNECTION) {
                // a malformed greeting still lets the client go on (SmtpDialogue), so it is not said to move nothing
                sentences.add(catalogue.eventSentence("reply.malformed.ignored"));
            }
        } else if (reply == null) {
            sentences.add(catalogue.eventSentence("reply.incomplete"));
        }
        if (group.turn != null && group.turn.kind() == SmtpTurn.Kind.CONNECTION) {
            sentences.add(catalogue.eventSentence("greeting"));
        }
        if (malformed) {
            if (code > 0) {
                fields.add(field("code", String.valueOf(code)));
            }
        } else if (code > 0) {
            sentences.add(catalogue.smtpReply(code, catalogueVerb(group)));
            fields.add(field("code", String.valueOf(code)));
        } else {
            sentences.add(catalogue.smtpReply(0));
        }
        Optional<EnhancedStatus> enhanced = reply != null
                ? reply.enhancedStatus()
                : EnhancedStatus.atStartOf(first.length() > 4 ? first.substring(4) : "");
        enhanced.ifPresent(status -> {
            sentences.add(catalogue.enhancedStatus(status.klass(), status.subject(), status.detail()));
            fields.add(field("enhanced", status.toString()));
        });
        if (lines > 1 || reply == null && first.length() > 3 && first.charAt(3) == '-') {
            sentences.add(catalogue.eventSentence("reply.multiline"));
            fields.add(field("lines", String.valueOf(lines)));
        }
        answers(group, sentences, fields);
        if (reply != null) {
            for (ReplyIssue issue : reply.issues()) {
                fields.add(field("problem", issue.description()));
            }
        }
        wireFacts(event, sentences, fields);
        return new Explanation(shownLine(event), sentences, fields);
    }

    /**
     * The verb whose particular meaning of a code the catalogue may hold: AUTH for a response in an AUTH exchange;
     * for a command, its verb (or the word typed, for verbs the catalogue describes and Mailbench does not send).
     */
    private String catalogueVerb(ReplyGroup<SmtpTurn> group) {
        SmtpTurn turn = group.turn;
        if (turn == null) {
            return null;
        }
        return switch (turn.kind()) {
            case AUTH_RESPONSE -> SmtpVerb.AUTH.keyword();
            case COMMAND -> turn.verb().map(SmtpVerb::keyword)
                    .orElseGet(() -> SmtpVerb.firstWord(ledger.event(group.command).line()));
            case CONNECTION, END_OF_DATA -> null;
        };
    }


    /** The three-digit code a reply line starts with, or 0. */
    static int leadingCode(String line) {
        if (line.length() < 3) {
            return 0;
        }
        for (int i = 0; i < 3; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return 0;
            }
        }
        return Integer.parseInt(line.substring(0, 3));
    }
}
