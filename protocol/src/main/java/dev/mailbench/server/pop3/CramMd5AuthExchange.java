package dev.mailbench.server.pop3;

import dev.mailbench.sasl.CramMd5Client;
import dev.mailbench.server.Accounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CRAM-MD5 (RFC 2195): the server sends a unique challenge; the client answers with its name and the
 * HMAC-MD5 of the challenge keyed with the shared secret, so the password never crosses the wire. The server
 * needs the secret in recoverable form, so only accounts that keep one can use it.
 */
final class CramMd5AuthExchange implements AuthExchange {
    private static final Pattern RESPONSE = Pattern.compile("(.+) ([0-9a-f]{32})");

    private final Accounts accounts;
    private final byte[] challenge;

    CramMd5AuthExchange(Accounts accounts, String challenge) {
        this.accounts = accounts;
        this.challenge = challenge.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String mechanism() {
        return "CRAM-MD5";
    }

    @Override
    public Step start(Optional<byte[]> initialResponse) {
        if (initialResponse.isPresent()) {
            return new Malformed("CRAM-MD5 starts with the server's challenge; an initial response is not allowed");
        }
        return new Challenge(challenge.clone());
    }

    @Override
    public Step step(byte[] response) {
        String method = "AUTH CRAM-MD5";
        Matcher m = RESPONSE.matcher(new String(response, StandardCharsets.UTF_8));
        if (!m.matches()) {
            return new Malformed("CRAM-MD5 expects the user name, a space and 32 lower-case hex digits (RFC 2195 §2)");
        }
        String user = m.group(1);
        if (accounts.mailboxOf(user).isEmpty()) {
            return new Finished(LoginAttempt.refused(method, user, Pop3ServerReply.AUTH_FAILED));
        }
        Optional<String> secret = accounts.sharedSecret(user);
        if (secret.isEmpty()) {
            return new Finished(LoginAttempt.refused(method, user, Pop3ServerReply.SHARED_SECRET_NOT_ENABLED));
        }
        byte[] expected = CramMd5Client.digest(secret.get(), challenge).getBytes(StandardCharsets.US_ASCII);
        byte[] given = m.group(2).getBytes(StandardCharsets.US_ASCII);
        return new Finished(new LoginAttempt(method, user, () -> MessageDigest.isEqual(expected, given),
                Pop3ServerReply.AUTH_FAILED));
    }
}
