package dev.mailbench.lesson;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a lesson's checks over the dialogues of a student's connections, <b>live</b> (fed each transcript
 * event as it arrives, e.g. from a {@code TranscriptListener}) or <b>after the fact</b> (fed whole saved or
 * server-side transcripts): the same code either way.
 *
 * <pre>{@code
 * LessonProgress progress = new LessonProgress(lesson, new StoreMailboxes(store), Catalogue.english());
 * LessonProgress.Connection smtp = progress.connection(MailProtocol.SMTP);
 * transcript.addListenerWithHistory(smtp::accept);
 * progress.steps();   // each step waiting, met, or an explained mistake
 * }</pre>
 *
 * <p>Cheap per event: each event goes once through its connection's dialogue reader; the checks are evaluated
 * only when a reply completed (a line of message text changes nothing they read). A step once met stays met.
 * Not thread-safe: feed it from one thread (the panel's, or the reader's) and ask it there.
 */
public final class LessonProgress {

    private final Lesson lesson;
    private final MailboxView mailboxes;
    private final Catalogue catalogue;
    private final Facts facts = new Facts();
    private final boolean[] met;
    private int evaluatedAt = -1;
    private List<StepStatus> statuses;

    public LessonProgress(Lesson lesson, MailboxView mailboxes, Catalogue catalogue) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.met = new boolean[lesson.steps().size()];
    }

    public Lesson lesson() {
        return lesson;
    }

    /** One connection of the student's, read from its first event (the greeting) on. */
    public final class Connection {
        private final SessionFacts session;

        private Connection(MailProtocol protocol) {
            session = new SessionFacts(facts, protocol);
        }

        /** Reads the connection's next event, in order. */
        public void accept(TranscriptEvent event) {
            session.accept(event);
        }

        /** The connection has ended. */
        public void ended() {
            session.ended();
        }
    }

    /** A new connection, SMTP or POP3, whose events come next (its own, in order). */
    public Connection connection(MailProtocol protocol) {
        return new Connection(protocol);
    }

    /**
     * Checks a lesson after the fact: every connection {@code source} kept (only {@code student}'s when one is
     * named, see {@link StudentFilter}) read in order, and the mailboxes as they are now (only the messages the
     * student sent, when one is named: {@link MailboxView#sentBy}).
     */
    public static LessonProgress afterTheFact(Lesson lesson, TranscriptSource source, MailboxView mailboxes,
                                              String student, Catalogue catalogue) throws IOException {
        List<RecordedSession> sessions = source.sessions();
        MailboxView read = mailboxes;
        if (student != null) {
            sessions = StudentFilter.sessionsOf(student, sessions);
            read = mailboxes.sentBy(student);
        }
        LessonProgress progress = new LessonProgress(lesson, read, catalogue);
        sessions.forEach(progress::read);
        return progress;
    }

    /** Reads a whole recorded connection: after-the-fact checking. */
    public void read(RecordedSession session) {
        Connection connection = connection(session.protocol());
        session.events().forEach(connection::accept);
        connection.ended();
    }

    /**
     * Each step's state. Mailboxes are read again only when the dialogues changed since the last call, or when
     * {@link #mailboxesChanged()} said so.
     */
    public List<StepStatus> steps() {
        if (statuses != null && evaluatedAt == facts.changes()) {
            return statuses;
        }
        evaluatedAt = facts.changes();
        List<StepStatus> all = new ArrayList<>();
        boolean currentFound = false;
        for (int i = 0; i < met.length; i++) {
            LessonStep step = lesson.steps().get(i);
            met[i] = met[i] || step.check().holds(facts, mailboxes);
            if (met[i]) {
                all.add(new StepStatus(step, StepStatus.State.MET, Optional.empty()));
                continue;
            }
            Optional<String> mistake = currentFound ? Optional.empty() : mistake(step);
            currentFound = true;
            all.add(new StepStatus(step, mistake.isPresent() ? StepStatus.State.MISTAKE : StepStatus.State.WAITING,
                    mistake));
        }
        statuses = List.copyOf(all);
        return statuses;
    }

    /**
     * Marks steps met that were met before, in an earlier run of the window (the lesson panel keeps them in the
     * user's configuration directory): a step once met stays met.
     *
     * @param steps indexes into the lesson's steps; those out of range are left out
     */
    public void restore(Collection<Integer> steps) {
        steps.stream().filter(i -> i >= 0 && i < met.length).forEach(i -> met[i] = true);
        evaluatedAt = -1;
    }

    /** The indexes of the steps met so far. */
    public Set<Integer> metSteps() {
        steps();
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < met.length; i++) {
            if (met[i]) {
                all.add(i);
            }
        }
        return all;
    }

    /**
     * What "Show me" does for the current step: the moves of the conditions of its check that the dialogues have
     * not met yet, in the order the check names them; none when the lesson is complete.
     */
    public List<Demonstration.Move> toShow() {
        return current().map(status -> Demonstration.of(status.step().check().conditions().stream()
                .filter(c -> !c.holds(facts, mailboxes)).toList())).orElse(List.of());
    }

    /** The store changed (a message was delivered): checks that read mailboxes are evaluated again. */
    public void mailboxesChanged() {
        evaluatedAt = -1;
    }

    /** The first step not met yet, if any. */
    public Optional<StepStatus> current() {
        return steps().stream().filter(s -> !s.isMet()).findFirst();
    }

    public boolean isComplete() {
        return current().isEmpty();
    }

    /**
     * A recognisable mistake: the last reply the student got was a refusal of something this step asks for.
     * Said in the catalogue's words ("The server answered 503 to RCPT: Bad sequence of commands …").
     */
    private Optional<String> mistake(LessonStep step) {
        Exchange last = facts.lastAnswered();
        if (last == null || last.reply().filter(Exchange.Reply::negative).isEmpty()
                || !step.check().verbs().contains(last.target())) {
            return Optional.empty();
        }
        Exchange.Reply reply = last.reply().orElseThrow();
        String sentence;
        String answered;
        if (last.protocol == MailProtocol.SMTP) {
            int code = Integer.parseInt(reply.code());
            answered = reply.enhanced() == null ? reply.code() : reply.code() + " " + reply.enhanced();
            sentence = catalogue.smtpReply(code, last.verb);
        } else {
            answered = reply.code() + " " + reply.text();
            sentence = catalogue.pop3Status(false);
        }
        return Optional.of(catalogue.eventSentence("lesson.mistake").replace("{reply}", answered.strip())
                .replace("{verb}", last.target()).replace("{sentence}", sentence));
    }
}
