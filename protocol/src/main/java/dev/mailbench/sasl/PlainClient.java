package dev.mailbench.sasl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** PLAIN (RFC 4616): one message, {@code [authzid] NUL authcid NUL passwd}, in UTF-8. */
public final class PlainClient implements SaslClientMechanism {
    private final byte[] message;

    public PlainClient(String authorizationId, String user, String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(authorizationId.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(password.getBytes(StandardCharsets.UTF_8));
        this.message = out.toByteArray();
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public Optional<byte[]> initialResponse() {
        return Optional.of(message.clone());
    }

    /** RFC 4616 §2: a server that sends an (empty) challenge instead of taking an initial response gets the same message. */
    @Override
    public byte[] respond(byte[] challenge) {
        return message.clone();
    }
}
