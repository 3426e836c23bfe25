package dev.mailbench.authenticity;

import java.util.List;

/**
 * Everything {@link AuthenticationCheck} found in one message.
 *
 * @param dkim                  each DKIM-Signature field, in the order they stand
 * @param arc                   the ARC chain
 * @param authenticationResults the Authentication-Results fields grouped by authserv-id
 * @param receivedTimeline      the hops, oldest first
 * @param dnsUsed               whether the DNS was asked for keys
 */
public record AuthenticationReport(List<DkimResult> dkim, ArcResult arc,
        List<AuthenticationResults.Group> authenticationResults, ReceivedTimeline receivedTimeline, boolean dnsUsed) {

    /** For {@code mailbench inspect}: the report as plain text. */
    public String toText() {
        return AuthenticationText.write(this);
    }
}
