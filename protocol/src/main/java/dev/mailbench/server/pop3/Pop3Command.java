package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;
import java.util.Set;

/**
 * The server's handler for one POP3 verb. The states it is valid in (RFC 1939 §3) are the verb's, as
 * {@link Pop3Verb} defines them, the same the client's guidance reads; the session's dispatcher answers
 * {@code -ERR} for every other state, so no handler checks its own.
 */
interface Pop3Command {

    Pop3Verb verb();

    /** The states in which the verb may be given: AUTHORIZATION, TRANSACTION or both. */
    default Set<Pop3Phase> validIn() {
        return verb().phases();
    }

    /** Carries out the command and sends its reply, seeing the connection only through {@code session}. */
    void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException;
}
