package dev.mailbench.server.smtp;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.VerbInfo;
import dev.mailbench.smtp.SmtpReply;
import java.util.Locale;
import java.util.Optional;

/**
 * HELP (RFC 5321 §4.1.1.8): without argument the personality's {@code 214} text (Exchange's list of
 * commands, walkthrough 000); with a command name, that command's syntax from the explanation catalogue.
 */
final class HelpCommand implements SmtpCommand {
    private static final Catalogue CATALOGUE = Catalogue.english();

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (argument.isEmpty()) {
            return SmtpReplies.S214_HELP.renderLines(connection.personality(), connection.values());
        }
        String topic = argument.toUpperCase(Locale.ROOT);
        Optional<VerbInfo> verb = CATALOGUE.smtpVerb(topic);
        return verb.isPresent()
                ? connection.reply(SmtpReplies.S214_HELP_TOPIC, "syntax", verb.get().syntax())
                : connection.reply(SmtpReplies.S504_UNKNOWN_HELP_TOPIC, "topic", argument);
    }
}
