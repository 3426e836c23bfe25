package dev.mailbench.authenticity;

import static dev.mailbench.authenticity.Resources.latin1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {

    private static final String MESSAGE = ""
            + "Authentication-Results: mx.example.org 1; (checked at the border)\r\n"
            + "  dkim=pass (good signature) header.d=example.test header.s=rsa2048;\r\n"
            + "  spf=fail reason=\"not in the sender's list\" smtp.mailfrom=alice@example.test;\r\n"
            + "  dmarc = none\r\n"
            + "Authentication-Results: liar.example.net; dkim=pass header.d=bank.example\r\n"
            + "Authentication-Results: mx.example.org; none\r\n"
            + "Authentication-Results: ; dkim\r\n"
            + "From: a@example.test\r\n\r\nHi\r\n";

    private static List<AuthenticationResults.Group> groups(String... trusted) {
        MessageAnalysis analysis = MessageAnalyzer.analyze(latin1(MESSAGE));
        return AuthenticationCheck.check(analysis, KeySource.NONE, List.of(trusted)).authenticationResults();
    }

    @Test
    void resultsAreParsedIntoMethodResultReasonAndProperties() {
        AuthenticationResults.Field field = groups().get(0).fields().get(0);

        assertThat(field.authservId()).isEqualTo("mx.example.org");
        assertThat(field.version()).isEqualTo("1");
        assertThat(field.results()).extracting(AuthenticationResults.Result::method,
                        AuthenticationResults.Result::result, AuthenticationResults.Result::reason)
                .containsExactly(tuple("dkim", "pass", null), tuple("spf", "fail", "not in the sender's list"),
                        tuple("dmarc", "none", null));
        assertThat(field.results().get(0).properties()).containsExactly(
                new AuthenticationResults.Property("header", "d", "example.test"),
                new AuthenticationResults.Property("header", "s", "rsa2048"));
        assertThat(field.results().get(0).comments()).containsExactly("checked at the border", "good signature");
    }

    @Test
    void fieldsAreGroupedByAuthservIdAndOnlyTrustedOnesCount() {
        List<AuthenticationResults.Group> groups = groups("MX.example.org");

        assertThat(groups).extracting(AuthenticationResults.Group::authservId, AuthenticationResults.Group::trusted,
                        g -> g.fields().size())
                .containsExactly(tuple("mx.example.org", true, 2), tuple("liar.example.net", false, 1), tuple("", false, 1));
        assertThat(groups.get(1).note()).startsWith("unverified claim").contains("RFC 8601 §5");
        assertThat(groups("nobody.example").get(0).trusted()).isFalse();
    }

    @Test
    void aMalformedFieldIsAFindingWithItsRule() {
        AuthenticationResults.Field broken = groups().get(2).fields().get(0);

        assertThat(broken.findings()).extracting(Finding::rule).containsOnly("RFC 8601 §2.2");
        assertThat(broken.findings()).hasSize(2);
    }

    @Test
    void aFieldWithoutResultsOrWithAResultItsMethodCannotHaveIsAFinding() {
        MessageAnalysis analysis = MessageAnalyzer.analyze(latin1(""
                + "Authentication-Results: list.example.test\r\n"
                + "Authentication-Results: list.example.test; dkim=passs header.d=bank.test; x-custom=whatever\r\n"
                + "Authentication-Results: list.example.test; none\r\n"
                + "From: a@example.test\r\n\r\nHi\r\n"));
        List<AuthenticationResults.Field> fields = AuthenticationCheck.check(analysis, KeySource.NONE,
                List.of("list.example.test")).authenticationResults().get(0).fields();

        assertThat(fields.get(0).findings()).extracting(Finding::message)
                .containsExactly("the field names list.example.test but no result, not even \"none\"");
        assertThat(fields.get(1).findings()).extracting(Finding::rule, Finding::message).containsExactly(tuple(
                "RFC 8601 §2.7", "\"passs\" is no result dkim= can have (none, pass, fail, policy, neutral, temperror,"
                        + " permerror)"));
        assertThat(fields.get(2).findings()).isEmpty();
    }
}
