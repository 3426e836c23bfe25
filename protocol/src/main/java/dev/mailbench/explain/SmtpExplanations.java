package dev.mailbench.explain;

import dev.mailbench.smtp.SmtpDialogue;
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
import java.util.Locale;
import java.util.Optional;

/** Writes what the lines of an SMTP dialogue mean (RFC 5321 §4.2): a reply's code, its enhanced status, its lines. */
final class SmtpExplanations extends ExplanationWriter<SmtpTurn> {

    /**
     * What the practice server says when SMTP after POP lets a recipient through (its personality key
     * {@code smtp.relay-after-pop}); no other server says why it relays.
     */
    static final String SMTP_AFTER_POP_WORDS = "relaying allowed: SMTP after POP";

    SmtpExplanations(Catalogue catalogue, LineLedger<SmtpTurn> ledger) {
        super(catalogue, ledger);
    }

    @Override
    protected String cutOffSentence() {
        return "reply.cut-off";
    }

    @Override
    protected int commandLineLimit() {
        return SmtpDialogue.MAX_COMMAND_LINE;
    }

    @Override
    protected String commandTooLongSentence() {
        return "smtp.command.too-long";
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
        if (!malformed && code == 250 && answersEhlo(group)) {
            ehloLine(event, index == group.start, sentences, fields);
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
        if (!malformed && code == 250 && first.contains(SMTP_AFTER_POP_WORDS)) {
            sentences.add(catalogue.eventSentence("reply.relay-after-pop"));
        }
        if (lines > 1 || reply == null && first.length() > 3 && first.charAt(3) == '-') {
            sentences.add(catalogue.eventSentence("reply.multiline"));
            fields.add(field("lines", String.valueOf(lines)));
        }
        answers(group, sentences, fields);
        // the problems after the malformed reply's lead sentence (which states the first), before the meaning
        int problemsAt = malformed ? 1 : 0;
        if (reply != null) {
            // the reply's issues include those of its lines (SmtpReplyParser), so these are not said twice
            ReplyIssue stated = reply.malformation().orElse(null);
            sentences.addAll(problemsAt, reply.issues().stream().filter(issue -> issue != stated)
                    .map(issue -> problem(issue.description())).toList());
            wireFacts(event, fields);
            bareLf(event, sentences);
        } else {
            wireFacts(event, sentences, fields, problemsAt);
        }
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


    private static boolean answersEhlo(ReplyGroup<SmtpTurn> group) {
        return group.turn != null && group.turn.kind() == SmtpTurn.Kind.COMMAND
                && group.turn.verb().filter(verb -> verb == SmtpVerb.EHLO).isPresent();
    }

    /**
     * A line of a positive EHLO reply (RFC 5321 §4.1.1.1): the first greets, each other names one service
     * extension, whose meaning comes first; AUTH's mechanisms and SIZE's limit follow it.
     */
    private void ehloLine(TranscriptEvent event, boolean first, List<String> sentences,
                          List<Explanation.Field> fields) {
        if (first) {
            sentences.add(catalogue.ehloGreeting());
            return;
        }
        String line = event.line();
        String[] words = (line.length() > 4 ? line.substring(4) : "").strip().split("\\s+");
        String keyword = words[0];
        if (keyword.isEmpty()) {
            return;
        }
        sentences.add(catalogue.ehloKeyword(keyword).orElseGet(catalogue::ehloUnknownKeyword));
        fields.add(field("extension", keyword));
        String upper = keyword.toUpperCase(Locale.ROOT);
        if (upper.startsWith("AUTH")) {
            List<String> mechanisms = new ArrayList<>(List.of(words).subList(1, words.length));
            if (upper.startsWith("AUTH=") && upper.length() > 5) {
                mechanisms.add(0, keyword.substring(5));
            }
            mechanisms.forEach(mechanism -> catalogue.saslMechanism(mechanism).ifPresent(sentences::add));
        } else if (upper.equals("SIZE") && words.length > 1 && isDigits(words[1]) && words[1].length() < 19) {
            long limit = Long.parseLong(words[1]);
            if (limit > 0) {
                sentences.add(catalogue.ehloSizeLimit(limit));
            }
        }
    }

    private static boolean isDigits(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
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
