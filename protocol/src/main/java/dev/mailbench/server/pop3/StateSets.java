package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import java.util.Set;

/** The state sets of RFC 1939 §3 that commands are valid in. */
final class StateSets {
    static final Set<Pop3Phase> AUTHORIZATION = Set.of(Pop3Phase.AUTHORIZATION);
    static final Set<Pop3Phase> TRANSACTION = Set.of(Pop3Phase.TRANSACTION);
    static final Set<Pop3Phase> BOTH = Set.of(Pop3Phase.AUTHORIZATION, Pop3Phase.TRANSACTION);

    private StateSets() {
    }
}
