package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;

/**
 * The server's handling of one SMTP verb. A command reads and changes the connection's {@link Session}
 * and returns its final reply; commands with intermediate replies (DATA's 354, AUTH's 334) send those
 * through their {@link SmtpCommandContext} themselves: a command sees that narrow view of the connection,
 * never the whole {@link SmtpServerSession}. Cross-cutting rules (the command sequence, TLS or AUTH
 * required, injected faults) wrap commands instead of living inside them: see {@link Guards}.
 */
@FunctionalInterface
public interface SmtpCommand {

    /**
     * @param connection what the command sees of the connection: its session, context, personality,
     *                   replies, and the roles of DATA, AUTH and STARTTLS
     * @param argument   the text after the verb, leading spaces removed ("" when none)
     * @return the reply to send, or null when the command has already answered (STARTTLS)
     */
    SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException;
}
