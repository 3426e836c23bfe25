package dev.mailbench.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.mime.MessageAnalyzer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the authentication fields hold, the check reports findings and never throws. */
class ArbitraryFieldsTest {

    private static final ZoneFileKeys KEYS = Resources.keys("keys.zone");

    @Property(tries = 100)
    void anyFieldValueIsReportedNotThrown(@ForAll("names") String name, @ForAll("values") String value) {
        byte[] message = (name + ": " + value + "\r\nFrom: a@example.test\r\nReceived: by x; " + value
                + "\r\n\r\nHi\r\n").getBytes(StandardCharsets.ISO_8859_1);

        AuthenticationReport report = AuthenticationCheck.check(MessageAnalyzer.analyze(message), KEYS, List.of("x"));

        assertThat(AuthenticationJson.tree(report, Catalogue.english())).isNotNull();
        assertThat(report.toText()).startsWith("Authentication\n");
        report.dkim().forEach(r -> assertThat(r.verdict()).isNotNull());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("DKIM-Signature", "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results",
                "Authentication-Results");
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> pieces = Arbitraries.of("v=1", "a=rsa-sha256", "a=ed25519-sha256", "a=rsa-sha1", "c=relaxed",
                "c=simple/relaxed", "c=/", "d=example.test", "s=rsa2048", "s=ed", "h=from", "h=From:To:", "bh=", "bh=AAAA",
                "b=", "b=AAAA", "l=0", "l=99999999999", "l=-1", "i=1", "i=0", "i=51", "cv=none", "cv=pass", "cv=fail",
                "t=1", "x=0", "i=@example.test", "q=dns/txt", "=", "==", "(", ")", "\"", "dkim=pass", "reason=\"x",
                "header.d=example.test", "none", "\r\n ", " ", "\t", ";", ":", "é", "x.y=z", "/", "\\");
        return pieces.list().ofMaxSize(14).map(list -> String.join(";", list));
    }
}
