package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two processes on one store: the POP3 lock holds across them, and a killed delivery shows nothing. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CrossProcessTest {

    @TempDir
    Path root;

    @Test
    void aMailboxHeldByAnotherProcessIsInUseUntilThatSessionEnds() throws Exception {
        MailStore store = MailStore.open(root);
        store.deliver(List.of("alice"), new ByteArrayInputStream("Subject: hi\r\n\r\n".getBytes(US_ASCII)));
        Process child = start("hold-lock", "alice");
        try (BufferedReader out = reader(child)) {
            assertThat(out.readLine()).isEqualTo("LOCKED 1");

            assertThatThrownBy(() -> store.openForPop3("alice")).isInstanceOf(MailboxInUseException.class);
            assertThat(store.listMessages("alice")).as("reading needs no lock").hasSize(1);
            store.openForPop3("bob").close();

            child.getOutputStream().close();
            assertThat(child.waitFor()).isZero();
        } finally {
            child.destroyForcibly();
        }
        try (MailboxSession session = store.openForPop3("alice")) {
            assertThat(session.messageCount()).isEqualTo(1);
        }
    }

    @Test
    void aKilledProcessDoesNotLeaveTheMailboxLocked() throws Exception {
        MailStore store = MailStore.open(root);
        Process child = start("hold-lock", "alice");
        try (BufferedReader out = reader(child)) {
            assertThat(out.readLine()).isEqualTo("LOCKED 0");
            assertThatThrownBy(() -> store.openForPop3("alice")).isInstanceOf(MailboxInUseException.class);
        } finally {
            child.destroyForcibly().waitFor();
        }

        store.openForPop3("alice").close();
    }

    @Test
    void aProcessKilledInTheMiddleOfADeliveryLeavesNothingVisible() throws Exception {
        Process child = start("crash-mid-delivery", "alice");
        String uniqueName;
        try (BufferedReader out = reader(child)) {
            String line = out.readLine();
            assertThat(line).startsWith("WRITTEN ");
            uniqueName = line.substring("WRITTEN ".length());
            assertThat(child.waitFor()).isEqualTo(3);
        } finally {
            child.destroyForcibly();
        }

        MailStore store = MailStore.open(root);

        assertThat(store.listMessages("alice")).isEmpty();
        assertThat(store.listMessages("bob")).isEmpty();
        try (MailboxSession session = store.openForPop3("alice")) {
            assertThat(session.messageCount()).isZero();
        }
        assertThat(root.resolve("alice/tmp").resolve(uniqueName))
                .as("young, so left for the 36-hour clean-up")
                .exists();
    }

    private Process start(String mode, String user) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreChildProcess.class.getName(), mode, root.toString(), user)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), US_ASCII));
    }
}
