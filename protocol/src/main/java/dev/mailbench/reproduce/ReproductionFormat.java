package dev.mailbench.reproduce;

import java.util.Locale;

/** The tools a session can be written out for, as a command that reproduces it. */
public enum ReproductionFormat {
    /** swaks, the Swiss Army Knife for SMTP (SMTP only). */
    SWAKS,
    /** curl's smtp://, smtps://, pop3:// and pop3s:// URLs. */
    CURL,
    /** {@code openssl s_client}, with the session's lines to paste. */
    OPENSSL;

    /** The name as {@code mailbench export --as} writes it: {@code swaks}, {@code curl}, {@code openssl}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the formats when {@code id} is none of them
     */
    public static ReproductionFormat of(String id) {
        for (ReproductionFormat format : values()) {
            if (format.id().equalsIgnoreCase(id.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("not a command format: " + id + " (use swaks, curl or openssl)");
    }
}
