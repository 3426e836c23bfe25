package dev.mailbench.server.pop3;

import dev.mailbench.sasl.SaslServerMechanism;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;

/**
 * CAPA (RFC 2449 §5): what this server offers. STLS is listed only while it can be used: before TLS, in
 * the AUTHORIZATION state (RFC 2595 §4). When the server requires TLS for passwords, USER and the SASL
 * mechanisms that send the password in clear are not listed before STLS (RFC 2595 §4's LOGINDISABLED, in
 * spirit: a client must not be invited to send a password in clear).
 */
final class CapaCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.CAPA;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        boolean clearText = session.context().classPolicy().passwordsAllowed(session.isTls());
        List<String> mechanisms = SaslServerMechanism.NAMES.stream()
                .filter(name -> clearText || !SaslServerMechanism.sendsPasswordInClear(name)).toList();
        List<String> capabilities = new ArrayList<>();
        // RFC 2449 §6: these capabilities are named after the verbs they offer.
        capabilities.add(Pop3Verb.TOP.name());
        if (clearText) {
            capabilities.add(Pop3Verb.USER.name());
        }
        capabilities.addAll(List.of(Pop3Verb.UIDL.name(), "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING",
                "SASL " + String.join(" ", mechanisms)));
        if (session.context().offersTls() && !session.isTls() && session.phase() == Pop3Phase.AUTHORIZATION) {
            capabilities.add(Pop3Verb.STLS.name());
        }
        capabilities.add("EXPIRE NEVER");
        capabilities.add("LOGIN-DELAY 0");
        capabilities.add("IMPLEMENTATION " + session.implementation());
        session.replyWithLines(Pop3ServerReply.CAPABILITIES, capabilities);
    }
}
