package dev.mailbench.authenticity;

import java.util.List;

/**
 * A message's ARC chain (RFC 8617 §5.2).
 *
 * @param sets     the sets by instance, 1 first
 * @param status   {@code none} (no ARC fields), {@code pass}, {@code fail}, {@code no-key} (the structure holds
 *                 but some signature could not be checked without a key)
 * @param reason   a sentence saying why
 * @param findings what breaks the chain's structure (§5.1.1), or a signature, each with its rule
 */
public record ArcResult(List<ArcSet> sets, String status, String reason, List<Finding> findings) {
}
