package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;

/**
 * ETRN (RFC 1985): asks the server to start delivering mail queued for a node. Local mail is delivered the
 * moment it arrives, so nothing ever waits for a local domain ({@code 251}); mail for other domains is never
 * sent by a practice server, so it cannot start a queue for them ({@code 458}).
 */
final class EtrnCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 1985 §5's grammar. */
    static final String SYNTAX = SmtpVerb.ETRN.keyword() + " [@]domain";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        // RFC 1985 §3: ETRN SP [ "@" / "#" ] node, one argument only.
        if (argument.isEmpty() || argument.contains(" ")) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX);
        }
        String node = argument.startsWith("@") || argument.startsWith("#") ? argument.substring(1) : argument;
        if (!argument.startsWith("#") && connection.context().accounts().isLocalDomain(node)) {
            return connection.reply(SmtpReplies.S251_ETRN_NOTHING_WAITING, "domain", node);
        }
        return connection.reply(SmtpReplies.S458_ETRN_REFUSED, "domain", node);
    }
}
