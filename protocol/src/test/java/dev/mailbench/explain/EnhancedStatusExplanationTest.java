package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnhancedStatusExplanationTest {

    /**
     * The highest detail registered for each subject: RFC 3463 (X.0.0 to X.7.7) and the later
     * entries of the IANA registry (RFC 3886, 4468, 4954, 5248, 6531, 6710, 7293, 7372, 7505,
     * 8617, 8689 and the X.7.28 mail-flood entry).
     */
    private static final Map<Integer, Integer> LAST_DETAIL = Map.of(
            0, 0,
            1, 10,
            2, 4,
            3, 6,
            4, 7,
            5, 6,
            6, 10,
            7, 30);

    private final Catalogue catalogue = Catalogue.english();

    @Test
    void everyRegisteredSubjectAndDetailHasItsOwnSentence() {
        assertSoftly(softly -> LAST_DETAIL.forEach((subject, last) -> {
            for (int detail = 0; detail <= last; detail++) {
                softly.assertThat(catalogue.enhancedStatusExact(subject, detail))
                        .as("smtp.enhanced.%d.%d", subject, detail)
                        .isPresent();
            }
        }));
    }

    @Test
    void everySubjectHasAFallback() {
        for (int subject = 0; subject <= 7; subject++) {
            assertThat(catalogue.enhancedStatus(5, subject, 999))
                    .as("5.%d.999", subject)
                    .isNotEqualTo(catalogue.enhancedStatus(5, 99, 999));
        }
    }

    @Test
    void userUnknownReadsAsClassThenDetail() {
        assertThat(catalogue.enhancedStatus(5, 1, 1))
                .startsWith("Permanent failure")
                .contains("user unknown");
    }

    @Test
    void theSameDetailIsTemporaryOrPermanentByItsClass() {
        assertThat(catalogue.enhancedStatus(4, 2, 2)).startsWith("Persistent transient failure").contains("Mailbox full");
        assertThat(catalogue.enhancedStatus(5, 2, 2)).startsWith("Permanent failure").contains("Mailbox full");
        assertThat(catalogue.enhancedStatus(2, 1, 5)).startsWith("Success").contains("Destination address valid");
    }

    @Test
    void laterRegistrationsAreKnown() {
        assertThat(catalogue.enhancedStatus(5, 7, 8)).contains("credentials invalid");
        assertThat(catalogue.enhancedStatus(5, 7, 23)).contains("SPF validation failed");
        assertThat(catalogue.enhancedStatus(5, 1, 10)).contains("null MX");
    }

    @Test
    void unknownDetailFallsBackToItsSubject() {
        assertThat(catalogue.enhancedStatusExact(2, 99)).isEmpty();
        assertThat(catalogue.enhancedStatus(4, 2, 99))
                .startsWith("Persistent transient failure")
                .contains("recipient's mailbox");
        assertThat(catalogue.enhancedStatus(5, 7, 606))
                .startsWith("Permanent failure")
                .contains("Security or policy");
    }

    @Test
    void unknownSubjectLeavesOnlyTheClass() {
        assertThat(catalogue.enhancedStatus(5, 9, 1))
                .startsWith("Permanent failure")
                .contains("subject number is not one");
    }

    @Test
    void classesOtherThan245AndOverlongNumbersAreNotEnhancedCodes() {
        assertThat(catalogue.enhancedStatus(3, 1, 1)).contains("3.1.1").contains("not a valid enhanced status code");
        assertThat(catalogue.enhancedStatus(5, 1000, 1)).contains("5.1000.1").contains("not a valid");
        assertThat(catalogue.enhancedStatus(5, 1, -1)).contains("not a valid");
    }
}
