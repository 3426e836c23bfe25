package dev.mailbench.authenticity;

import java.io.IOException;
import java.util.Optional;

/** Where a verifier finds the key record of {@code selector._domainkey.domain} (RFC 6376 §3.6.2.1). */
public interface KeySource {

    /** A source with no keys: everything is checked that can be checked without one. */
    KeySource NONE = (selector, domain) -> Optional.empty();

    /**
     * The record, or empty when this source has none for the name.
     *
     * @throws IOException when the source could not be asked (a DNS server that does not answer)
     */
    Optional<KeyRecord> find(String selector, String domain) throws IOException;

    /** Whether asking this source goes to the network, so the user can be told. */
    default boolean usesDns() {
        return false;
    }

    /** This source first, then {@code next} for names this one does not know. */
    default KeySource orElse(KeySource next) {
        KeySource first = this;
        return new KeySource() {
            @Override
            public Optional<KeyRecord> find(String selector, String domain) throws IOException {
                Optional<KeyRecord> found = first.find(selector, domain);
                return found.isPresent() ? found : next.find(selector, domain);
            }

            @Override
            public boolean usesDns() {
                return first.usesDns() || next.usesDns();
            }
        };
    }

    /** The DNS name a key record lives at (RFC 6376 §3.6.2.1). */
    static String recordName(String selector, String domain) {
        return selector + "._domainkey." + domain;
    }
}
