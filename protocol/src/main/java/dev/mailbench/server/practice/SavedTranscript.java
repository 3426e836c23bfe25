package dev.mailbench.server.practice;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One connection to the practice server as its transcript file holds it ({@link TranscriptFile}): the server's
 * side of the dialogue (client lines incoming, server lines outgoing, the server's notes), passwords masked.
 *
 * @param file       where it was read from
 * @param protocol   SMTP or POP3; null when the file's first line is unreadable (then {@code problem} says so)
 * @param remote     the client's address and port
 * @param started    when the connection was accepted
 * @param users      the names the client logged in as (SMTP AUTH, a POP3 login), in order
 * @param senders    the MAIL FROM addresses the server accepted, in order ("" for the null sender)
 * @param transcript every event read, with the time, TLS flag, latency and octets it had (secret octets masked)
 * @param problem    what was wrong with the file, if anything (a last line cut short by a crash, a line that
 *                   is not an event); the events before the problem are in the transcript
 */
public record SavedTranscript(Path file, MailProtocol protocol, String remote, Instant started, Set<String> users,
                              Set<String> senders, Transcript transcript, Optional<String> problem) {
    public SavedTranscript {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(problem, "problem");
        users = Collections.unmodifiableSet(new LinkedHashSet<>(users));
        senders = Collections.unmodifiableSet(new LinkedHashSet<>(senders));
    }

    /** The events, in order. */
    public List<TranscriptEvent> events() {
        return transcript.events();
    }

    /**
     * Whether the session was a student's: it logged in as {@code student}, or sent mail as {@code student} or
     * as {@code student@} any domain (case does not matter). What {@code lesson check --student} selects.
     */
    public boolean isBy(String student) {
        String wanted = student.toLowerCase(Locale.ROOT);
        for (String user : users) {
            if (user.toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        for (String sender : senders) {
            String address = sender.toLowerCase(Locale.ROOT);
            int at = address.lastIndexOf('@');
            if (address.equals(wanted) || at > 0 && address.substring(0, at).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
