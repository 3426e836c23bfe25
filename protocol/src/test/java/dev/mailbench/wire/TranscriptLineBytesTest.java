package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A transcript packs its lines' octets into shared arrays ({@link LineBytes}); each event still reads back
 * exactly the octets it was given, however the lines fall across the arrays, and nothing the caller does to its
 * own array afterwards changes them.
 */
class TranscriptLineBytesTest {

    @Test
    void everyLineReadsBackExactlyAcrossManyArraysAndLongLines() {
        Transcript transcript = new Transcript();
        Random random = new Random(42);
        List<byte[]> sent = new ArrayList<>();
        // enough for several of the largest arrays, with lines of every size up to one that gets its own array
        for (int i = 0; i < 20_000; i++) {
            int length = i % 2_000 == 0 ? 70_000 + random.nextInt(1_000) : 1 + random.nextInt(i % 7 == 0 ? 3_000 : 80);
            byte[] line = new byte[length];
            random.nextBytes(line);
            sent.add(line.clone());
            transcript.record(Direction.SERVER, line, false, Set.of(), null);
            Arrays.fill(line, (byte) 0); // the caller reuses its buffer
        }

        List<TranscriptEvent> events = transcript.events();
        assertThat(events).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            TranscriptEvent event = events.get(i);
            byte[] expected = sent.get(i);
            assertThat(event.bytes()).as("line %d", i).isEqualTo(expected);
            assertThat(event.length()).isEqualTo(expected.length);
            assertThat(event.byteAt(0)).isEqualTo(expected[0]);
            assertThat(event.byteAt(expected.length - 1)).isEqualTo(expected[expected.length - 1]);
        }
    }

    @Test
    void aLineIsReadAsItsOwnTextAndNoFurther() {
        Transcript transcript = new Transcript();
        TranscriptEvent first = transcript.record(Direction.SERVER, ascii("+OK 2 messages\r\n"), false, Set.of(), null);
        TranscriptEvent second = transcript.record(Direction.SERVER, ascii("1 120\r\n"), false, Set.of(), null);

        assertThat(first.text()).isEqualTo("+OK 2 messages\r\n");
        assertThat(first.line()).isEqualTo("+OK 2 messages");
        assertThat(first.printable()).isEqualTo("+OK 2 messages␍␊");
        assertThat(second.line()).isEqualTo("1 120");
        assertThatThrownBy(() -> first.byteAt(first.length()))
                .as("the octet after a line belongs to the next one").isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(first).isNotEqualTo(second);
        assertThat(first).isEqualTo(transcript.events().get(0));

        byte[] target = new byte[20];
        int next = second.copyTo(0, target, first.copyTo(4, target, 0));
        assertThat(new String(target, 0, next, StandardCharsets.US_ASCII)).isEqualTo("2 messages\r\n1 120\r\n");
        assertThatThrownBy(() -> first.copyTo(first.length() + 1, target, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
