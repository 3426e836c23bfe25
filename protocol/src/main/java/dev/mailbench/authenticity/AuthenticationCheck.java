package dev.mailbench.authenticity;

import dev.mailbench.mime.MessageAnalysis;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entry point: every authentication check of one analysed message, offline unless {@code keys} goes to
 * the DNS.
 */
public final class AuthenticationCheck {

    private AuthenticationCheck() {
    }

    /**
     * @param analysis   the message, as {@code mime} read it
     * @param keys       where DKIM and ARC keys come from; {@link KeySource#NONE} checks what needs no key
     * @param trustedIds the authserv-ids whose Authentication-Results the user trusts (RFC 8601 §5)
     */
    public static AuthenticationReport check(MessageAnalysis analysis, KeySource keys, Collection<String> trustedIds) {
        MessageBytes message = new MessageBytes(analysis);
        Set<String> trusted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        trusted.addAll(trustedIds);
        return new AuthenticationReport(
                DkimVerifier.verify(message, keys),
                ArcVerifier.verify(message, keys),
                AuthenticationResults.read(analysis.headers(), trusted),
                ReceivedTimeline.of(analysis.receivedChain()),
                keys.usesDns());
    }
}
