package dev.mailbench.server.smtp;

import dev.mailbench.sasl.SaslServerMechanism;
import dev.mailbench.server.Personality;
import dev.mailbench.smtp.SmtpVerb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service extensions the practice server offers in its EHLO reply, and only those: a personality may
 * order and spell them ({@code smtp.ehlo.extensions}), never add one the server does not implement.
 */
final class EhloExtensions {
    /** The legacy {@code AUTH=LOGIN} line of pre-RFC 2554 clients, listed only when a personality asks. */
    static final String LEGACY_AUTH = SmtpVerb.AUTH.keyword() + "=";

    private EhloExtensions() {
    }

    /** The extension lines (without the greeting line) for this session, in the personality's order. */
    static List<String> lines(SmtpServerContext context, Session session, Personality personality) {
        Map<String, String> offered = offered(context, session);
        boolean authOffered = offered.containsKey(SmtpVerb.AUTH.keyword());
        List<String> lines = new ArrayList<>();
        String order = personality.has(SmtpReplies.KEY_PREFIX + "ehlo.extensions")
                ? personality.text(SmtpReplies.KEY_PREFIX + "ehlo.extensions", Map.of()) : "";
        for (String token : order.trim().split("\\s+")) {
            String keyword = token.toUpperCase(Locale.ROOT);
            if (keyword.equals(LEGACY_AUTH)) {
                if (authOffered) {
                    lines.add(token + "LOGIN");
                }
                continue;
            }
            String parameters = offered.remove(keyword);
            if (parameters != null) {
                lines.add(parameters.isEmpty() ? token : token + " " + parameters);
            }
        }
        // Whatever the personality did not mention is still offered, at the end.
        offered.forEach((keyword, parameters) -> lines.add(parameters.isEmpty() ? keyword : keyword + " " + parameters));
        return lines;
    }

    /**
     * Keyword → parameters of every extension offered now. An extension that offers a verb has the verb's
     * keyword as its own, so those are read from {@link SmtpVerb}.
     */
    static Map<String, String> offered(SmtpServerContext context, Session session) {
        Map<String, String> offered = new LinkedHashMap<>();
        offered.put("PIPELINING", ""); // RFC 2920
        long max = context.limits().maxMessageSize();
        offered.put("SIZE", max > 0 ? Long.toString(max) : ""); // RFC 1870 §4
        offered.put(SmtpVerb.VRFY.keyword(), ""); // RFC 5321 §3.5.2
        offered.put(SmtpVerb.ETRN.keyword(), ""); // RFC 1985
        if (context.tls() != null && !session.isTls()) {
            offered.put(SmtpVerb.STARTTLS.keyword(), ""); // RFC 3207 §4.2: not again
        }
        if (context.classPolicy().passwordsAllowed(session.isTls())) {
            // RFC 4954 §3; not before STARTTLS when the server requires TLS for AUTH (RFC 4954 §4)
            offered.put(SmtpVerb.AUTH.keyword(), String.join(" ", SaslServerMechanism.NAMES));
        }
        offered.put("ENHANCEDSTATUSCODES", ""); // RFC 2034
        offered.put("8BITMIME", ""); // RFC 6152
        offered.put(SmtpVerb.HELP.keyword(), "");
        return offered;
    }
}
