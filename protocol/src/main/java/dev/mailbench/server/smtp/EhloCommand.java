package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 §4.1.1.1): the introduction that asks for the service extensions. The first line is the
 * personality's greeting, then one line per extension in {@link EhloExtensions}. No enhanced status code
 * (RFC 2034 §3). Like RSET, it ends any transaction (RFC 5321 §4.1.4).
 */
final class EhloCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 5321 §4.1.1.1's grammar. */
    static final String SYNTAX = SmtpVerb.EHLO.keyword() + " domain";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX);
        }
        connection.session().greet(argument, true);
        List<String> lines = new ArrayList<>();
        lines.add(connection.personality().text(SmtpReplies.S250_EHLO.personalityKey(), connection.values()));
        lines.addAll(EhloExtensions.lines(connection.context(), connection.session(), connection.personality()));
        String lastKey = SmtpReplies.KEY_PREFIX + "ehlo.last";
        if (connection.personality().has(lastKey)) {
            lines.add(connection.personality().text(lastKey, connection.values()));
        }
        return SmtpReplies.S250_EHLO.withLines(lines);
    }
}
