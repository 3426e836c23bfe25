package dev.mailbench.pop3;

import dev.mailbench.sasl.ApopDigest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The POP3 verb specification: the lines it builds, and the legality it defines. */
class Pop3VerbTest {

    @Test
    void login() {
        assertThat(Pop3Verb.USER.line(" alice ")).isEqualTo("USER alice");
        assertThat(Pop3Verb.PASS.line("two words")).isEqualTo("PASS two words");
        assertThat(Pop3Verb.PASS.line(" spaced ")).as("RFC 1939 §7: the password as typed").isEqualTo("PASS  spaced ");
    }

    @Test
    void apopDigestIsTheOneFromRfc1939() {
        // RFC 1939 §7, the example of the APOP command
        String digest = ApopDigest.of("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf");
        assertThat(Pop3Verb.APOP.line("mrose", digest)).isEqualTo("APOP mrose c4c9334bac560ecc979e58001b3e22fb");
    }

    @Test
    void messageNumbers() {
        assertThat(Pop3Verb.LIST.line("")).isEqualTo("LIST");
        assertThat(Pop3Verb.UIDL.line(" 2")).isEqualTo("UIDL 2");
        assertThat(Pop3Verb.RETR.line("1")).isEqualTo("RETR 1");
        assertThat(Pop3Verb.DELE.line("3")).isEqualTo("DELE 3");
        assertThat(Pop3Verb.TOP.line("1", "10")).isEqualTo("TOP 1 10");
        assertThat(Pop3Verb.STAT.line()).isEqualTo("STAT");
        assertThatThrownBy(() -> Pop3Verb.RETR.line()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pop3Verb.STAT.line("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesFromAFormsValuesByArgumentName() {
        assertThat(Pop3Verb.TOP.line(Map.of("message", "2", "lines", "0"))).isEqualTo("TOP 2 0");
        assertThat(Pop3Verb.LIST.line(Map.of())).isEqualTo("LIST");
        assertThat(Pop3Verb.AUTH.line(Map.of("mechanism", "PLAIN"))).isEqualTo("AUTH PLAIN");
    }

    @Test
    void theSyntaxNamesTheArguments() {
        for (Pop3Verb verb : Pop3Verb.values()) {
            List<String> words = List.of(verb.syntax().split(" "));
            assertThat(words.get(0)).isEqualTo(verb.name());
            assertThat(words.subList(1, words.size())).as("%s", verb).hasSameSizeAs(verb.arguments());
            for (int i = 0; i < verb.arguments().size(); i++) {
                assertThat(words.get(i + 1).startsWith("[")).as("%s argument %d optional", verb, i)
                        .isEqualTo(verb.arguments().get(i).optional());
            }
        }
    }

    @Test
    void multiLineAnswers() {
        // RFC 1939 §3, §5, §7 and RFC 2449 §5
        assertThat(Pop3Verb.expectsMultiLine("list")).isTrue();
        assertThat(Pop3Verb.expectsMultiLine("LIST 1")).isFalse();
        assertThat(Pop3Verb.expectsMultiLine("UIDL")).isTrue();
        assertThat(Pop3Verb.expectsMultiLine("RETR 1")).isTrue();
        assertThat(Pop3Verb.expectsMultiLine("TOP 1 0")).isTrue();
        assertThat(Pop3Verb.expectsMultiLine("CAPA")).isTrue();
        assertThat(Pop3Verb.expectsMultiLine("STAT")).isFalse();
        assertThat(Pop3Verb.expectsMultiLine("XYZZY")).isFalse();
    }

    @Test
    void everyVerbIsValidInAuthorizationOrTransactionOnly() {
        // RFC 1939 §3: commands are given in AUTHORIZATION or TRANSACTION; none in UPDATE
        for (Pop3Verb verb : Pop3Verb.values()) {
            assertThat(verb.phases()).as("%s", verb).isNotEmpty()
                    .isSubsetOf(Pop3Phase.AUTHORIZATION, Pop3Phase.TRANSACTION);
        }
        assertThat(Pop3Verb.RETR.isValidIn(Pop3Phase.AUTHORIZATION)).isFalse();
        assertThat(Pop3Verb.QUIT.isValidIn(Pop3Phase.AUTHORIZATION)).isTrue();
        assertThat(Pop3Verb.QUIT.isValidIn(Pop3Phase.TRANSACTION)).isTrue();
    }

    @Test
    void passOnlyAfterUser() {
        Pop3State fresh = new Pop3State(Pop3Phase.AUTHORIZATION, false, false, false, List.of());
        Pop3State userGiven = new Pop3State(Pop3Phase.AUTHORIZATION, false, true, false, List.of());

        assertThat(fresh.isLegal(Pop3Verb.PASS)).isFalse();
        assertThat(userGiven.isLegal(Pop3Verb.PASS)).isTrue();
        assertThat(userGiven.isLegal(Pop3Verb.USER)).as("another name may be given instead").isTrue();
    }

    @Test
    void stlsOnlyBeforeTlsAndOnlyIfOffered() {
        // RFC 2595 §4
        Pop3State plain = new Pop3State(Pop3Phase.AUTHORIZATION, false, false, false, List.of());
        Pop3State secured = new Pop3State(Pop3Phase.AUTHORIZATION, true, false, false, List.of());
        Pop3State notOffered = new Pop3State(Pop3Phase.AUTHORIZATION, false, false, false, List.of("USER"));

        assertThat(plain.isLegal(Pop3Verb.STLS)).isTrue();
        assertThat(secured.isLegal(Pop3Verb.STLS)).isFalse();
        assertThat(notOffered.isLegal(Pop3Verb.STLS)).isFalse();
        assertThat(Pop3Verb.STLS.conditions()).extracting(Pop3Condition::rfcSection).containsOnly("RFC 2595 §4");
    }

    @Test
    void optionalCommandsOnlyIfCapaListsThem() {
        // RFC 2449 §6.1, §6.3, §6.8: before CAPA anything may be tried; after it, only what it listed
        Pop3State unknown = new Pop3State(Pop3Phase.TRANSACTION, false, false, false, List.of());
        Pop3State listed = new Pop3State(Pop3Phase.TRANSACTION, false, false, false, List.of("TOP", "UIDL"));
        Pop3State bare = new Pop3State(Pop3Phase.TRANSACTION, false, false, false, List.of("USER"));

        assertThat(unknown.legalVerbs()).contains(Pop3Verb.TOP, Pop3Verb.UIDL);
        assertThat(listed.legalVerbs()).contains(Pop3Verb.TOP, Pop3Verb.UIDL);
        assertThat(bare.legalVerbs()).doesNotContain(Pop3Verb.TOP, Pop3Verb.UIDL).contains(Pop3Verb.RETR, Pop3Verb.LIST);

        Pop3State noSasl = new Pop3State(Pop3Phase.AUTHORIZATION, false, false, false, List.of("USER"));
        Pop3State sasl = new Pop3State(Pop3Phase.AUTHORIZATION, false, false, false, List.of("SASL PLAIN"));
        assertThat(noSasl.isLegal(Pop3Verb.AUTH)).isFalse();
        assertThat(sasl.isLegal(Pop3Verb.AUTH)).isTrue();
    }

    @Test
    void nothingIsLegalOutsideTheTwoStates() {
        for (Pop3Phase phase : List.of(Pop3Phase.DISCONNECTED, Pop3Phase.AWAITING_GREETING, Pop3Phase.AUTH_EXCHANGE,
                Pop3Phase.UPDATE, Pop3Phase.CLOSED)) {
            assertThat(new Pop3State(phase, false, true, true, List.of()).legalVerbs()).as("%s", phase).isEmpty();
        }
    }

    @Test
    void theForwardStepsAreUserPassThenReadingTheMailboxAndQuit() {
        Pop3State fresh = new Pop3State(Pop3Phase.AUTHORIZATION, false, false, false, List.of());
        Pop3State userGiven = new Pop3State(Pop3Phase.AUTHORIZATION, false, true, false, List.of());
        Pop3State secured = new Pop3State(Pop3Phase.AUTHORIZATION, true, false, false, List.of());
        Pop3State open = new Pop3State(Pop3Phase.TRANSACTION, false, false, false, List.of());
        assertThat(fresh.forwardVerbs()).containsExactlyInAnyOrder(Pop3Verb.STLS, Pop3Verb.USER);
        assertThat(secured.forwardVerbs()).containsExactly(Pop3Verb.USER);
        assertThat(userGiven.forwardVerbs()).containsExactly(Pop3Verb.PASS);
        assertThat(open.forwardVerbs())
                .containsExactlyInAnyOrder(Pop3Verb.STAT, Pop3Verb.LIST, Pop3Verb.RETR, Pop3Verb.QUIT)
                .doesNotContain(Pop3Verb.NOOP, Pop3Verb.RSET, Pop3Verb.DELE);
    }

    @Test
    void theVerbsThatGiveTheServerACredentialArePassApopAndAuth() {
        assertThat(Arrays.stream(Pop3Verb.values()).filter(Pop3Verb::givesCredentials))
                .containsExactly(Pop3Verb.PASS, Pop3Verb.APOP, Pop3Verb.AUTH);
    }
}
