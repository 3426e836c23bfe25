/**
 * Whether a message is what it claims to be, checked offline: DKIM signatures (RFC 6376, RFC 8463) with the
 * body hash recomputed and the header signature verified when a key is known, ARC chains (RFC 8617),
 * Authentication-Results fields (RFC 8601) grouped by who wrote them, and the {@code Received:} timeline.
 *
 * <p>Start at {@link dev.mailbench.authenticity.AuthenticationCheck}. Keys come from a {@link
 * dev.mailbench.authenticity.KeySource}: records in zone-file form or pasted ({@link
 * dev.mailbench.authenticity.ZoneFileKeys}), or the DNS only when the caller asks ({@link
 * dev.mailbench.authenticity.DnsKeys}). Every finding names the rule it comes from and the bytes it is
 * about; a malformed field is a finding, never an exception. This package reads {@code mime}'s analysis and
 * knows no protocol session.
 */
package dev.mailbench.authenticity;
