package dev.mailbench.lesson;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TranscriptEvent;
import java.util.List;
import java.util.Objects;

/**
 * One connection's transcript as it was kept: its protocol and its events in order (the server's view or the
 * client's; a dialogue reader reads both the same).
 *
 * @param name     where it came from, for messages ({@code transcripts/0003-smtp.txt})
 * @param protocol SMTP or POP3
 * @param events   from the greeting on
 */
public record RecordedSession(String name, MailProtocol protocol, List<TranscriptEvent> events) {
    public RecordedSession {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        events = List.copyOf(events);
    }
}
