package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A student at a telnet prompt: types lines, reads what the server answers, nothing more (no client session's
 * help). Keeps the student's own transcript of the connection, and feeds it, live, to a lesson's progress.
 *
 * <pre>{@code
 * try (Telnet smtp = Telnet.open(MailProtocol.SMTP, port, progress)) {
 *     smtp.type("HELO client.example.test").expect("250");
 * }
 * }</pre>
 */
final class Telnet implements AutoCloseable {

    private final MailProtocol protocol;
    private final Transcript transcript = new Transcript();
    private final LessonProgress.Connection connection;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean tls;
    private String reply = "";

    private Telnet(MailProtocol protocol, int port, LessonProgress progress) throws IOException {
        this.protocol = protocol;
        this.connection = progress == null ? null : progress.connection(protocol);
        if (connection != null) {
            transcript.addListener(connection::accept);
        }
        socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setSoTimeout(15_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects and reads the greeting; {@code progress} (may be null) is fed every line as it crosses. */
    static Telnet open(MailProtocol protocol, int port, LessonProgress progress) throws IOException {
        Telnet telnet = new Telnet(protocol, port, progress);
        telnet.readReply(false);
        return telnet;
    }

    /** Types a command line and reads its reply (the text after {@code +OK} too, when {@code multiLine}). */
    Telnet type(String line, boolean multiLine) throws IOException {
        send(line);
        readReply(multiLine);
        return this;
    }

    Telnet type(String line) throws IOException {
        return type(line, false);
    }

    /** Types a line of message text (or an AUTH answer whose reply comes later): no reply is read. */
    Telnet text(String line) throws IOException {
        send(line);
        return this;
    }

    /** Reads a reply to what was typed before, e.g. after the lone dot. */
    Telnet read() throws IOException {
        readReply(false);
        return this;
    }

    Telnet expect(String start) {
        assertThat(reply).as("the reply").startsWith(start);
        return this;
    }

    String reply() {
        return reply;
    }

    /** After 220 to STARTTLS: the TLS handshake, trusting the practice server's own certificate. */
    Telnet startTls(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("practice", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        secure.startHandshake();
        socket = secure;
        in = new BufferedInputStream(secure.getInputStream());
        out = secure.getOutputStream();
        tls = true;
        transcript.note("TLS established");
        return this;
    }

    List<TranscriptEvent> events() {
        return transcript.events();
    }

    MailProtocol protocol() {
        return protocol;
    }

    private void send(String line) throws IOException {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        transcript.record(Direction.CLIENT, bytes, tls, Set.of(), null);
    }

    private void readReply(boolean multiLine) throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = readLine();
            all.append(line);
            if (protocol == MailProtocol.SMTP) {
                if (line.length() < 4 || line.charAt(3) != '-') {
                    break;
                }
            } else if (!multiLine || !line.startsWith("+OK")) {
                break;
            } else {
                String text;
                do {
                    text = readLine();
                } while (!text.equals(".\r\n"));
                break;
            }
        }
        reply = all.toString();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (line.size() == 0) {
            throw new IOException("the server closed the connection");
        }
        byte[] bytes = line.toByteArray();
        transcript.record(Direction.SERVER, bytes, tls, Set.of(), null);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (connection != null) {
            connection.ended();
        }
    }
}
