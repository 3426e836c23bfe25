package dev.mailbench.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** MX lookups (RFC 5321 §5.1) against a DNS server on loopback that the test starts and fills. */
class MxLookupTest {

    private static LoopbackDns dns;
    private static MxLookup lookup;

    static Name name(String text) throws Exception {
        return Name.fromString(text);
    }

    /** example.test has two MX hosts, listed worst first; nomx.test only an address; nullmx.test a null MX. */
    static List<Record> zone() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        return List.of(
                new MXRecord(name("example.test."), DClass.IN, 300, 20, name("mx-b.example.test.")),
                new MXRecord(name("example.test."), DClass.IN, 300, 10, name("mx-a.example.test.")),
                new ARecord(name("mx-a.example.test."), DClass.IN, 300, loopback),
                new ARecord(name("mx-b.example.test."), DClass.IN, 300, loopback),
                new ARecord(name("nomx.test."), DClass.IN, 300, loopback),
                new MXRecord(name("nullmx.test."), DClass.IN, 300, 0, Name.root));
    }

    @BeforeAll
    static void start() throws Exception {
        dns = new LoopbackDns(zone(), Set.of(name("gone.test.")));
        lookup = MxLookup.at(dns.address(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void mxHostsComeInPreferenceOrderWithTheirAddresses() throws Exception {
        List<MailExchanger> exchangers = lookup.lookup("example.test");

        assertThat(exchangers).extracting(MailExchanger::name).containsExactly("mx-a.example.test", "mx-b.example.test");
        assertThat(exchangers).extracting(MailExchanger::preference).containsExactly(10, 20);
        assertThat(exchangers.get(0).addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(exchangers).noneMatch(MailExchanger::implicit);
        assertThat(dns.questions).contains("example.test. MX", "mx-a.example.test. A", "mx-a.example.test. AAAA");
    }

    @Test
    void aDomainWithoutMxIsItsOwnImplicitMx() throws Exception {
        assertThat(lookup.lookup("nomx.test")).singleElement().satisfies(exchanger -> {
            assertThat(exchanger.name()).isEqualTo("nomx.test");
            assertThat(exchanger.implicit()).isTrue();
            assertThat(exchanger.preference()).isZero();
        });
    }

    @Test
    void aMissingDomainANullMxAndADomainWithNothingAreSaidInWords() {
        assertThatThrownBy(() -> lookup.lookup("gone.test")).isInstanceOf(MxLookup.NoMailExchangers.class)
                .hasMessage("the domain gone.test does not exist (DNS answered NXDOMAIN)");
        assertThatThrownBy(() -> lookup.lookup("nullmx.test")).hasMessageContaining("accepts no mail (RFC 7505)");
        assertThatThrownBy(() -> lookup.lookup("empty.test")).hasMessageContaining("no MX record and no address");
    }

    @Test
    void aFailedLookupIsAnMxVerdictNotAnError() {
        List<Diagnosis> diagnoses = Diagnoser.diagnose("gone.test", lookup, DiagnosisOptions.defaults());

        assertThat(diagnoses).singleElement().satisfies(diagnosis -> {
            assertThat(diagnosis.check("mx").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(diagnosis.check("mx").orElseThrow().evidence()).containsExactly(1);
            assertThat(diagnosis.check("connect").orElseThrow().verdict()).isEqualTo(Verdict.SKIP);
            assertThat(diagnosis.failed()).isTrue();
        });
    }

    @Test
    void resolverAddressesAreReadWithOrWithoutAPort() throws Exception {
        assertThat(MxLookup.at("127.0.0.1", Duration.ofSeconds(1))).isNotNull();
        assertThat(MxLookup.at("[::1]:5353", Duration.ofSeconds(1))).isNotNull();
        assertThatThrownBy(() -> MxLookup.at("127.0.0.1:dns", Duration.ofSeconds(1)))
                .hasMessageContaining("not a resolver port");
    }
}
