package dev.mailbench.app.practice;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.wire.MailProtocol;

/**
 * One connection the practice server accepted, with the server's own transcript of it.
 *
 * @param number     counted from 1 since the window opened
 * @param protocol   SMTP or POP3
 * @param remote     the client's address and port
 * @param openedAt   when it was accepted, local time
 * @param transcript the server's view of the dialogue: the same lines the client sees, from the other side
 */
public record ServerConnection(int number, MailProtocol protocol, String remote, LocalTime openedAt,
                               TranscriptViewModel transcript) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** How the connection list names it: {@code #3 SMTP from 127.0.0.1:50412 at 10:15:02}. */
    public String label() {
        return "#" + number + " " + protocol + " from " + remote + " at " + TIME.format(openedAt);
    }

    @Override
    public String toString() {
        return label();
    }
}
