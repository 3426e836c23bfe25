package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands the server knows, by verb: data the dispatcher reads, not a chain of ifs. */
final class Pop3CommandTable {
    private final Map<Pop3Verb, Pop3Command> commands = new EnumMap<>(Pop3Verb.class);

    Pop3CommandTable(List<Pop3Command> all) {
        for (Pop3Command command : all) {
            if (commands.put(command.verb(), command) != null) {
                throw new IllegalArgumentException("two handlers for " + command.verb());
            }
        }
    }

    /** Every verb of RFC 1939, 2449, 2595 and 5034 that the practice server implements. */
    static Pop3CommandTable standard() {
        return new Pop3CommandTable(List.of(
                new CapaCommand(), new StlsCommand(),
                new UserCommand(), new PassCommand(), new ApopCommand(), new AuthCommand(),
                new StatCommand(), new ListCommand(), new UidlCommand(), new RetrCommand(), new TopCommand(),
                new DeleCommand(), new RsetCommand(), new NoopCommand(), new QuitCommand()));
    }

    /** The handler for a keyword (case-insensitive, RFC 1939 §3), if the verb is known. */
    Optional<Pop3Command> lookup(String keyword) {
        return Pop3Verb.of(keyword).map(commands::get);
    }

    Collection<Pop3Command> commands() {
        return Collections.unmodifiableCollection(commands.values());
    }
}
