package dev.mailbench.ladder;

import dev.mailbench.explain.LineClass;

/**
 * What a ladder needs of one line, as a protocol's dialogue reader read it.
 *
 * @param part      the part the line plays
 * @param verb      for a command: its verb as written on the wire, or its first word when it is no known verb
 * @param answers   for a reply's line: the sequence number of the line its reply answers, {@link #CONNECTION} for
 *                  the greeting, {@link #UNSOLICITED} when nothing was waiting
 * @param completes for a reply's line: whether it is its reply's last
 * @param code      for a reply's line that completes it: the code and enhanced code ({@code 250 2.1.0}, {@code +OK})
 * @param lineClass for a reply's line that completes it: the reply's class
 * @param tlsDue    whether, after this line, TLS starts (a 220 to STARTTLS, +OK to STLS)
 */
record Reading(Part part, String verb, long answers, boolean completes, String code, LineClass lineClass,
               boolean tlsDue) {

    static final long CONNECTION = -1;
    static final long UNSOLICITED = -2;

    /** The parts a line plays in a ladder. */
    enum Part {
        NOTE,
        COMMAND,
        AUTH_RESPONSE,
        PARTIAL,
        MESSAGE_TEXT,
        END_OF_MESSAGE,
        /** The first line of a reply. */
        REPLY_START,
        /** A later line of a reply: a continuation, a line of a POP3 response's text, its final dot. */
        REPLY_MORE
    }

    static Reading of(Part part) {
        return new Reading(part, "", UNSOLICITED, false, "", LineClass.NOTE, false);
    }

    static Reading command(Part part, String verb) {
        return new Reading(part, verb, UNSOLICITED, false, "", LineClass.CLIENT, false);
    }
}
