package dev.mailbench.server.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Accounts;
import dev.mailbench.store.MailStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class's accounts: made, kept in the data directory for the owner only, made again without losing mail. */
class ClassRosterTest {
    @TempDir
    Path dir;

    @Test
    void aClassOfThirtyIsMadeAndMadeAgainWithoutLosingPasswordsOrMail() throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        ClassRoster first = ClassRoster.load(data).withStudents(ClassRoster.numbered(30), new SecureRandom());
        first.save(data);
        assertThat(first.students()).hasSize(30);
        assertThat(first.students().get(0).account()).isEqualTo("student01");
        assertThat(first.students().get(29).account()).isEqualTo("student30");
        assertThat(first.students()).allSatisfy(student ->
                assertThat(student.password()).matches("[" + ReadablePasswords.ALPHABET + "]{4}(-[" + ReadablePasswords.ALPHABET + "]{4}){2}")
                        .doesNotContainPattern("[0o1li]"));
        assertThat(first.students().stream().map(ClassRoster.Member::password).distinct()).hasSize(30);
        assertThat(Files.getPosixFilePermissions(data.classFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        ServerConfig config = first.applyTo(data.loadOrCreateConfig());
        MailStore store = MailStore.open(data.mailStore());
        store.deliver(List.of("student07"), new ByteArrayInputStream("Subject: kept\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(config.accounts().verifyPassword("student07", first.students().get(6).password())).isTrue();
        assertThat(config.accounts().lists().get("class")).hasSize(30).contains("student01", "student30");
        assertThat(config.classroom().students()).hasSize(30).doesNotContain("teacher", "alice");

        // the same command again: the same accounts, passwords and mail
        ClassRoster again = ClassRoster.load(data).withStudents(ClassRoster.numbered(30), new SecureRandom());
        again.save(data);
        assertThat(again.students()).isEqualTo(first.students());
        assertThat(again.teacher()).isEqualTo(first.teacher());
        assertThat(store.listMessages("student07")).hasSize(1);
        Accounts accounts = again.applyTo(data.loadOrCreateConfig()).accounts();
        assertThat(accounts.verifyPassword("student07", first.students().get(6).password())).isTrue();
        assertThat(accounts.account("alice")).isPresent();   // the server's other accounts stay

        // a bigger class keeps the thirty and adds two
        ClassRoster bigger = ClassRoster.load(data).withStudents(ClassRoster.numbered(32), new SecureRandom());
        assertThat(bigger.students()).hasSize(32).startsWith(first.students().toArray(ClassRoster.Member[]::new));
    }

    @Test
    void namesFromACsvAreMadeSafeForAMailboxAndShownAsGiven() throws Exception {
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, "name,group\n\"María José O'Neil\",A\nZoë Ünal\n\nAna\nana\n", StandardCharsets.UTF_8);
        List<String> names = ClassRoster.namesFromCsv(csv);
        assertThat(names).containsExactly("María José O'Neil", "Zoë Ünal", "Ana", "ana");
        ClassRoster roster = ClassRoster.empty().withStudents(names, new SecureRandom());
        assertThat(roster.students()).extracting(ClassRoster.Member::account)
                .containsExactly("maria.jose.o.neil", "zoe.unal", "ana", "ana.2");
        assertThat(roster.students()).extracting(ClassRoster.Member::name)
                .containsExactly("María José O'Neil", "Zoë Ünal", "Ana", "ana");
        DataDirectory data = DataDirectory.at(dir.resolve("data"));
        roster.save(data);
        assertThat(ClassRoster.load(data).students()).isEqualTo(roster.students());
    }

    @Test
    void resetDeletesTheClassTheirMailboxesAndTheirProgress() throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        ClassRoster roster = ClassRoster.empty().withStudents(ClassRoster.numbered(3), new SecureRandom());
        roster.save(data);
        MailStore store = MailStore.open(data.mailStore());
        store.deliver(List.of("student02"), new ByteArrayInputStream("Subject: x\r\n\r\n.\r\n".getBytes(StandardCharsets.US_ASCII)));
        store.deliver(List.of("alice"), new ByteArrayInputStream("Subject: x\r\n\r\n.\r\n".getBytes(StandardCharsets.US_ASCII)));
        Files.createDirectories(data.transcripts());

        List<String> deleted = ClassRoster.reset(data);

        assertThat(deleted).contains("mailbox student02", "the kept transcripts");
        assertThat(data.classFile()).doesNotExist();
        assertThat(store.listMessages("student02")).isEmpty();
        assertThat(store.listMessages("alice")).hasSize(1);
        assertThat(ClassRoster.load(data).isEmpty()).isTrue();
    }
}
