package dev.mailbench.app.session;

import java.util.List;
import java.util.Optional;

import dev.mailbench.explain.VerbInfo;

/**
 * What the command line knows of the session's verbs while a command is typed: the verbs a command may
 * start with now, with their syntax, and the verb a mistyped first word most likely meant. Both come from
 * the protocol's verb specifications.
 */
public interface CommandVerbs {

    /** No hints: a command line not tied to a session. */
    CommandVerbs NONE = new CommandVerbs() {
        @Override
        public List<VerbInfo> now() {
            return List.of();
        }

        @Override
        public Optional<VerbInfo> nearest(String commandLine) {
            return Optional.empty();
        }
    };

    /** The verbs a command may start with now, in dialogue order; none inside DATA, an AUTH exchange or unconnected. */
    List<VerbInfo> now();

    /** The verb a command line whose first word is no verb most likely meant (RCTP → RCPT). */
    Optional<VerbInfo> nearest(String commandLine);
}
