package dev.mailbench.sasl;

import dev.mailbench.wire.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lines a client will send for an AUTH exchange, worked out before sending, so a person sees the
 * base64 (and what it decodes to) first. For LOGIN the usual prompts "Username:" and "Password:" are
 * assumed; CRAM-MD5 can only answer the server's challenge once it has arrived. The AUTH line itself is
 * the protocol's to write (SMTP's and POP3's verb specifications): the caller passes its {@link AuthLine}.
 *
 * @param mechanism        the SASL mechanism, upper case
 * @param lines            the client's lines in order, each with its decoded meaning (secrets masked)
 * @param answersChallenge whether more lines follow that depend on the server's challenge
 */
public record SaslPreview(String mechanism, List<PreviewLine> lines, boolean answersChallenge) {

    /** One line the client will send; {@code annotation} is null for the AUTH command without a response. */
    public record PreviewLine(String line, Annotation annotation) {
        /** Whether the line itself carries a secret and is shown masked until revealed. */
        public boolean secret() {
            return annotation != null && annotation.secret();
        }
    }

    /**
     * Writes a protocol's AUTH command line, e.g. {@code SmtpVerb.AUTH::line} (RFC 4954 §4) or
     * {@code Pop3Verb.AUTH::line} (RFC 5034 §4).
     */
    @FunctionalInterface
    public interface AuthLine {
        /**
         * @param mechanism       the SASL mechanism's name
         * @param initialResponse the base64 initial response, or "" when there is none (left out of the line)
         */
        String line(String mechanism, String initialResponse);
    }

    public SaslPreview {
        lines = List.copyOf(lines);
    }

    /** The mechanisms a form can offer. */
    public static List<String> mechanisms() {
        return List.of("PLAIN", "LOGIN", "CRAM-MD5");
    }

    /** The preview of an exchange whose AUTH command line {@code authLine} writes. */
    public static SaslPreview of(AuthLine authLine, String mechanism, String user, String password) {
        String name = mechanism.toUpperCase(Locale.ROOT);
        SaslClientMechanism client = SaslClientMechanism.forName(name, user, password);
        List<PreviewLine> lines = new ArrayList<>();
        Optional<byte[]> initial = client.initialResponse();
        int step = 0;
        if (initial.isPresent()) {
            String base64 = SaslText.encode(initial.get());
            lines.add(new PreviewLine(authLine.line(name, base64), SaslText.response(name, step++, base64)));
        } else {
            lines.add(new PreviewLine(authLine.line(name, ""), null));
        }
        if (name.equals("LOGIN")) {
            for (String prompt : List.of("Username:", "Password:")) {
                String base64 = SaslText.encode(client.respond(prompt.getBytes(StandardCharsets.US_ASCII)));
                lines.add(new PreviewLine(base64, SaslText.response(name, step++, base64)));
            }
        }
        return new SaslPreview(name, lines, name.equals("CRAM-MD5"));
    }
}
