package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.practice.StudentDialogues;
import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mailbench class} over a class whose student01 did first-smtp by telnet and student02 with Mailbench's
 * client sessions, the practice server keeping their transcripts.
 */
class ClassCommandTest {
    @TempDir
    static Path dir;

    private static ClassRoster roster;
    private StringWriter out = new StringWriter();

    @BeforeAll
    static void aClassDidTheFirstLesson() throws Exception {
        DataDirectory data = DataDirectory.at(dir.resolve("data"));
        roster = ClassRoster.empty().withStudents(ClassRoster.numbered(4), new SecureRandom());
        roster.save(data);
        try (PracticeServer server = PracticeServer.start(roster.applyTo(data.loadOrCreateConfig().withPorts(0, 0)))) {
            StudentDialogues.firstSmtpByTelnet(server.smtpPort(), server.pop3Port(), "student01",
                    roster.students().get(0).password());
            StudentDialogues.firstSmtpByClientSession(server.smtpPort(), server.pop3Port(), "student02",
                    roster.students().get(1).password());
            StudentDialogues.messageWithoutSubjectByTelnet(server.smtpPort(), "student04");
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        return new CommandLine(new ClassCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true)).execute(args);
    }

    @Test
    void statusShowsBothWaysOfDoingTheLessonDone() {
        assertThat(run("status", "--data-dir", dir.resolve("data").toString())).as(out.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("student").contains("first-smtp", "pop3-read");
        int column = lines.get(0).indexOf("first-smtp");
        assertThat(lines).filteredOn(line -> line.startsWith("student01")).singleElement()
                .satisfies(line -> assertThat(line.substring(column)).startsWith("done"));
        assertThat(lines).filteredOn(line -> line.startsWith("student02")).singleElement()
                .satisfies(line -> assertThat(line.substring(column)).startsWith("done"));
        assertThat(lines).filteredOn(line -> line.startsWith("student03")).singleElement()
                .satisfies(line -> assertThat(line.substring(column)).startsWith("-"));
    }

    @Test
    void statusAsCsvIsAGradebook() {
        assertThat(run("status", "--csv", "--data-dir", dir.resolve("data").toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("student,lesson,steps done,completed at");
        assertThat(lines).anyMatch(line -> line.matches("student01,first-smtp,5,\\d{4}-\\d\\d-\\d\\dT.+Z"))
                .anyMatch(line -> line.matches("student02,first-smtp,5,\\d{4}-\\d\\d-\\d\\dT.+Z"))
                .contains("student03,first-smtp,0,");
    }

    /**
     * Everyone's messages reach alice's mailbox: student04's message without a Subject does not meet the step that
     * wants one there because student01 and student02 delivered theirs (the steps before it and QUIT are met: 3 of 5).
     */
    @Test
    void aStudentIsCreditedOnlyForTheMessagesTheStudentSent() {
        assertThat(run("status", "--csv", "--data-dir", dir.resolve("data").toString())).isZero();
        assertThat(out.toString().lines().toList()).contains("student04,first-smtp,3,");
    }

    @Test
    void accountsArePrintedForTheTeacher() {
        assertThat(run("accounts", "--csv", "--data-dir", dir.resolve("data").toString())).isZero();
        assertThat(out.toString().lines().toList()).containsExactly("account,name,password",
                "student01,student01," + roster.students().get(0).password(),
                "student02,student02," + roster.students().get(1).password(),
                "student03,student03," + roster.students().get(2).password(),
                "student04,student04," + roster.students().get(3).password());
        assertThat(run("accounts", "--data-dir", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("no class in");
    }

    @Test
    void theSheetIsWrittenAsHtmlAndPdfWithACardPerStudent() throws Exception {
        Path sheets = dir.resolve("sheets");
        assertThat(run("sheet", "--data-dir", dir.resolve("data").toString(), "--out", sheets.toString(),
                "--address", "192.0.2.10")).as(out.toString()).isZero();
        assertThat(Files.readString(sheets.resolve("class-sheet.html"))).contains("student03", "192.0.2.10",
                "send as student03@");
        String text;
        try (PDDocument pdf = Loader.loadPDF(sheets.resolve("class-sheet.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("student01", "student02", "student03", "192.0.2.10", "SMTP 2525, POP3 1110",
                "SHA-256", "first-smtp");
        for (ClassRoster.Member student : roster.students()) {
            assertThat(text).contains(student.password());
        }
    }
}
