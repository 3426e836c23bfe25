package dev.mailbench.explain;

import dev.mailbench.pop3.MaildropStatus;
import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3ReplyParser;
import dev.mailbench.pop3.Pop3Turn;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.wire.TranscriptEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes what the lines of a POP3 dialogue mean (RFC 1939 §3): status lines and the text of multi-line responses. */
final class Pop3Explanations extends ExplanationWriter<Pop3Turn> {

    Pop3Explanations(Catalogue catalogue, LineLedger<Pop3Turn> ledger) {
        super(catalogue, ledger);
    }

    @Override
    protected String cutOffSentence() {
        return "response.cut-off";
    }

    @Override
    protected Optional<VerbInfo> verbInfo(String commandLine) {
        return catalogue.pop3Verb(Pop3Verb.firstWord(commandLine));
    }

    @Override
    protected Optional<VerbInfo> nearestVerb(String commandLine) {
        return Pop3Verb.nearest(commandLine).flatMap(catalogue::verb);
    }

    @Override
    Explanation reply(int index) {
        return ledger.info(index).role() == LineRole.REPLY ? status(index) : text(index);
    }

    private Explanation status(int index) {
        TranscriptEvent event = ledger.event(index);
        int groupId = ledger.link(index);
        ReplyGroup<Pop3Turn> group = ledger.group(groupId);
        Pop3Reply reply = new Pop3ReplyParser().accept(lineOf(event), false);
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        // The problem comes first: a cut-off or malformed response must never read as "+OK: it worked".
        malformation(group, sentences);
        if (group.turn != null && group.turn.kind() == Pop3Turn.Kind.CONNECTION) {
            sentences.add(catalogue.eventSentence("greeting"));
        }
        switch (reply.status()) {
            case OK, ERR -> {
                sentences.add(catalogue.pop3Status(reply.isOk()));
                fields.add(field("status", reply.status().indicator()));
            }
            case CONTINUATION -> sentences.add(catalogue.pop3Continuation());
            default -> sentences.addAll(reply.issues()); // neither +OK nor -ERR: say what is wrong
        }
        reply.code().ifPresent(code -> {
            fields.add(field("response-code", "[" + code + "]"));
            catalogue.pop3ResponseCode(code).ifPresent(sentences::add);
        });
        if (group.turn != null && group.turn.is(Pop3Verb.STAT)) {
            MaildropStatus.parse(reply).ifPresent(status -> {
                fields.add(field("messages", String.valueOf(status.messages())));
                fields.add(field("octets", String.valueOf(status.octets())));
            });
        }
        if (group.multiLine) {
            sentences.add(catalogue.eventSentence("pop3.multiline"));
            fields.add(field("lines", String.valueOf(ledger.bodyLines(groupId))));
        }
        answers(group, sentences, fields);
        if (reply.status() != Pop3Reply.Status.MALFORMED) {
            reply.issues().forEach(issue -> fields.add(field("problem", issue)));
        }
        wireFacts(event, sentences, fields);
        return new Explanation(shownLine(event), sentences, fields);
    }

    /** What makes the response malformed, first, when its reader found something. */
    private void malformation(ReplyGroup<Pop3Turn> group, List<String> sentences) {
        if (group.problem != null) {
            sentences.add(catalogue.malformedResponse(group.problem));
        } else if (group.multiLine && !group.complete && group.end < ledger.size() - 1) {
            // a later line than the response's last was read, yet the response has no end: it was cut off
            sentences.add(catalogue.eventSentence("response.cut-off"));
        }
    }

    private Explanation text(int index) {
        TranscriptEvent event = ledger.event(index);
        LineInfo info = ledger.info(index);
        int groupId = ledger.link(index);
        ReplyGroup<Pop3Turn> group = ledger.group(groupId);
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        if (info.role() == LineRole.RESPONSE_BODY) {
            Pop3Dialogue.listingProblem(event, group.turn)
                    .ifPresent(problem -> sentences.add(catalogue.malformedResponse(problem)));
        }
        if (sentences.isEmpty()) {
            malformation(group, sentences);
        }
        if (info.role() == LineRole.RESPONSE_END) {
            sentences.add(catalogue.eventSentence("pop3.body.end"));
            fields.add(field("lines", String.valueOf(ledger.bodyLines(groupId))));
        } else {
            sentences.add(catalogue.eventSentence("pop3.body"));
            if (info.leadingDot()) {
                sentences.add(catalogue.eventSentence("pop3.body.dot"));
            }
            fields.add(field("line-number", String.valueOf(index - group.start)));
        }
        fields.add(field("status", ledger.event(group.start).line()));
        answers(group, sentences, fields);
        wireFacts(event, sentences, fields);
        return new Explanation(shownLine(event), sentences, fields);
    }
}
