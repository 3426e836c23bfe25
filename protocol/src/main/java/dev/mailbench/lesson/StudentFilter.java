package dev.mailbench.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which recorded connections are a student's: those that logged in (POP3 USER, AUTH PLAIN or LOGIN) or sent mail
 * (MAIL FROM) as that user. A connection that did neither (a bare EHLO) is nobody's and does not count.
 */
public final class StudentFilter {

    private StudentFilter() {
    }

    public static List<RecordedSession> sessionsOf(String student, List<RecordedSession> sessions) {
        String name = student.strip().toLowerCase(Locale.ROOT);
        return sessions.stream().filter(s -> identities(s).contains(name)).toList();
    }

    /** The users a connection logged in or sent mail as, lower case; empty for nobody's connection. */
    public static Set<String> identities(RecordedSession session) {
        SessionFacts facts = new SessionFacts(new Facts(), session.protocol());
        session.events().forEach(facts::accept);
        return facts.identities();
    }
}
