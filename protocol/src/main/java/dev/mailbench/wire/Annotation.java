package dev.mailbench.wire;

import java.util.Objects;

/**
 * What a line means beyond its bytes, attached by the session that knows the context: for example the
 * decoded base64 of an AUTH exchange ({@code 334 VXNlcm5hbWU6} → "Username:").
 *
 * @param decoded  the explanation with any password masked, safe to show on a projector
 * @param revealed the same with secrets in clear, shown only when the user asks
 * @param secret   whether the event's raw bytes themselves carry a secret (base64 is not encryption), so a
 *                 view should mask them too until revealed
 */
public record Annotation(String decoded, String revealed, boolean secret) {
    public Annotation {
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(revealed, "revealed");
    }

    public static Annotation of(String decoded) {
        return new Annotation(decoded, decoded, false);
    }

    public static Annotation secret(String masked, String revealed) {
        return new Annotation(masked, revealed, true);
    }
}
