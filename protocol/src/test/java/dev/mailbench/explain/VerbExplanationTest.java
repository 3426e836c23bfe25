package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.smtp.SmtpVerb;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VerbExplanationTest {

    private static final List<String> SMTP_VERBS = List.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "RSET",
            "VRFY", "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH", "ETRN", "BDAT", "TURN");
    private static final List<String> POP3_VERBS = List.of("USER", "PASS", "APOP", "AUTH", "CAPA", "STLS",
            "STAT", "LIST", "UIDL", "RETR", "TOP", "DELE", "RSET", "NOOP", "QUIT");
    private static final Pattern RFC_SECTION = Pattern.compile("RFC \\d+ §[\\d.]+");

    private final Catalogue catalogue = Catalogue.english();

    @Test
    void smtpVerbsComeInTheOrderOfTheirSpecification() {
        assertThat(catalogue.smtpVerbs()).extracting(VerbInfo::name)
                .containsExactlyElementsOf(Arrays.stream(SmtpVerb.values()).map(SmtpVerb::keyword).toList())
                .startsWith("HELO", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA")
                .containsAll(SMTP_VERBS);
    }

    @Test
    void pop3VerbsComeInTheCataloguesOrder() {
        assertThat(catalogue.pop3Verbs()).extracting(VerbInfo::name).containsExactlyElementsOf(POP3_VERBS);
    }

    @Test
    void everySmtpVerbIsFullyDescribed() {
        for (String name : SMTP_VERBS) {
            assertFullyDescribed(catalogue.smtpVerb(name).orElseThrow(() -> new AssertionError("no SMTP " + name)));
        }
    }

    @Test
    void everyPop3VerbIsFullyDescribed() {
        for (String name : POP3_VERBS) {
            assertFullyDescribed(catalogue.pop3Verb(name).orElseThrow(() -> new AssertionError("no POP3 " + name)));
        }
    }

    private static void assertFullyDescribed(VerbInfo verb) {
        assertThat(verb.syntax()).as("%s syntax", verb.name()).isNotBlank().startsWith(verb.name());
        assertThat(verb.purpose()).as("%s purpose", verb.name()).isNotBlank();
        assertThat(verb.rfcSection()).as("%s rfc", verb.name()).matches(RFC_SECTION);
        assertThat(verb.example()).as("%s example", verb.name()).isNotBlank()
                .matches(Pattern.quote(verb.name()) + "( .*)?");
    }

    @Test
    void mailIsDescribedAsRfc5321DefinesIt() {
        VerbInfo mail = catalogue.smtpVerb("MAIL").orElseThrow();
        assertThat(mail.syntax()).isEqualTo("MAIL FROM:<reverse-path> [SP mail-parameters]");
        assertThat(mail.rfcSection()).isEqualTo("RFC 5321 §4.1.1.2");
        assertThat(mail.example()).startsWith("MAIL FROM:<");
    }

    @Test
    void verbsAreLookedUpInAnyCase() {
        assertThat(catalogue.smtpVerb("rcpt")).isEqualTo(catalogue.smtpVerb("RCPT")).isPresent();
        assertThat(catalogue.pop3Verb(" top ").orElseThrow().syntax()).isEqualTo("TOP SP msg SP n");
    }

    @Test
    void smtpAndPop3AuthAreDifferentCommands() {
        assertThat(catalogue.smtpVerb("AUTH").orElseThrow().rfcSection()).startsWith("RFC 4954");
        assertThat(catalogue.pop3Verb("AUTH").orElseThrow().rfcSection()).startsWith("RFC 5034");
    }

    @Test
    void unknownVerbsAreNotInvented() {
        assertThat(catalogue.smtpVerb("XYZZY")).isEmpty();
        assertThat(catalogue.smtpVerb("RETR")).isEmpty();
        assertThat(catalogue.pop3Verb("EHLO")).isEmpty();
        assertThat(catalogue.pop3Verb(null)).isEmpty();
    }

    @Test
    void verbListsCannotBeChangedByCallers() {
        List<VerbInfo> verbs = catalogue.smtpVerbs();
        assertThatThrownBy(verbs::clear)
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
