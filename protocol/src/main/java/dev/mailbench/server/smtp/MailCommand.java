package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Locale;

/**
 * MAIL FROM (RFC 5321 §4.1.1.2): starts a transaction with the reverse-path and its parameters: SIZE
 * (RFC 1870), BODY (RFC 6152), AUTH (RFC 4954 §5, accepted and ignored). Others get {@code 555}.
 */
final class MailCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 5321 §4.1.1.2's grammar. */
    static final String SYNTAX = SmtpVerb.MAIL.keyword() + " FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        PathArgument.Parsed parsed = PathArgument.parse(argument, "FROM", true);
        if (parsed.path().isEmpty()) {
            return parsed.problem() == PathArgument.Problem.SYNTAX
                    ? connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX)
                    : connection.reply(SmtpReplies.S501_BAD_SENDER, "address", parsed.offending());
        }
        PathArgument path = parsed.path().get();
        OptionalLong size = OptionalLong.empty();
        String body = "7BIT";
        for (Map.Entry<String, String> parameter : path.parameters().entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    // RFC 1870 §6: SIZE=<decimal octets>
                    if (!value.matches("\\d{1,18}")) {
                        return connection.reply(SmtpReplies.S501_BAD_SIZE);
                    }
                    size = OptionalLong.of(Long.parseLong(value));
                    long max = connection.context().limits().maxMessageSize();
                    if (max > 0 && size.getAsLong() > max) {
                        // RFC 1870 §6.1: a declared size above the fixed limit is refused at once with 552.
                        return connection.reply(SmtpReplies.S552_TOO_BIG);
                    }
                }
                case "BODY" -> {
                    String type = value.toUpperCase(Locale.ROOT);
                    if (!type.equals("7BIT") && !type.equals("8BITMIME")) {
                        return connection.reply(SmtpReplies.S555_UNSUPPORTED_PARAMETER, "parameter", "BODY=" + value);
                    }
                    body = type;
                }
                case "AUTH" -> {
                    // RFC 4954 §5: the original submitter; a practice server records nothing about it.
                }
                default -> {
                    return connection.reply(SmtpReplies.S555_UNSUPPORTED_PARAMETER, "parameter", parameter.getKey());
                }
            }
        }
        connection.session().beginTransaction(new Envelope(path.address(), size, body));
        return connection.reply(SmtpReplies.S250_SENDER_OK, "address", path.address());
    }
}
