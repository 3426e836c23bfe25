package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Line;
import java.io.IOException;

/**
 * An AUTH exchange (RFC 4954 §4) as {@link AuthCommand} conducts it: {@code 334} challenges out, base64
 * responses in, and the transcript told that the lines between are the exchange's, not commands.
 */
public interface SmtpSaslExchange {

    /** The exchange begins; {@code firstStep} is 1 when the command carried an initial response. */
    void authExchangeStarted(String mechanism, int firstStep);

    /** The exchange is over, whatever its outcome. */
    void authExchangeEnded();

    /** Sends a challenge, with its decoded text for the transcript. */
    void send(SmtpReply reply, Annotation annotation) throws IOException;

    /** The client's next response. */
    Line readLine() throws IOException;
}
