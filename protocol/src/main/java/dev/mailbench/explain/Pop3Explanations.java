package dev.mailbench.explain;

import dev.mailbench.pop3.MaildropStatus;
import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3ReplyParser;
import dev.mailbench.pop3.Pop3Turn;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.pop3.ScanListing;
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
    protected int commandLineLimit() {
        return Pop3Dialogue.MAX_COMMAND_LINE;
    }

    @Override
    protected String commandTooLongSentence() {
        return "pop3.command.too-long";
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
        int problemsAt = sentences.size();
        if (group.turn != null && group.turn.kind() == Pop3Turn.Kind.CONNECTION) {
            sentences.add(catalogue.eventSentence("greeting"));
        }
        switch (reply.status()) {
            case OK, ERR -> {
                Optional<String> particular = reply.isErr() ? errorAnswering(group) : Optional.empty();
                sentences.add(particular.orElseGet(() -> catalogue.pop3Status(reply.isOk())));
                fields.add(field("status", reply.status().indicator()));
            }
            case CONTINUATION -> sentences.add(catalogue.pop3Continuation());
            default -> sentences.addAll(reply.issues()); // neither +OK nor -ERR: say what is wrong
        }
        reply.code().ifPresent(code -> {
            fields.add(field("response-code", "[" + code + "]"));
            catalogue.pop3ResponseCode(code).ifPresent(sentences::add);
        });
        if (reply.isOk() && !group.multiLine && group.turn != null
                && (group.turn.is(Pop3Verb.LIST) || group.turn.is(Pop3Verb.UIDL))) {
            // LIST n and UIDL n: the status line itself is the listing (RFC 1939 §5, §7)
            scanListing(group.turn.verb().orElseThrow(), reply.text(), sentences, fields);
        }
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
            sentences.addAll(problemsAt, reply.issues().stream().map(this::problem).toList());
        }
        wireFacts(event, sentences, fields, problemsAt);
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

    /**
     * What {@code -ERR} means as the answer to this turn (RFC 1939 for each command; RFC 5034 §4 in an AUTH
     * exchange), if the catalogue says.
     */
    private Optional<String> errorAnswering(ReplyGroup<Pop3Turn> group) {
        Pop3Turn turn = group.turn;
        if (turn == null) {
            return Optional.empty();
        }
        return switch (turn.kind()) {
            case CONNECTION -> catalogue.pop3Error("greeting");
            case AUTH_RESPONSE -> catalogue.pop3Error("auth-response");
            case COMMAND -> turn.verb().map(verb -> catalogue.pop3Error(verb.name()))
                    .orElseGet(() -> Optional.of(catalogue.pop3ErrorToUnknownCommand()));
        };
    }

    /** A line of LIST's or UIDL's listing, "n s" or "n u" (RFC 1939 §5, §7), explained with its numbers. */
    private void scanListing(Pop3Verb verb, String line, List<String> sentences, List<Explanation.Field> fields) {
        Optional<ScanListing> listing = ScanListing.parseLine(line);
        if (listing.isEmpty()) {
            if (sentences.isEmpty()) { // the reader's problem, when it found one, already says it
                sentences.add(catalogue.pop3MalformedScanLine());
            }
            return;
        }
        ScanListing scan = listing.get();
        sentences.add(catalogue.pop3ScanLine(verb.name(), scan.number(), scan.value()));
        fields.add(field("message", String.valueOf(scan.number())));
        fields.add(field(verb == Pop3Verb.LIST ? "octets" : "unique-id", scan.value()));
    }

    /** A line of a CAPA response: one capability and its parameters (RFC 2449 §6). */
    private void capability(String line, List<String> sentences, List<Explanation.Field> fields) {
        String[] words = line.strip().split("\\s+");
        if (words[0].isEmpty()) {
            return;
        }
        sentences.add(catalogue.pop3Capability(words[0]).orElseGet(catalogue::pop3UnknownCapability));
        fields.add(field("capability", words[0]));
        if (words[0].equalsIgnoreCase("SASL")) {
            for (int i = 1; i < words.length; i++) {
                catalogue.saslMechanism(words[i]).ifPresent(sentences::add);
            }
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
        int problemsAt = sentences.size();
        if (info.role() == LineRole.RESPONSE_END) {
            sentences.add(catalogue.eventSentence("pop3.body.end"));
            fields.add(field("lines", String.valueOf(ledger.bodyLines(groupId))));
        } else {
            String line = info.leadingDot() ? event.line().substring(1) : event.line();
            if (group.turn != null && (group.turn.is(Pop3Verb.LIST) || group.turn.is(Pop3Verb.UIDL))) {
                scanListing(group.turn.verb().orElseThrow(), line, sentences, fields);
            } else if (group.turn != null && group.turn.is(Pop3Verb.CAPA)) {
                capability(line, sentences, fields);
            }
            sentences.add(catalogue.eventSentence("pop3.body"));
            if (info.leadingDot()) {
                sentences.add(catalogue.eventSentence("pop3.body.dot"));
            }
            fields.add(field("line-number", String.valueOf(index - group.start)));
        }
        fields.add(field("status", ledger.event(group.start).line()));
        answers(group, sentences, fields);
        wireFacts(event, sentences, fields, problemsAt);
        return new Explanation(shownLine(event), sentences, fields);
    }
}
