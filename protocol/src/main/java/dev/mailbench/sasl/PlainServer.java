package dev.mailbench.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * PLAIN (RFC 4616), the server side: one message {@code [authzid] NUL authcid NUL passwd} in UTF-8. Without
 * an initial response the server sends an empty challenge first (RFC 4616 §2, RFC 4954 §4).
 *
 * <p>The practice server lets no one act for another user: the authorization identity must be empty or
 * name the same mailbox as the authentication identity.
 */
public final class PlainServer implements SaslServerMechanism {
    /** RFC 4616 §2: each of authzid, authcid and passwd is at most 255 octets. */
    private static final int MAX_FIELD = 255;

    private final CredentialsCheck credentials;
    private boolean done;

    public PlainServer(CredentialsCheck credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public SaslStep start(Optional<byte[]> initialResponse) {
        if (initialResponse.isPresent()) {
            return step(initialResponse.get());
        }
        return new SaslStep.Challenge(new byte[0]);
    }

    @Override
    public SaslStep step(byte[] response) {
        if (done) {
            throw new IllegalStateException("the PLAIN exchange is already over");
        }
        done = true;
        int first = indexOfNul(response, 0);
        int second = first < 0 ? -1 : indexOfNul(response, first + 1);
        if (second < 0 || indexOfNul(response, second + 1) >= 0) {
            return SaslStep.rejected(SaslStep.Reason.MALFORMED,
                    "PLAIN expects authzid, NUL, user name, NUL, password (RFC 4616 §2)");
        }
        Optional<String> authzid = utf8(response, 0, first);
        Optional<String> authcid = utf8(response, first + 1, second);
        Optional<String> password = utf8(response, second + 1, response.length);
        if (authzid.isEmpty() || authcid.isEmpty() || password.isEmpty()) {
            return SaslStep.rejected(SaslStep.Reason.MALFORMED, "PLAIN fields must be UTF-8 (RFC 4616 §2)");
        }
        if (authcid.get().isEmpty() || password.get().isEmpty()) {
            return SaslStep.rejected(SaslStep.Reason.MALFORMED, "PLAIN needs a user name and a password (RFC 4616 §2)");
        }
        if (first > MAX_FIELD || second - first - 1 > MAX_FIELD || response.length - second - 1 > MAX_FIELD) {
            return SaslStep.rejected(SaslStep.Reason.MALFORMED, "PLAIN fields are at most 255 octets (RFC 4616 §2)");
        }
        if (!credentials.verifyPassword(authcid.get(), password.get())) {
            return SaslStep.rejected(SaslStep.Reason.BAD_CREDENTIALS, "user name or password is wrong");
        }
        String user = credentials.mailboxOf(authcid.get()).orElseThrow();
        String requested = authzid.get();
        if (!requested.isEmpty() && !credentials.mailboxOf(requested).map(user::equals).orElse(false)) {
            return SaslStep.rejected(SaslStep.Reason.AUTHORIZATION_DENIED,
                    user + " may not act as " + requested + " (RFC 4616 §2 authorization identity)");
        }
        return new SaslStep.Authenticated(user);
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    static Optional<String> utf8(byte[] bytes, int from, int to) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
