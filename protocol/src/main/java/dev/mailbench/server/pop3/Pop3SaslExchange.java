package dev.mailbench.server.pop3;

import dev.mailbench.wire.Line;
import java.io.IOException;
import java.util.Optional;

/**
 * An AUTH exchange (RFC 5034 §4) as {@link AuthCommand} conducts it: {@code +} challenges out, base64
 * responses in, and the transcript told that the lines between are the exchange's, not commands.
 */
interface Pop3SaslExchange {

    /** The exchange begins; {@code firstStep} is 1 when the command carried an initial response. */
    void authExchangeStarted(String mechanism, int firstStep);

    /** The exchange is over, whatever its outcome. */
    void authExchangeEnded();

    /** A SASL challenge, {@code + base64}, annotated with its decoded text. */
    void challenge(byte[] challenge) throws IOException;

    /** The client's next response; empty when it was too long and has been answered. */
    Optional<Line> readAuthResponse() throws IOException;
}
