package dev.mailbench.explain;

import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ConnectFailures;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.Printable;
import dev.mailbench.wire.TlsModeHints;
import dev.mailbench.wire.TranscriptEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the sentences and facts every protocol's lines share: a command, a line the client sends without a verb
 * (message text, the end of data, an AUTH response, a partial line), which command a reply answers, and the
 * facts of the wire. The protocol's own writer adds its replies.
 *
 * @param <T> what the protocol's reader says a reply answers
 */
abstract class ExplanationWriter<T> {

    protected final Catalogue catalogue;
    protected final LineLedger<T> ledger;

    ExplanationWriter(Catalogue catalogue, LineLedger<T> ledger) {
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    /** The catalogue's entry for the verb a command line starts with, if it has one. */
    protected abstract Optional<VerbInfo> verbInfo(String commandLine);

    /** The catalogue's entry for the verb a command line with an unknown first word most likely meant. */
    protected abstract Optional<VerbInfo> nearestVerb(String commandLine);

    /** The key of the sentence for a note that cuts a reply short ({@code event.<key>}). */
    protected abstract String cutOffSentence();

    /**
     * The longest command line the protocol allows, CRLF included (RFC 5321 §4.5.3.1.4: 512 octets; RFC 2449 §4:
     * 255), as its dialogue reader defines it.
     */
    protected abstract int commandLineLimit();

    /** The key of the sentence for a command line longer than {@link #commandLineLimit()} ({@code event.<key>}). */
    protected abstract String commandTooLongSentence();

    /** What a reply line means, with the reply it belongs to. */
    abstract Explanation reply(int index);

    /** The sentences of the line at {@code index}, by the role its reader gave it. */
    final Explanation explain(int index) {
        TranscriptEvent event = ledger.event(index);
        LineInfo info = ledger.info(index);
        return switch (info.role()) {
            case NOTE -> note(event, info);
            case COMMAND -> command(index, event);
            case MESSAGE_TEXT, END_OF_DATA, AUTH_RESPONSE, PARTIAL -> clientText(index, event, info);
            case REPLY, RESPONSE_BODY, RESPONSE_END -> reply(index);
        };
    }

    /**
     * A note; one that cuts a reply short (the reader gives it the malformed class), says which TLS mode to
     * choose or why a connection could not be made leads with that.
     */
    private Explanation note(TranscriptEvent event, LineInfo info) {
        List<String> sentences = new ArrayList<>();
        // a failed connection is drawn as a problem too (TranscriptLines.note), but cut no reply short
        if (info.lineClass() == LineClass.MALFORMED && !ConnectFailures.isFailure(event.line())) {
            sentences.add(catalogue.eventSentence(cutOffSentence()));
        }
        String hint = TlsModeHints.kindOf(event.line());
        if (hint == null) {
            hint = ConnectFailures.kindOf(event.line());
        }
        if (hint != null) {
            sentences.add(catalogue.eventSentence("note." + hint));
        }
        sentences.add(catalogue.eventSentence("note"));
        return new Explanation(event.line(), sentences, List.of());
    }

    private Explanation command(int index, TranscriptEvent event) {
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        verbInfo(event.line()).ifPresentOrElse(info -> {
            sentences.add(info.purpose());
            fields.add(field("verb", info.name()));
            fields.add(field("syntax", info.syntax()));
            fields.add(field("rfc", info.rfcSection()));
            fields.add(field("example", info.example()));
        }, () -> {
            sentences.add(catalogue.eventSentence("command.unknown"));
            nearestVerb(event.line()).ifPresent(nearest -> sentences.add(0, catalogue.eventSentence(
                    "command.unknown.nearest").replace("{verb}", nearest.name()).replace("{syntax}", nearest.syntax())));
        });
        if (EventText.isSecret(event)) {
            if (!event.tls()) {
                sentences.add(0, catalogue.eventSentence("secret.cleartext"));
            }
            sentences.add(catalogue.eventSentence("secret"));
        }
        answeredBy(index, fields);
        wireFacts(event, sentences, fields, 0);
        if (event.length() > commandLineLimit()) {
            // the problem first; Mailbench sends what was typed, so that the server's answer can be seen
            sentences.add(0, catalogue.eventSentence(commandTooLongSentence())
                    .replace("{length}", String.valueOf(event.length()))
                    .replace("{limit}", String.valueOf(commandLineLimit())));
        }
        return new Explanation(shownLine(event), sentences, fields);
    }

    private Explanation clientText(int index, TranscriptEvent event, LineInfo info) {
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        switch (info.role()) {
            case MESSAGE_TEXT -> {
                sentences.add(catalogue.eventSentence("message-text"));
                if (info.leadingDot()) {
                    sentences.add(catalogue.eventSentence("message-text.dot"));
                }
            }
            case END_OF_DATA -> sentences.add(catalogue.eventSentence("end-of-data"));
            case AUTH_RESPONSE -> sentences.add(catalogue.eventSentence("auth-response"));
            default -> sentences.add(catalogue.eventSentence("partial"));
        }
        if (EventText.isSecret(event)) {
            if (!event.tls()) {
                sentences.add(0, catalogue.eventSentence("secret.cleartext"));
            }
            sentences.add(catalogue.eventSentence("secret"));
        }
        answeredBy(index, fields);
        wireFacts(event, sentences, fields, 0);
        return new Explanation(shownLine(event), sentences, fields);
    }

    /** The first line of the reply that answered the line at {@code index}, if one did. */
    private void answeredBy(int index, List<Explanation.Field> fields) {
        int answer = ledger.link(index);
        if (answer != LineLedger.NO_GROUP) {
            fields.add(field("reply", ledger.event(ledger.group(answer).start).line()));
        }
    }

    /** Which command a reply answers, and how long the server took to begin answering. */
    protected final void answers(ReplyGroup<T> group, List<String> sentences, List<Explanation.Field> fields) {
        if (group.command == ReplyGroup.NO_COMMAND) {
            sentences.add(catalogue.eventSentence("reply.unsolicited"));
        } else if (group.command >= 0) {
            TranscriptEvent command = ledger.event(group.command);
            fields.add(new Explanation.Field(catalogue.fieldLabel("answers"), shownLine(command), command.line()));
        }
        ledger.event(group.start).latency().ifPresent(latency -> fields.add(field("latency", latency(latency))));
    }

    /**
     * Facts every wire line has: its decoded meaning, its exact bytes and TLS; and its rule breaks, as sentences
     * from {@code problemsAt} on (before what the line means, after any sentence that already leads with the
     * problem), so that a long line's one problem is read first, not below the line.
     */
    protected final void wireFacts(TranscriptEvent event, List<String> sentences, List<Explanation.Field> fields,
                                   int problemsAt) {
        wireFacts(event, fields);
        sentences.addAll(problemsAt, event.issues().stream().sorted().map(LineIssue::description)
                .map(this::problem).toList());
        bareLf(event, sentences);
    }

    /** What a line ended by a bare LF risks (SMTP smuggling). */
    protected final void bareLf(TranscriptEvent event, List<String> sentences) {
        if (event.text().endsWith("\n") && !event.text().endsWith("\r\n")) {
            sentences.add(catalogue.eventSentence("bare-lf"));
        }
    }

    /** The facts of {@link #wireFacts(TranscriptEvent, List, List, int)} without the line's rule breaks. */
    protected final void wireFacts(TranscriptEvent event, List<Explanation.Field> fields) {
        Annotation annotation = event.annotation();
        if (annotation != null) {
            fields.add(new Explanation.Field(catalogue.fieldLabel("decoded"), annotation.decoded(), annotation.revealed()));
        }
        String exact = Printable.of(event.bytes());
        fields.add(new Explanation.Field(catalogue.fieldLabel("bytes"), EventText.display(event, true, false), exact));
        fields.add(field("length", catalogue.eventSentence("length").replace("{length}", String.valueOf(event.length()))));
        fields.add(field("tls", event.tls() ? "yes" : "no"));
    }

    /** A rule the line breaks, as a sentence that says it is a problem. */
    protected final String problem(String description) {
        return catalogue.eventSentence("problem").replace("{problem}", description);
    }

    /** A reply latency: below a millisecond in tenths, so a fast local server does not read "0 ms". */
    private static String latency(Duration latency) {
        long micros = latency.toNanos() / 1_000;
        if (micros < 950) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
        }
        long millis = Math.round(micros / 1000.0);
        return millis < 1_000 ? millis + " ms" : Durations.human(latency);
    }

    protected final Explanation.Field field(String label, String value) {
        return Explanation.Field.of(catalogue.fieldLabel(label), value);
    }

    /** The event as a line for a parser, its ending read from its octets. */
    protected static Line lineOf(TranscriptEvent event) {
        int length = event.length();
        LineEnding ending = length == 0 || event.byteAt(length - 1) != '\n' ? LineEnding.NONE
                : length >= 2 && event.byteAt(length - 2) == '\r' ? LineEnding.CRLF : LineEnding.LF;
        return new Line(event.bytes(), ending, event.issues());
    }

    protected static String shownLine(TranscriptEvent event) {
        return EventText.display(event, false, false);
    }
}
