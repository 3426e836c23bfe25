package dev.mailbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MaildirFileNameTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:00:00.123456789Z"), ZoneOffset.UTC);

    @Test
    void uniqueNamesFollowTheMaildirSpecShape() {
        UniqueNameGenerator names = new UniqueNameGenerator(CLOCK, 4242, "mail.example.test");

        String name = names.next();

        assertThat(name).matches("1709294400\\.M123456P4242Q\\d+\\.mail\\.example\\.test");
        assertThat(MaildirFileName.isValidUid(name)).isTrue();
    }

    @Test
    void everyNameOfTheSameMicrosecondDiffers() {
        UniqueNameGenerator names = new UniqueNameGenerator(CLOCK, 4242, "host");

        assertThat(names.next()).isNotEqualTo(names.next());
    }

    @Test
    void hostNamesAreSanitisedAsTheSpecSaysAndKeptShort() {
        // Maildir spec: "replace / with \057 and : with \072"
        assertThat(UniqueNameGenerator.sanitiseHost("a/b:c")).isEqualTo("a\\057b\\072c");
        assertThat(UniqueNameGenerator.sanitiseHost("my host")).isEqualTo("my_host");
        assertThat(UniqueNameGenerator.sanitiseHost("")).isEqualTo("localhost");
        assertThat(UniqueNameGenerator.sanitiseHost("x".repeat(100))).hasSize(UniqueNameGenerator.MAX_HOST_LENGTH);
    }

    @Test
    void theLongestNameThisStoreMakesIsStillAValidUid() {
        UniqueNameGenerator names = new UniqueNameGenerator(
                Clock.fixed(Instant.parse("2286-11-20T17:46:39.999999Z"), ZoneOffset.UTC),
                Integer.MAX_VALUE, "h".repeat(200));
        String name = names.next().replaceFirst("Q\\d+", "Q" + Long.MAX_VALUE);

        assertThat(name.length()).isLessThanOrEqualTo(MaildirFileName.MAX_UID_LENGTH);
        assertThat(MaildirFileName.parse(name).orElseThrow().uid()).isEqualTo(name);
    }

    @Test
    void theUidIsTheUniquePartAndIgnoresTheInfoAddedInCur() {
        MaildirFileName inNew = MaildirFileName.parse("1709294400.M1P2Q3.host").orElseThrow();
        MaildirFileName inCur = MaildirFileName.parse("1709294400.M1P2Q3.host:2,S").orElseThrow();

        assertThat(inCur.unique()).isEqualTo("1709294400.M1P2Q3.host");
        assertThat(inCur.info()).isEqualTo("2,S");
        assertThat(inCur.uid()).isEqualTo(inNew.uid()).isEqualTo("1709294400.M1P2Q3.host");
    }

    @Test
    void foreignNamesThatAreNoValidUidGetAStableDigest() {
        String longName = "1709294400." + "x".repeat(80) + ".host";
        String uid = MaildirFileName.parse(longName).orElseThrow().uid();

        assertThat(MaildirFileName.isValidUid(uid)).isTrue();
        assertThat(uid).isEqualTo(MaildirFileName.parse(longName).orElseThrow().uid())
                .isNotEqualTo(MaildirFileName.parse(longName + "2").orElseThrow().uid());
        assertThat(MaildirFileName.parse("caf\u00e9").orElseThrow().uid()).matches("h[0-9a-f]{40}");
    }

    @Test
    void hiddenFilesAreNoMessages() {
        assertThat(MaildirFileName.parse(".nfs0001")).isEmpty();
        assertThat(MaildirFileName.parse(":2,S")).isEmpty();
    }

    @Test
    void timeAndDeliveryCountAreReadFromTheName() {
        MaildirFileName ours = MaildirFileName.parse("1709294400.M000042P7Q19.host").orElseThrow();
        MaildirFileName postfix = MaildirFileName.parse("1137764424.Vfe04I16e1M435392.dexter").orElseThrow();
        MaildirFileName other = MaildirFileName.parse("inbox-message-1").orElseThrow();

        assertThat(ours.time()).contains(Instant.parse("2024-03-01T12:00:00.000042Z"));
        assertThat(ours.deliveryCount()).isEqualTo(19);
        assertThat(postfix.time()).contains(Instant.ofEpochSecond(1137764424, 435_392_000));
        assertThat(postfix.deliveryCount()).isZero();
        assertThat(other.time()).isEmpty();
    }
}
