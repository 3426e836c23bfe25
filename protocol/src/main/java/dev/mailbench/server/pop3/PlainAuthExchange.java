package dev.mailbench.server.pop3;

import dev.mailbench.server.Accounts;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PLAIN (RFC 4616): one message, {@code [authzid] NUL authcid NUL passwd}, usually sent as the initial
 * response. Acting for another user (an authzid other than the authcid) is not offered, so such a claim fails.
 */
final class PlainAuthExchange implements AuthExchange {
    private final Accounts accounts;

    PlainAuthExchange(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String mechanism() {
        return "PLAIN";
    }

    @Override
    public Step start(Optional<byte[]> initialResponse) {
        // RFC 4616 §2: the client speaks first; without an initial response an empty challenge invites it.
        return initialResponse.map(this::step).orElseGet(() -> new Challenge(new byte[0]));
    }

    @Override
    public Step step(byte[] response) {
        String method = "AUTH PLAIN";
        int first = indexOfNul(response, 0);
        int second = first < 0 ? -1 : indexOfNul(response, first + 1);
        if (second < 0 || indexOfNul(response, second + 1) >= 0) {
            return new Malformed("PLAIN expects [authorization id] NUL user NUL password (RFC 4616 §2)");
        }
        String authzid = new String(response, 0, first, StandardCharsets.UTF_8);
        String authcid = new String(response, first + 1, second - first - 1, StandardCharsets.UTF_8);
        String password = new String(response, second + 1, response.length - second - 1, StandardCharsets.UTF_8);
        if (!authzid.isEmpty() && !authzid.equalsIgnoreCase(authcid)) {
            return new Finished(LoginAttempt.refused(method, authcid, Pop3ServerReply.AUTH_FAILED));
        }
        return new Finished(new LoginAttempt(method, authcid, () -> accounts.verifyPassword(authcid, password),
                Pop3ServerReply.AUTH_FAILED));
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
