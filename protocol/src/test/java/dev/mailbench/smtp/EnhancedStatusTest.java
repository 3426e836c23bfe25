package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnhancedStatusTest {

    @Test
    void parsesClassSubjectAndDetail() {
        EnhancedStatus relayDenied = EnhancedStatus.parse("5.7.1");

        assertThat(relayDenied.klass()).isEqualTo(5);
        assertThat(relayDenied.subject()).isEqualTo(7);
        assertThat(relayDenied.detail()).isEqualTo(1);
        assertThat(relayDenied).hasToString("5.7.1");
    }

    @Test
    void isFoundOnlyAtTheStartOfReplyTextAndFollowedBySpaceOrEnd() {
        assertThat(EnhancedStatus.atStartOf("2.1.5 test@myrocode.com")).contains(new EnhancedStatus(2, 1, 5));
        assertThat(EnhancedStatus.atStartOf("4.7.0")).contains(new EnhancedStatus(4, 7, 0));
        assertThat(EnhancedStatus.atStartOf("5.123.999 text")).contains(new EnhancedStatus(5, 123, 999));
        assertThat(EnhancedStatus.atStartOf("2.1.5ok")).isEmpty();
        assertThat(EnhancedStatus.atStartOf("OK 2.1.5")).isEmpty();
        assertThat(EnhancedStatus.atStartOf("2.1")).isEmpty();
        assertThat(EnhancedStatus.atStartOf("2.1000.1 too many digits")).isEmpty();
    }

    @Test
    void theClassIsSuccessOrTransientOrPermanentFailureOnly() {
        // RFC 3463 §3.1: classes 2, 4 and 5; there is no 3.x.x.
        assertThat(EnhancedStatus.atStartOf("3.1.1 text")).isEmpty();
        assertThatThrownBy(() -> new EnhancedStatus(3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnhancedStatus.parse("Sender OK")).isInstanceOf(IllegalArgumentException.class);
    }
}
