package dev.mailbench.app.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The lesson first-smtp as two students of a class do it against the practice server: one typing on a raw
 * socket as telnet would, one with Mailbench's client sessions (as the student's own Mailbench does).
 */
public final class StudentDialogues {
    private StudentDialogues() {
    }

    /** first-smtp by hand, as {@code student} typing into telnet; the message also goes to the student. */
    public static void firstSmtpByTelnet(int smtpPort, int pop3Port, String student, String password) throws Exception {
        sendByTelnet(smtpPort, student, List.of("alice@example.test", student + "@example.test"),
                "Subject: Hello from " + student + "\r\n\r\nTyped by hand.\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pop3Port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("+OK");
            assertThat(say(out, in, "USER " + student)).startsWith("+OK");
            assertThat(say(out, in, "PASS " + password)).startsWith("+OK");
            assertThat(say(out, in, "RETR 1")).startsWith("+OK");
            String line;
            do {
                line = in.readLine();
            } while (!line.equals("."));
            assertThat(say(out, in, "QUIT")).startsWith("+OK");
        }
    }

    /**
     * first-smtp's envelope and DATA as {@code student} by telnet, but the message has no Subject: the step that
     * wants one delivered to alice is not met, whatever others delivered there.
     */
    public static void messageWithoutSubjectByTelnet(int smtpPort, String student) throws Exception {
        sendByTelnet(smtpPort, student, List.of("alice@example.test"), "No header at all, just a line.\r\n");
    }

    /** HELO, MAIL FROM the student's address, a RCPT TO each recipient, DATA with {@code text}, QUIT: as telnet. */
    private static void sendByTelnet(int smtpPort, String student, List<String> recipients, String text)
            throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), smtpPort)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            assertThat(say(out, in, "HELO laptop.example.test")).startsWith("250");
            assertThat(say(out, in, "MAIL FROM:<" + student + "@example.test>")).startsWith("250");
            for (String recipient : recipients) {
                assertThat(say(out, in, "RCPT TO:<" + recipient + ">")).startsWith("250");
            }
            assertThat(say(out, in, "DATA")).startsWith("354");
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            assertThat(say(out, in, ".")).startsWith("250");
            assertThat(say(out, in, "QUIT")).startsWith("221");
        }
    }

    /** first-smtp through Mailbench's SMTP and POP3 client sessions, as {@code student}. */
    public static void firstSmtpByClientSession(int smtpPort, int pop3Port, String student, String password)
            throws Exception {
        try (SmtpClientSession smtp = new SmtpClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
            assertThat(smtp.connect("127.0.0.1", smtpPort, TlsMode.NONE).code()).isEqualTo(220);
            assertThat(smtp.helo("laptop.example.test").code()).isEqualTo(250);
            assertThat(smtp.mailFrom(student + "@example.test").code()).isEqualTo(250);
            assertThat(smtp.rcptTo("alice@example.test").code()).isEqualTo(250);
            assertThat(smtp.rcptTo(student + "@example.test").code()).isEqualTo(250);
            assertThat(smtp.data(("Subject: Hello from " + student + "\r\n\r\nSent by the session.\r\n")
                    .getBytes(StandardCharsets.US_ASCII)).code()).isEqualTo(250);
            assertThat(smtp.quit().code()).isEqualTo(221);
        }
        try (Pop3ClientSession pop3 = new Pop3ClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
            pop3.connect("127.0.0.1", pop3Port, TlsMode.NONE);
            pop3.user(student);
            assertThat(pop3.pass(password).isOk()).isTrue();
            assertThat(pop3.retr(1).isOk()).isTrue();
            pop3.quit();
        }
    }

    private static String say(OutputStream out, BufferedReader in, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply;
        do {
            reply = in.readLine();
        } while (reply.length() > 3 && reply.charAt(3) == '-');
        return reply;
    }
}
