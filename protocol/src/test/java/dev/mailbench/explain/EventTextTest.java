package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTextTest {

    private final Transcript transcript = new Transcript();

    @Test
    void aLineIsShownWithoutItsEndingUnlessEndingsAreShown() {
        TranscriptEvent ok = record(Direction.SERVER, "250 OK\r\n", null);

        assertThat(EventText.display(ok, false, false)).isEqualTo("250 OK");
        assertThat(EventText.display(ok, true, false)).isEqualTo("250 OK␍␊");
    }

    @Test
    void aBareLfShowsAsALineFeedAlone() {
        TranscriptEvent bare = transcript.record(Direction.CLIENT, ".\n".getBytes(StandardCharsets.US_ASCII), false,
                EnumSet.of(LineIssue.BARE_LF), null);

        assertThat(EventText.display(bare, true, false)).isEqualTo(".␊");
        // a bare LF breaks RFC 5321 §2.3.8, so it shows even when line endings are hidden
        assertThat(EventText.display(bare, false, false)).isEqualTo(".␊");
    }

    @Test
    void controlOctetsNeverBreakTheLineButTabsStay() {
        TranscriptEvent odd = record(Direction.SERVER, "250 a\rb\tc\u0000\r\n", null);

        assertThat(EventText.display(odd, false, false)).isEqualTo("250 a␍b\tc␀");
        assertThat(EventText.display(odd, true, false)).isEqualTo("250 a␍b␉c␀␍␊");
    }

    @Test
    void octetsThatAreNotUtf8ShowInHexAndNeverAsTheReplacementCharacter() {
        byte[] octets = {'2', '5', '0', ' ', (byte) 0xC3, '(', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, (byte) 0xE2,
            (byte) 0x82, '\r', '\n'};
        TranscriptEvent odd = transcript.record(Direction.SERVER, octets, false, Set.of(), null);

        assertThat(EventText.display(odd, false, false)).isEqualTo("250 ⟨C3⟩(é⟨FF⟩⟨E2⟩⟨82⟩");
        assertThat(EventText.display(odd, true, false)).isEqualTo("250 ⟨C3⟩(é⟨FF⟩⟨E2⟩⟨82⟩␍␊");
    }

    @Test
    void secretsAreMaskedButTheVerbAndMechanismStay() {
        TranscriptEvent pass = record(Direction.CLIENT, "PASS hunter2\r\n",
                Annotation.secret("PASS ••••••", "PASS hunter2"));
        TranscriptEvent plain = record(Direction.CLIENT, "AUTH PLAIN AGFsaWNlAGh1bnRlcjI=\r\n",
                SaslText.response("PLAIN", 0, "AGFsaWNlAGh1bnRlcjI="));
        TranscriptEvent login = record(Direction.CLIENT, "aHVudGVyMg==\r\n", SaslText.response("LOGIN", 1, "aHVudGVyMg=="));

        assertThat(EventText.display(pass, false, false)).isEqualTo("PASS " + SaslText.MASK);
        assertThat(EventText.display(pass, true, false)).isEqualTo("PASS " + SaslText.MASK + "␍␊");
        assertThat(EventText.display(pass, false, true)).isEqualTo("PASS hunter2");
        assertThat(EventText.display(plain, false, false)).isEqualTo("AUTH PLAIN " + SaslText.MASK);
        assertThat(EventText.display(login, false, false)).isEqualTo(SaslText.MASK);
        assertThat(EventText.display(login, true, true)).isEqualTo("aHVudGVyMg==␍␊");
    }

    @Test
    void aLineWithoutASecretIsNeverMasked() {
        TranscriptEvent user = record(Direction.CLIENT, "AUTH LOGIN\r\n", null);
        TranscriptEvent name = record(Direction.CLIENT, "YWxpY2U=\r\n", SaslText.response("LOGIN", 0, "YWxpY2U="));

        assertThat(EventText.isSecret(user)).isFalse();
        assertThat(EventText.isSecret(name)).isFalse();
        assertThat(EventText.display(name, false, false)).isEqualTo("YWxpY2U=");
    }

    private TranscriptEvent record(Direction direction, String bytes, Annotation annotation) {
        return transcript.record(direction, bytes.getBytes(StandardCharsets.UTF_8), false, Set.of(), annotation);
    }
}
