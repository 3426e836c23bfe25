package dev.mailbench.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * CRAM-MD5 (RFC 2195), the server side: the challenge is a unique message-id-like string
 * {@code <random.timestamp@host>}; the client answers with its user name, a space, and the lower-case hex
 * HMAC-MD5 (RFC 2104) of the challenge keyed with the shared secret.
 *
 * <p>The server must therefore know the secret itself, not just a hash of it: an account that keeps only a
 * hash cannot use CRAM-MD5, and the exchange fails with {@link SaslStep.Reason#NO_SHARED_SECRET} saying so.
 */
public final class CramMd5Server implements SaslServerMechanism {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{32}");

    private final CredentialsCheck credentials;
    private final Supplier<String> challenges;
    private byte[] challenge;
    private boolean done;

    /** Challenges of the form {@code <random.timestamp@hostName>} (RFC 2195 §2). */
    public CramMd5Server(CredentialsCheck credentials, String hostName) {
        this(credentials, () -> challengeFor(hostName, Clock.systemUTC()));
    }

    /** With a given source of challenges; each must be unique (RFC 2195 §2), tests use the RFC's example. */
    public CramMd5Server(CredentialsCheck credentials, Supplier<String> challenges) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
    }

    /** A fresh challenge {@code <random.timestamp@host>}, the form RFC 2195 §2 shows. */
    public static String challengeFor(String hostName, Clock clock) {
        long random = RANDOM.nextLong() & Long.MAX_VALUE;
        return "<" + random + "." + clock.millis() + "@" + hostName + ">";
    }

    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public SaslStep start(Optional<byte[]> initialResponse) {
        if (initialResponse.isPresent()) {
            // RFC 4954 §4: the server speaks first in CRAM-MD5, so an initial response is a protocol error.
            done = true;
            return SaslStep.rejected(SaslStep.Reason.MALFORMED,
                    "CRAM-MD5 starts with the server's challenge; an initial response is not allowed");
        }
        challenge = challenges.get().getBytes(StandardCharsets.US_ASCII);
        return new SaslStep.Challenge(challenge);
    }

    @Override
    public SaslStep step(byte[] response) {
        if (done || challenge == null) {
            throw new IllegalStateException("the CRAM-MD5 exchange is " + (done ? "already over" : "not started"));
        }
        done = true;
        Optional<String> text = PlainServer.utf8(response, 0, response.length);
        int space = text.map(t -> t.lastIndexOf(' ')).orElse(-1);
        if (space <= 0 || !DIGEST.matcher(text.get().substring(space + 1)).matches()) {
            return SaslStep.rejected(SaslStep.Reason.MALFORMED,
                    "CRAM-MD5 expects the user name, a space and 32 lower-case hex digits (RFC 2195 §2)");
        }
        String login = text.get().substring(0, space);
        byte[] digest = text.get().substring(space + 1).getBytes(StandardCharsets.US_ASCII);
        Optional<String> user = credentials.mailboxOf(login);
        Optional<String> secret = credentials.sharedSecret(login);
        if (user.isPresent() && secret.isEmpty()) {
            return SaslStep.rejected(SaslStep.Reason.NO_SHARED_SECRET, "the account " + user.get()
                    + " keeps only a password hash, so CRAM-MD5 cannot check it; use PLAIN or LOGIN (over TLS)");
        }
        // An unknown user costs the same HMAC as a known one, so the answer's timing tells nothing.
        String expected = CramMd5Client.digest(secret.orElse("\u0000no such user"), challenge);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), digest);
        if (user.isEmpty() || !match) {
            return SaslStep.rejected(SaslStep.Reason.BAD_CREDENTIALS, "user name or digest is wrong");
        }
        return new SaslStep.Authenticated(user.get());
    }
}
