package dev.mailbench.app.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window running the practice server for a class: the Class tab says where students connect, and shows each
 * student done with first-smtp as they finish it, whether by telnet or with Mailbench's client sessions; a click
 * on a student shows their sessions and mailbox.
 */
class ClassWindowTest {
    private static final Pattern PORTS = Pattern.compile("SMTP 127\\.0\\.0\\.1:(\\d+), POP3 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path temp;

    private WindowDriver window;

    @AfterEach
    void closeTheWindow() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theClassTabFollowsStudentsDoingTheFirstLessonByTelnetAndByMailbench() throws Exception {
        DataDirectory data = DataDirectory.at(temp.resolve("data"));
        ClassRoster roster = ClassRoster.empty().withStudents(ClassRoster.numbered(3), new SecureRandom());
        roster.save(data);
        window = new WindowDriver(temp.resolve("config"), Optional.empty(),
                Optional.of(() -> roster.applyTo(data.loadOrCreateConfig().withPorts(0, 0))));

        window.await(() -> cell("student03", "first-smtp").equals("–"), "the class's table");
        assertThat(window.text("#class-banner")).startsWith("Students connect to 127.0.0.1 — SMTP port ")
                .contains("Relaying to other domains needs AUTH", "Certificate SHA-256 ");
        assertThat(cell("student01", "first-smtp")).isEqualTo("–");
        Matcher ports = PORTS.matcher(window.text("#practice-summary"));
        assertThat(ports.find()).isTrue();
        int smtp = Integer.parseInt(ports.group(1));
        int pop3 = Integer.parseInt(ports.group(2));

        StudentDialogues.firstSmtpByTelnet(smtp, pop3, "student01", roster.students().get(0).password());
        window.await(() -> cell("student01", "first-smtp").equals("done"), "student01 done");
        StudentDialogues.firstSmtpByClientSession(smtp, pop3, "student02", roster.students().get(1).password());
        window.await(() -> cell("student02", "first-smtp").equals("done"), "student02 done");
        assertThat(cell("student03", "first-smtp")).isEqualTo("–");
        Node done = cellNode("student01", "first-smtp");
        assertThat(WindowDriver.onFx(() -> List.copyOf(done.getStyleClass()))).contains("class-done");

        window.click(cellNode("student01", "class-column-student"));
        window.await(() -> "student01".equals(chosen()), "student01 chosen by the click");
        window.await(() -> sessions().contains("C: MAIL FROM:<student01@example.test>"), "student01's sessions");
        assertThat(sessions()).contains("C: PASS ").doesNotContain(roster.students().get(0).password());
        window.await(() -> WindowDriver.onFx(() -> window.<ListView<String>>node("#class-mailbox").getItems())
                .stream().anyMatch(line -> line.contains("Hello from student01")), "student01's mailbox");

        // another student's progress makes the rows anew: the student the teacher chose stays chosen
        StudentDialogues.firstSmtpByTelnet(smtp, pop3, "student03", roster.students().get(2).password());
        window.await(() -> cell("student03", "first-smtp").equals("done"), "student03 done");
        window.await(() -> sessions().contains("C: MAIL FROM:<student01@example.test>"), "student01's sessions still");
        assertThat(chosen()).isEqualTo("student01");
    }

    /** The student whose row is selected in the class's table, if any. */
    private String chosen() {
        return WindowDriver.onFx(() -> {
            ClassViewModel.Row row = window.<TableView<ClassViewModel.Row>>node("#class-table").getSelectionModel()
                    .getSelectedItem();
            return row == null ? null : row.student();
        });
    }

    private String sessions() {
        return WindowDriver.onFx(() -> window.<TextArea>node("#class-sessions").getText());
    }

    /** What a user reads in a student's row under a lesson's column. */
    private String cell(String student, String lesson) {
        return WindowDriver.onFx(() -> {
            Node node = findCell(student, "class-column-" + lesson);
            return node == null ? "" : ((TableCell<?, ?>) node).getText();
        });
    }

    private Node cellNode(String student, String columnId) {
        String id = columnId.startsWith("class-column-") ? columnId : "class-column-" + columnId;
        return WindowDriver.onFx(() -> findCell(student, id));
    }

    private Node findCell(String student, String columnId) {
        Optional<Node> table = window.robot().lookup("#class-table").tryQuery();
        if (table.isEmpty()) {
            return null;   // not shown yet
        }
        for (Node node : table.get().lookupAll(".table-cell")) {
            // the row's cells on screen: the table keeps spare cells aside, invisible, that once showed the same row
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableRow() != null
                    && cell.getTableRow().isVisible()
                    && cell.getTableRow().getItem() instanceof ClassViewModel.Row row && row.student().equals(student)
                    && cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())) {
                return cell;
            }
        }
        return null;
    }
}
