package dev.mailbench.server;

import dev.mailbench.wire.MailProtocol;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TcpListenerTest {

    /** A server socket whose accept fails the first {@code failures} times, as when file descriptors run out. */
    private static final class FailingServerSocket extends ServerSocket {
        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;

        FailingServerSocket(int failures) throws IOException {
            this.failures = failures;
        }

        @Override
        public Socket accept() throws IOException {
            if (attempts.incrementAndGet() <= failures) {
                throw new IOException("Too many open files");
            }
            return super.accept();
        }
    }

    private static final TcpListener.Handler GREETER = new TcpListener.Handler() {
        @Override
        public void serve(Socket socket) throws IOException {
            socket.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void refuse(Socket socket) throws IOException {
            socket.getOutputStream().write("busy\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    };

    @Test
    void aFailingAcceptPausesBeforeEachRetryWithGrowingPausesUpToTheCap() throws Exception {
        FailingServerSocket socket = new FailingServerSocket(Integer.MAX_VALUE);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(12);
        TcpListener listener = new TcpListener(MailProtocol.SMTP, InetAddress.getLoopbackAddress(), 0, 5, GREETER,
                () -> socket, pause -> {
                    pauses.add(pause);
                    enough.countDown();
                    if (enough.getCount() == 0) {
                        closeSocket(socket);   // ends the loop: a closed socket is how the listener stops
                    }
                });
        try {
            listener.start();
            assertThat(enough.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            listener.close();
        }

        // Every failed attempt but none other is followed by a pause: the loop never spins.
        assertThat(socket.attempts.get()).isEqualTo(pauses.size());
        assertThat(pauses.get(0)).isEqualTo(TcpListener.FIRST_PAUSE);
        for (int i = 1; i < pauses.size(); i++) {
            assertThat(pauses.get(i)).isGreaterThanOrEqualTo(pauses.get(i - 1));
        }
        assertThat(pauses.get(1)).isGreaterThan(pauses.get(0));
        assertThat(pauses).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(TcpListener.LONGEST_PAUSE));
        assertThat(pauses.get(pauses.size() - 1)).isEqualTo(TcpListener.LONGEST_PAUSE);
    }

    private static void closeSocket(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void afterAcceptRecoversConnectionsAreServedAgain() throws Exception {
        FailingServerSocket socket = new FailingServerSocket(3);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (TcpListener listener = new TcpListener(MailProtocol.SMTP, InetAddress.getLoopbackAddress(), 0, 5, GREETER,
                () -> socket, pauses::add)) {
            listener.start();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                client.setSoTimeout(30_000);
                byte[] greeting = client.getInputStream().readNBytes(7);
                assertThat(new String(greeting, StandardCharsets.US_ASCII)).isEqualTo("hello\r\n");
            }
        }
        assertThat(pauses).hasSize(3);
        assertThat(socket.attempts.get()).isGreaterThanOrEqualTo(4);
    }
}
