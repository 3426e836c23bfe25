package dev.mailbench.app.workbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;

import dev.mailbench.tls.ServerTls;

/**
 * A server on loopback that greets and then answers every line with one positive reply, over plain TCP or
 * implicit TLS with a certificate of the test's choosing (expired, for another host, self-signed): enough to
 * see what the window shows about the connection's security before anything is sent.
 */
final class AnsweringServer implements AutoCloseable {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final ServerSocket listening;
    private final Optional<ServerTls> tls;
    private final String greeting;
    private final String answer;

    private AnsweringServer(Optional<KeyStore> keyStore, String greeting, String answer) throws IOException {
        try {
            this.tls = keyStore.isPresent() ? Optional.of(ServerTls.fromKeyStore(keyStore.get(), PASSWORD)) : Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        this.greeting = greeting;
        this.answer = answer;
        this.listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "answering-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An SMTP server: 220, then 250 to every line. */
    static AnsweringServer smtp(Optional<KeyStore> keyStore) throws IOException {
        return new AnsweringServer(keyStore, "220 mx.example.test ESMTP ready\r\n", "250 Ok\r\n");
    }

    /** A POP3 server: +OK, then +OK to every line. */
    static AnsweringServer pop3(Optional<KeyStore> keyStore) throws IOException {
        return new AnsweringServer(keyStore, "+OK POP3 ready\r\n", "+OK\r\n");
    }

    int port() {
        return listening.getLocalPort();
    }

    private void acceptAll() {
        while (!listening.isClosed()) {
            try {
                Socket accepted = listening.accept();
                Thread session = new Thread(() -> serve(accepted), "answering-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket accepted) {
        try (Socket socket = tls.isPresent() ? tls.get().acceptImplicit(accepted, Duration.ofSeconds(10)) : accepted) {
            OutputStream out = socket.getOutputStream();
            out.write(greeting.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            while (in.readLine() != null) {
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException ended) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
