package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The sender and subject a mailbox list shows, decoded, from any message, good or bad. */
class MessageSummaryTest {

    private static MessageSummary of(String message) throws Exception {
        return MessageSummary.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encodedWordsAreDecodedAndFoldedFieldsUnfolded() throws Exception {
        MessageSummary summary = of("From: =?UTF-8?Q?Ren=C3=A9e?= <renee@example.test>\r\n"
                + "Subject: =?ISO-8859-1?B?R3L832U=?= from\r\n the class\r\n\r\nbody\r\n");

        assertThat(summary).isEqualTo(new MessageSummary("Renée <renee@example.test>", "Grüße from the class"));
    }

    @Test
    void missingFieldsAreEmptyAndAnUnknownCharsetKeepsTheText() throws Exception {
        MessageSummary summary = of("Subject: =?x-unknown?Q?abc?=\r\n\r\nbody\r\n");

        assertThat(summary.from()).isEmpty();
        assertThat(summary.subject()).isEqualTo("=?x-unknown?Q?abc?=");
    }

    @Test
    void aMessageThatIsNotOneStillGivesASummary() throws Exception {
        assertThat(of("")).isEqualTo(new MessageSummary("", ""));
        assertThat(of("no header here at all\n\n")).isEqualTo(new MessageSummary("", ""));
    }
}
