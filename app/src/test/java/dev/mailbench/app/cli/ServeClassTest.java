package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --class-reset}: nothing is deleted without a typed yes; with it, the class starts over. */
class ServeClassTest {
    @TempDir
    Path dir;

    @Test
    void classResetDeletesOnlyAfterYes() throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        ClassRoster before = ClassRoster.empty().withStudents(ClassRoster.numbered(2), new SecureRandom());
        before.save(data);

        StringWriter out = new StringWriter();
        int refused = new CommandLine(new ServeCommand(input("no\n"))).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true)).execute("--data-dir", dir.toString(), "--class-reset", "--class", "2");
        assertThat(refused).isEqualTo(1);
        assertThat(out.toString()).contains("2 student accounts", "not confirmed; nothing was deleted");
        assertThat(ClassRoster.load(data).students()).isEqualTo(before.students());

        StringWriter served = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(input("yes\n"))).setOut(new PrintWriter(served, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute("--data-dir", dir.toString(), "--class-reset",
                "--class", "2", "--smtp-port", "0", "--pop3-port", "0")));
        serving.setDaemon(true);
        serving.start();
        try {
            ServeCommandTest.awaitText(served, "Press Ctrl-C to stop.");
            assertThat(served.toString()).contains("Deleted ", "class.csv (2 accounts)", "CLASS MODE: 2 students");
            ClassRoster after = ClassRoster.load(data);
            assertThat(after.students()).extracting(ClassRoster.Member::account).containsExactly("student01", "student02");
            assertThat(after.students().get(0).password()).isNotEqualTo(before.students().get(0).password());
        } finally {
            serving.interrupt();
            exit.get(30, TimeUnit.SECONDS);
        }
    }

    private static InputStream input(String typed) {
        return new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    }
}
