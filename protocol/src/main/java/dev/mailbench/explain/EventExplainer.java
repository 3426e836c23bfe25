package dev.mailbench.explain;

import dev.mailbench.pop3.MaildropStatus;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3ReplyParser;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.EnhancedStatus;
import dev.mailbench.smtp.ReplyIssue;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpReplyParser;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Printable;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.TranscriptListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the transcript of one connection as the protocol's rules read it, and explains any line of it.
 *
 * <p>Events are fed in order, as they are recorded ({@link #accept}); the explainer follows the
 * conversation the way the server does: which reply answers which command (replies come in the order of
 * the commands, RFC 2920 §3), where message text starts and ends (354 and the lone dot, RFC 5321 §4.1.1.4),
 * which lines of a POP3 response are text (RFC 1939 §3), when AUTH exchanges base64 lines. With that
 * context, any line can be explained: every line of a multi-line SMTP reply explains the whole reply, a
 * line of a RETR response knows which message it belongs to.
 *
 * <p>One explainer per connection; thread-safe, so it can be fed on the thread that records events and
 * asked on another.
 */
public final class EventExplainer implements TranscriptListener {

    private static final String GREETING = "GREETING";
    private static final String END_OF_DATA = "END-OF-DATA";
    private static final String AUTH_RESPONSE = "AUTH-RESPONSE";
    /** Command index of the greeting, which answers no command line. */
    private static final int GREETING_COMMAND = -1;
    /** Command index of a reply no command was waiting for. */
    private static final int NO_COMMAND = -2;
    private static final int NO_GROUP = -1;

    private final MailProtocol protocol;
    private final Catalogue catalogue;
    private final Tracker tracker;
    /**
     * The transcript read, whose events are asked for again when a line is explained: the explainer keeps, for
     * each line, only its reading ({@link LineInfo#code()}) and its link, so a 20 MB RETR costs it five octets a
     * line.
     */
    private Transcript source;
    private int count;
    private byte[] infos = new byte[256];
    /** For a server line: its reply group. For a command: the group that answered it. Otherwise NO_GROUP. */
    private int[] links = new int[256];
    private final List<Group> groups = new ArrayList<>();
    private long firstSequence = -1;

    public EventExplainer(MailProtocol protocol, Catalogue catalogue) {
        this.protocol = Objects.requireNonNull(protocol);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.tracker = protocol == MailProtocol.SMTP ? new SmtpTracker() : new Pop3Tracker();
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
        if (firstSequence < 0) {
            firstSequence = event.sequence();
            source = event.transcript();
        }
        if (event.transcript() != source) {
            throw new IllegalArgumentException("an explainer reads one transcript: " + event + " is of another");
        }
        long expected = firstSequence + count;
        if (event.sequence() != expected) {
            throw new IllegalArgumentException("events must come in order: expected " + expected
                    + ", got " + event.sequence());
        }
        int index = count;
        if (index >= links.length) {
            links = Arrays.copyOf(links, links.length * 2);
            infos = Arrays.copyOf(infos, links.length);
        }
        links[index] = NO_GROUP;
        LineInfo info = switch (event.direction()) {
            case NOTE -> LineInfo.of(LineClass.NOTE, LineRole.NOTE, false);
            case CLIENT -> tracker.client(index, event);
            case SERVER -> tracker.server(index, event);
        };
        infos[index] = (byte) info.code();
        count++;
        return info;
    }

    /** How many events have been read. */
    public synchronized int size() {
        return count;
    }

    /** How to draw the event with this sequence number. */
    public synchronized LineInfo info(long sequence) {
        return infoAt(index(sequence));
    }

    /** What the line with this sequence number means, in the context of the conversation so far. */
    public synchronized Explanation explain(long sequence) {
        int index = index(sequence);
        TranscriptEvent event = event(index);
        LineInfo info = infoAt(index);
        return switch (info.role()) {
            case NOTE -> new Explanation(event.line(), List.of(catalogue.eventSentence("note")), List.of());
            case COMMAND -> command(index, event);
            case MESSAGE_TEXT, END_OF_DATA, AUTH_RESPONSE, PARTIAL -> clientText(index, event, info);
            case REPLY -> protocol == MailProtocol.SMTP ? smtpReply(index) : pop3Status(index);
            case RESPONSE_BODY, RESPONSE_END -> pop3Text(index, event, info);
        };
    }

    /** Whether the line with this sequence number belongs to a RETR or TOP response that carries a message. */
    public synchronized boolean carriesMessage(long sequence) {
        return messageGroup(index(sequence)) != NO_GROUP;
    }

    /**
     * The message a RETR or TOP response carried, when the line with this sequence number belongs to one
     * (the command, its status line, a line of its text, or its final dot).
     *
     * <p>The message (20 MB for a large RETR) is put together outside the explainer's lock, so the connection's
     * lines go on being read meanwhile: the lines of a group, their readings and links never change once read, and
     * arrays outgrown are replaced, not changed.
     */
    public Optional<RetrievedMessage> retrievedMessage(long sequence) {
        int groupId;
        int start;
        int end;
        boolean complete;
        String command;
        byte[] lineInfos;
        int[] lineLinks;
        synchronized (this) {
            groupId = messageGroup(index(sequence));
            if (groupId == NO_GROUP) {
                return Optional.empty();
            }
            Group group = groups.get(groupId);
            start = group.start + 1;
            end = group.end;
            complete = group.complete;
            command = shownLine(event(group.command));
            lineInfos = infos;
            lineLinks = links;
        }
        long size = 0;
        for (int i = start; i <= end; i++) {
            LineInfo info = LineInfo.ofCode(lineInfos[i]);
            if (lineLinks[i] == groupId && info.role() == LineRole.RESPONSE_BODY) {
                size += event(i).length() - (info.leadingDot() ? 1 : 0);
            }
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the message of " + command + " is too large to hold: " + size + " bytes");
        }
        byte[] content = new byte[(int) size];
        int at = 0;
        for (int i = start; i <= end; i++) {
            LineInfo info = LineInfo.ofCode(lineInfos[i]);
            if (lineLinks[i] == groupId && info.role() == LineRole.RESPONSE_BODY) {
                at = event(i).copyTo(info.leadingDot() ? 1 : 0, content, at);
            }
        }
        return Optional.of(RetrievedMessage.taking(command, content, complete));
    }

    private int messageGroup(int index) {
        int groupId = links[index];
        if (protocol != MailProtocol.POP3 || groupId == NO_GROUP) {
            return NO_GROUP;
        }
        Group group = groups.get(groupId);
        String verb = verbOf(group.command);
        return (verb.equals("RETR") || verb.equals("TOP")) && group.multiLine ? groupId : NO_GROUP;
    }

    // ---------------------------------------------------------------- explanations

    private Explanation command(int index, TranscriptEvent event) {
        String verb = verbOf(index);
        Optional<VerbInfo> known = protocol == MailProtocol.SMTP ? catalogue.smtpVerb(verb) : catalogue.pop3Verb(verb);
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        known.ifPresentOrElse(info -> {
            sentences.add(info.purpose());
            fields.add(field("verb", info.name()));
            fields.add(field("syntax", info.syntax()));
            fields.add(field("rfc", info.rfcSection()));
            fields.add(field("example", info.example()));
        }, () -> sentences.add(catalogue.eventSentence("command.unknown")));
        if (EventText.isSecret(event)) {
            sentences.add(catalogue.eventSentence("secret"));
        }
        int answer = links[index];
        if (answer != NO_GROUP) {
            fields.add(field("reply", event(groups.get(answer).start).line()));
        }
        wireFacts(event, sentences, fields);
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
            sentences.add(catalogue.eventSentence("secret"));
        }
        int answer = links[index];
        if (answer != NO_GROUP) {
            fields.add(field("reply", event(groups.get(answer).start).line()));
        }
        wireFacts(event, sentences, fields);
        return new Explanation(shownLine(event), sentences, fields);
    }

    private Explanation smtpReply(int index) {
        TranscriptEvent event = event(index);
        int groupId = links[index];
        Group group = groups.get(groupId);
        SmtpReplyParser parser = new SmtpReplyParser();
        SmtpReply reply = null;
        int lines = 0;
        for (int i = group.start; i <= group.end; i++) {
            if (links[i] == groupId && event(i).direction() == Direction.SERVER) {
                lines++;
                reply = parser.accept(lineOf(event(i)));
            }
        }
        String verb = verbOf(group.command);
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        int code = reply != null ? reply.code() : leadingCode(event(group.start).line());
        if (verb.equals(GREETING)) {
            sentences.add(catalogue.eventSentence("greeting"));
        }
        if (code > 0) {
            String catalogueVerb = verb.equals(AUTH_RESPONSE) ? "AUTH" : verb;
            sentences.add(catalogue.smtpReply(code, catalogueVerb));
            fields.add(field("code", String.valueOf(code)));
        } else {
            sentences.add(catalogue.smtpReply(0));
        }
        Optional<EnhancedStatus> enhanced = reply != null
                ? reply.enhancedStatus()
                : EnhancedStatus.atStartOf(textAfterCode(event(group.start).line()));
        enhanced.ifPresent(status -> {
            sentences.add(catalogue.enhancedStatus(status.klass(), status.subject(), status.detail()));
            fields.add(field("enhanced", status.toString()));
        });
        if (lines > 1 || reply == null && isContinuation(event(group.start).line())) {
            sentences.add(catalogue.eventSentence("reply.multiline"));
            fields.add(field("lines", String.valueOf(lines)));
        }
        if (reply == null) {
            sentences.add(catalogue.eventSentence("reply.incomplete"));
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

    private Explanation pop3Status(int index) {
        TranscriptEvent event = event(index);
        int groupId = links[index];
        Group group = groups.get(groupId);
        Pop3Reply reply = new Pop3ReplyParser().accept(lineOf(event), false);
        String verb = verbOf(group.command);
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        if (verb.equals(GREETING)) {
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
        if (verb.equals("STAT")) {
            MaildropStatus.parse(reply).ifPresent(status -> {
                fields.add(field("messages", String.valueOf(status.messages())));
                fields.add(field("octets", String.valueOf(status.octets())));
            });
        }
        if (group.multiLine) {
            sentences.add(catalogue.eventSentence("pop3.multiline"));
            fields.add(field("lines", String.valueOf(bodyLines(groupId))));
        }
        answers(group, sentences, fields);
        if (reply.status() != Pop3Reply.Status.MALFORMED) {
            reply.issues().forEach(issue -> fields.add(field("problem", issue)));
        }
        wireFacts(event, sentences, fields);
        return new Explanation(shownLine(event), sentences, fields);
    }

    private Explanation pop3Text(int index, TranscriptEvent event, LineInfo info) {
        int groupId = links[index];
        Group group = groups.get(groupId);
        List<String> sentences = new ArrayList<>();
        List<Explanation.Field> fields = new ArrayList<>();
        if (info.role() == LineRole.RESPONSE_END) {
            sentences.add(catalogue.eventSentence("pop3.body.end"));
            fields.add(field("lines", String.valueOf(bodyLines(groupId))));
        } else {
            sentences.add(catalogue.eventSentence("pop3.body"));
            if (info.leadingDot()) {
                sentences.add(catalogue.eventSentence("pop3.body.dot"));
            }
            fields.add(field("line-number", String.valueOf(index - group.start)));
        }
        fields.add(field("status", event(group.start).line()));
        answers(group, sentences, fields);
        wireFacts(event, sentences, fields);
        return new Explanation(shownLine(event), sentences, fields);
    }

    /** Which command a reply answers, and how long the server took to begin answering. */
    private void answers(Group group, List<String> sentences, List<Explanation.Field> fields) {
        if (group.command == NO_COMMAND) {
            sentences.add(catalogue.eventSentence("reply.unsolicited"));
        } else if (group.command >= 0) {
            TranscriptEvent command = event(group.command);
            fields.add(secretField("answers", command));
        }
        event(group.start).latency().ifPresent(latency ->
                fields.add(field("latency", latency(latency))));
    }

    /** Facts every wire line has: its decoded meaning, its exact bytes, TLS, and its rule breaks. */
    private void wireFacts(TranscriptEvent event, List<String> sentences, List<Explanation.Field> fields) {
        Annotation annotation = event.annotation();
        if (annotation != null) {
            fields.add(new Explanation.Field(catalogue.fieldLabel("decoded"), annotation.decoded(), annotation.revealed()));
        }
        if (event.text().endsWith("\n") && !event.text().endsWith("\r\n")) {
            sentences.add(catalogue.eventSentence("bare-lf"));
        }
        String exact = Printable.of(event.bytes());
        fields.add(new Explanation.Field(catalogue.fieldLabel("bytes"),
                EventText.display(event, true, false), exact));
        if (event.tls()) {
            fields.add(field("tls", "yes"));
        }
        event.issues().stream().sorted().map(LineIssue::description)
                .forEach(description -> fields.add(field("problem", description)));
    }

    /** A reply latency: below a millisecond in tenths, so a fast local server does not read "0 ms". */
    private static String latency(java.time.Duration latency) {
        long micros = latency.toNanos() / 1_000;
        if (micros < 950) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
        }
        long millis = Math.round(micros / 1000.0);
        return millis < 1_000 ? millis + " ms" : Durations.human(latency);
    }

    private Explanation.Field field(String label, String value) {
        return Explanation.Field.of(catalogue.fieldLabel(label), value);
    }

    private Explanation.Field secretField(String label, TranscriptEvent event) {
        return new Explanation.Field(catalogue.fieldLabel(label), shownLine(event), event.line());
    }

    private static String shownLine(TranscriptEvent event) {
        return EventText.display(event, false, false);
    }

    private int bodyLines(int groupId) {
        Group group = groups.get(groupId);
        int count = 0;
        for (int i = group.start + 1; i <= group.end; i++) {
            if (infoAt(i).role() == LineRole.RESPONSE_BODY && links[i] == groupId) {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- following the conversation

    private int index(long sequence) {
        long index = sequence - firstSequence;
        if (firstSequence < 0 || index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("no event " + sequence + " has been read");
        }
        return (int) index;
    }

    private TranscriptEvent event(int index) {
        return source.event(firstSequence + index);
    }

    private LineInfo infoAt(int index) {
        return LineInfo.ofCode(infos[index]);
    }

    /** The verb a command index stands for, or the pseudo-verbs of the greeting, end of data and AUTH lines. */
    private String verbOf(int command) {
        if (command == GREETING_COMMAND) {
            return GREETING;
        }
        if (command < 0) {
            return "";
        }
        return switch (infoAt(command).role()) {
            case END_OF_DATA -> END_OF_DATA;
            case AUTH_RESPONSE -> AUTH_RESPONSE;
            default -> protocol == MailProtocol.SMTP
                    ? SmtpVerb.firstWord(event(command).line())
                    : Pop3Verb.firstWord(event(command).line());
        };
    }

    /** A reply of one or more lines, and the command it answers. */
    private static final class Group {
        final int start;
        final int command;
        int end;
        boolean complete;
        boolean multiLine;

        Group(int start, int command) {
            this.start = start;
            this.end = start;
            this.command = command;
        }
    }

    private int newGroup(int start, int command) {
        groups.add(new Group(start, command));
        int id = groups.size() - 1;
        if (command >= 0) {
            links[command] = id;
        }
        return id;
    }

    private interface Tracker {
        LineInfo client(int index, TranscriptEvent event);

        LineInfo server(int index, TranscriptEvent event);
    }

    /** RFC 5321: replies in command order, message text between 354 and the lone dot, AUTH after 334. */
    private final class SmtpTracker implements Tracker {
        private final Deque<Integer> pending = new ArrayDeque<>(List.of(GREETING_COMMAND));
        private final SmtpReplyParser parser = new SmtpReplyParser();
        private boolean messageText;
        private boolean authExchange;
        private int current = NO_GROUP;

        @Override
        public LineInfo client(int index, TranscriptEvent event) {
            LineEnding ending = endingOf(event);
            if (ending == LineEnding.NONE) {
                return LineInfo.of(LineClass.CLIENT, LineRole.PARTIAL, false);
            }
            String line = event.line();
            if (messageText) {
                // RFC 5321 §4.1.1.4: only CRLF.CRLF ends the message; a dot ended by a bare LF does not.
                if (line.equals(".") && ending == LineEnding.CRLF) {
                    messageText = false;
                    pending.add(index);
                    return LineInfo.of(LineClass.CLIENT, LineRole.END_OF_DATA, false);
                }
                return LineInfo.of(LineClass.CLIENT, LineRole.MESSAGE_TEXT, line.startsWith("."));
            }
            pending.add(index);
            return LineInfo.of(LineClass.CLIENT, authExchange ? LineRole.AUTH_RESPONSE : LineRole.COMMAND, false);
        }

        @Override
        public LineInfo server(int index, TranscriptEvent event) {
            if (current == NO_GROUP) {
                Integer head = pending.peek();
                current = newGroup(index, head == null ? NO_COMMAND : head);
            }
            Group group = groups.get(current);
            group.end = index;
            links[index] = current;
            SmtpReply reply = parser.accept(lineOf(event));
            if (reply != null) {
                group.complete = true;
                group.multiLine = group.start != index;
                pending.poll();
                String verb = verbOf(group.command);
                if (verb.equals("DATA") && reply.code() == 354) {
                    messageText = true;
                }
                if (verb.equals("AUTH") || verb.equals(AUTH_RESPONSE)) {
                    authExchange = reply.code() == 334;
                }
                current = NO_GROUP;
            }
            return LineInfo.of(smtpClass(event.line()), LineRole.REPLY, false);
        }

        /** The colour of a reply line comes from its own code, so it is right before the reply is complete. */
        private LineClass smtpClass(String line) {
            int code = leadingCode(line);
            return switch (code / 100) {
                case 2 -> LineClass.SUCCESS;
                case 3 -> LineClass.INTERMEDIATE;
                case 4 -> LineClass.TRANSIENT;
                case 5 -> LineClass.PERMANENT;
                default -> LineClass.MALFORMED;
            };
        }
    }

    /** RFC 1939: one status line per command, a dot-terminated text after +OK to LIST, UIDL, RETR, TOP, CAPA. */
    private final class Pop3Tracker implements Tracker {
        private final Deque<Integer> pending = new ArrayDeque<>(List.of(GREETING_COMMAND));
        private boolean authExchange;
        private int body = NO_GROUP;

        @Override
        public LineInfo client(int index, TranscriptEvent event) {
            if (endingOf(event) == LineEnding.NONE) {
                return LineInfo.of(LineClass.CLIENT, LineRole.PARTIAL, false);
            }
            pending.add(index);
            return LineInfo.of(LineClass.CLIENT, authExchange ? LineRole.AUTH_RESPONSE : LineRole.COMMAND, false);
        }

        @Override
        public LineInfo server(int index, TranscriptEvent event) {
            if (body != NO_GROUP) {
                Group group = groups.get(body);
                group.end = index;
                links[index] = body;
                LineEnding ending = endingOf(event);
                if (ending != LineEnding.NONE && isDotLine(event, ending)) {
                    group.complete = true;
                    body = NO_GROUP;
                    return LineInfo.of(LineClass.SUCCESS, LineRole.RESPONSE_END, false);
                }
                if (event.issues().contains(LineIssue.UNTERMINATED)) {
                    body = NO_GROUP; // the connection ended inside the text
                }
                return LineInfo.of(LineClass.SUCCESS, LineRole.RESPONSE_BODY, startsWithDot(event));
            }
            Integer head = pending.poll();
            int id = newGroup(index, head == null ? NO_COMMAND : head);
            Group group = groups.get(id);
            links[index] = id;
            String upper = event.line().toUpperCase(Locale.ROOT);
            LineClass lineClass;
            if (upper.startsWith("+OK")) {
                lineClass = LineClass.SUCCESS;
            } else if (upper.startsWith("-ERR")) {
                lineClass = LineClass.PERMANENT;
            } else if (upper.equals("+") || upper.startsWith("+ ")) {
                lineClass = LineClass.INTERMEDIATE; // RFC 5034 §4: a continuation in AUTH
            } else {
                lineClass = LineClass.MALFORMED;
            }
            String verb = verbOf(group.command);
            boolean multiLine = lineClass == LineClass.SUCCESS && group.command >= 0
                    && infoAt(group.command).role() == LineRole.COMMAND
                    && Pop3Verb.expectsMultiLine(event(group.command).line())
                    && !event.issues().contains(LineIssue.UNTERMINATED);
            if (multiLine) {
                group.multiLine = true;
                body = id;
            } else {
                group.complete = true;
            }
            if (verb.equals("AUTH") || verb.equals(AUTH_RESPONSE)) {
                authExchange = lineClass == LineClass.INTERMEDIATE;
            }
            return LineInfo.of(lineClass, LineRole.REPLY, false);
        }
    }

    // ---------------------------------------------------------------- reading lines

    /* A RETR of 300,000 lines passes here 300,000 times: these read the octets in place, without decoding. */

    private static LineEnding endingOf(TranscriptEvent event) {
        int length = event.length();
        if (length == 0 || event.byteAt(length - 1) != '\n') {
            return LineEnding.NONE;
        }
        return length >= 2 && event.byteAt(length - 2) == '\r' ? LineEnding.CRLF : LineEnding.LF;
    }

    /** Whether the line is "." and its ending: the end of a multi-line response (RFC 1939 §3). */
    private static boolean isDotLine(TranscriptEvent event, LineEnding ending) {
        int terminator = ending == LineEnding.CRLF ? 2 : ending == LineEnding.LF ? 1 : 0;
        return event.length() == 1 + terminator && event.byteAt(0) == '.';
    }

    private static boolean startsWithDot(TranscriptEvent event) {
        return event.length() > 0 && event.byteAt(0) == '.';
    }

    private static Line lineOf(TranscriptEvent event) {
        return new Line(event.bytes(), endingOf(event), event.issues());
    }

    /** The three-digit code a reply line starts with, or 0. */
    private static int leadingCode(String line) {
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

    private static boolean isContinuation(String line) {
        return line.length() > 3 && line.charAt(3) == '-';
    }

    private static String textAfterCode(String line) {
        return line.length() > 4 ? line.substring(4) : "";
    }
}
