package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3State;
import dev.mailbench.pop3.Pop3Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server's command table against the client's idea of which verbs are legal when: one protocol, two sides. */
class Pop3CommandTableTest {

    private final Pop3CommandTable table = Pop3CommandTable.standard();

    @Test
    void everyVerbMailbenchKnowsHasAHandler() {
        assertThat(table.commands()).extracting(Pop3Command::verb).containsExactlyInAnyOrder(Pop3Verb.values());
        for (Pop3Verb verb : Pop3Verb.values()) {
            assertThat(table.lookup(verb.name().toLowerCase())).as("%s, any case (RFC 1939 §3)", verb)
                    .hasValueSatisfying(command -> assertThat(command.verb()).isEqualTo(verb));
        }
        assertThat(table.lookup("HELO")).isEmpty();
        assertThat(table.lookup("")).isEmpty();
    }

    @Test
    void everyCommandIsValidInTheStatesItsVerbNames() {
        // RFC 1939 §3: one definition of the states, read by the dispatcher and by the client's guidance
        for (Pop3Command command : table.commands()) {
            assertThat(command.validIn()).as("%s", command.verb()).isEqualTo(command.verb().phases());
        }
    }

    @Test
    void theServerAcceptsInEachStateWhatTheClientOffersThere() {
        // The client's most permissive view: before CAPA, with an APOP timestamp, USER given, no TLS yet.
        Pop3State authorization = new Pop3State(Pop3Phase.AUTHORIZATION, false, true, true, List.of());
        Pop3State transaction = new Pop3State(Pop3Phase.TRANSACTION, false, false, true, List.of());

        assertThat(validIn(Pop3Phase.AUTHORIZATION)).isEqualTo(authorization.legalVerbs());
        assertThat(validIn(Pop3Phase.TRANSACTION)).isEqualTo(transaction.legalVerbs());
    }

    private Set<Pop3Verb> validIn(Pop3Phase phase) {
        return table.commands().stream().filter(c -> c.validIn().contains(phase)).map(Pop3Command::verb)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Pop3Verb.class)));
    }

    @Test
    void commandLinesSplitAsRfc1939Says() {
        Pop3CommandLine top = Pop3CommandLine.parse("top 1  10");
        assertThat(top.keyword()).isEqualTo("TOP");
        assertThat(top.arguments()).containsExactly("1", "10");

        Pop3CommandLine pass = Pop3CommandLine.parse("PASS my secret ");
        assertThat(pass.argumentText()).isEqualTo("my secret "); // RFC 1939 §7: spaces belong to the password
        assertThat(Pop3CommandLine.parse("STAT").arguments()).isEmpty();
    }
}
