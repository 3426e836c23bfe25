package dev.mailbench.tls;

import static dev.mailbench.tls.TestCertificates.A_YEAR_AGO;
import static dev.mailbench.tls.TestCertificates.IN_A_YEAR;
import static dev.mailbench.tls.TestCertificates.dns;
import static dev.mailbench.tls.TestCertificates.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostNameMatcherTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "mail.example.test,      mail.example.test,   true",
            "MAIL.Example.TEST,      mail.example.test,   true",   // case-insensitive, RFC 6125 §6.4.1
            "mail.example.test.,     mail.example.test,   true",   // the root's trailing dot is not part of the name
            "mail.example.test,      mail.example.test.,  true",
            "smtp.example.test,      mail.example.test,   false",
            "example.test,           mail.example.test,   false",
            "mail.example.test,      *.example.test,      true",   // RFC 6125 §6.4.3: one whole left-most label
            "a.mail.example.test,    *.example.test,      false",  // the wildcard covers exactly one label
            "example.test,           *.example.test,      false",
            ".example.test,          *.example.test,      false",
            "mail.example.test,      mail.*.test,         false",  // only the left-most label may be a wildcard
            "mail.example.test,      m*.example.test,     false",  // no partial-label wildcards
            "mail.example.test,      *.*.test,            false",
            "example.test,           *.test,              false",  // not a whole top-level domain
            "mail.example.test,      *,                   false",
            "*.example.test,         *.example.test,      false",  // a reference name is never a pattern
            "bücher.example.test,    xn--bcher-kva.example.test, true", // compared in A-label form
            "'',                     mail.example.test,   false",
    })
    void matchesDnsNamesAsRfc6125Describes(String host, String presented, boolean expected) {
        assertThat(HostNameMatcher.matchesDnsName(host, presented)).isEqualTo(expected);
    }

    @Test
    void aHostNameIsMatchedAgainstTheDnsNamesOfTheCertificate() {
        X509Certificate certificate = serverCertificate("Mail Server", dns("mail.example.test"), dns("*.mx.example.test"));

        assertThat(HostNameMatcher.matches("mail.example.test", certificate)).isTrue();
        assertThat(HostNameMatcher.matches("eu.mx.example.test", certificate)).isTrue();
        assertThat(HostNameMatcher.matches("pop.example.test", certificate)).isFalse();
    }

    @Test
    void theCommonNameIsIgnoredWhenTheCertificateHasDnsNames() {
        X509Certificate certificate = serverCertificate("legacy.example.test", dns("mail.example.test"));

        assertThat(HostNameMatcher.matches("legacy.example.test", certificate)).isFalse();
    }

    @Test
    void theCommonNameCountsOnlyWhenThereIsNoDnsName() {
        // RFC 6125 §6.4.4, for certificates issued before subjectAltName was universal
        X509Certificate withoutNames = serverCertificate("legacy.example.test");
        X509Certificate withOnlyAnAddress = serverCertificate("legacy.example.test", ip("192.0.2.7"));

        assertThat(HostNameMatcher.matches("legacy.example.test", withoutNames)).isTrue();
        assertThat(HostNameMatcher.matches("legacy.example.test", withOnlyAnAddress)).isTrue();
        assertThat(HostNameMatcher.matches("other.example.test", withoutNames)).isFalse();
    }

    @Test
    void anAddressMatchesOnlyAnIpAddressEntry() {
        X509Certificate certificate = serverCertificate("192.0.2.9", dns("192.0.2.7"), ip("192.0.2.8"), ip("::1"));

        assertThat(HostNameMatcher.matches("192.0.2.8", certificate)).isTrue();
        assertThat(HostNameMatcher.matches("192.0.2.7", certificate)).as("a DNS entry spelling an address").isFalse();
        assertThat(HostNameMatcher.matches("192.0.2.9", certificate)).as("the CN is never used for addresses").isFalse();
        assertThat(HostNameMatcher.matches("::1", certificate)).isTrue();
        assertThat(HostNameMatcher.matches("[0:0:0:0:0:0:0:1]", certificate)).isTrue();
        assertThat(HostNameMatcher.matches("::2", certificate)).isFalse();
    }

    @Test
    void ipLiteralsAreRecognisedWithoutAskingTheNameServer() {
        assertThat(IpLiteral.parse("127.0.0.1")).isPresent();
        assertThat(IpLiteral.parse("::1")).isPresent();
        assertThat(IpLiteral.parse("[2001:db8::25]")).isPresent();
        assertThat(IpLiteral.parse("256.1.1.1")).isEmpty();
        assertThat(IpLiteral.parse("127.1")).as("legacy short forms are names, not addresses").isEmpty();
        assertThat(IpLiteral.parse("mail.example.test")).isEmpty();
        assertThat(IpLiteral.parse("cafe:beef")).as("not a valid IPv6 literal").isEmpty();
        assertThat(IpLiteral.parse("dead")).isEmpty();
    }

    private static X509Certificate serverCertificate(String commonName, GeneralName... subjectAltNames) {
        return TestCertificates.selfSignedServer(commonName, A_YEAR_AGO, IN_A_YEAR, List.of(subjectAltNames))
                .certificate();
    }
}
