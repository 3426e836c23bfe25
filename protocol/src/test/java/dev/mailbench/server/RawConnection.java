package dev.mailbench.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare TCP client for tests that must send what no well-behaved client would: any bytes, split anywhere,
 * trickled, or half-closed. It reads the server's answers as lines of text (CRLF removed), and says whether
 * the server closed the connection. For a well-behaved SMTP dialogue too fast for a real client's overhead, it sends
 * a command and reads its reply's code ({@link #command}, {@link #expect}).
 *
 * <pre>{@code
 * try (RawConnection raw = RawConnection.open(port)) {
 *     raw.readLine();                                   // the greeting
 *     raw.trickle("NOOP\r\n", Duration.ofMillis(300));  // one byte every 300 ms
 *     List<String> rest = raw.readUntilClosed(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean closedByServer;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1 on {@code port}, sending each write as soon as it is made (no Nagle delay). */
    public static RawConnection open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(15_000);
        return new RawConnection(socket);
    }

    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one command line, CRLF added. */
    public RawConnection command(String line) throws IOException {
        return send(line + "\r\n");
    }

    /** Reads one SMTP reply, of one line or more (RFC 5321 §4.2.1), and returns its code. */
    public int replyCode() throws IOException {
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    /** Reads one SMTP reply and fails unless its code is {@code code}. */
    public RawConnection expect(int code) throws IOException {
        int got = replyCode();
        if (got != code) {
            throw new IOException("expected " + code + " but the server answered " + got);
        }
        return this;
    }

    /** Sends one byte at a time, waiting {@code interval} before each. */
    public RawConnection trickle(String text, Duration interval) throws IOException, InterruptedException {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            Thread.sleep(interval.toMillis());
            out.write(b);
            out.flush();
        }
        return this;
    }

    /**
     * Sends {@code text} one byte at a time, every {@code interval}, over and over, until the server closes the
     * connection; returns how many bytes were sent by then. Fails if the server has not closed within
     * {@code atMost}, a bound for a hang only: make it far longer than the server should need.
     */
    public int trickleUntilClosed(String text, Duration interval, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int sent = 0;
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(interval.toMillis());
                out.write(bytes[sent % bytes.length]);
                out.flush();
                sent++;
            }
        } catch (IOException e) {
            // the server has closed the connection
            return sent;
        }
        throw new AssertionError("the server took " + sent + " bytes over " + atMost + " and never closed the connection");
    }

    /**
     * One whole exchange: connects, sends {@code bytes} cut into segments of the given sizes (the list repeated
     * as often as needed), half-closes, and returns every line the server sent until it closed the connection.
     * A server that closes first (QUIT, a 421) is no error: what it said is still read.
     */
    public static List<String> exchange(int port, byte[] bytes, List<Integer> segments) throws IOException {
        try (RawConnection raw = open(port)) {
            try {
                int at = 0;
                for (int i = 0; at < bytes.length; i++) {
                    int size = Math.min(segments.get(i % segments.size()), bytes.length - at);
                    raw.send(java.util.Arrays.copyOfRange(bytes, at, at + size));
                    at += size;
                }
                raw.shutdownOutput();
            } catch (IOException e) {
                // closed by the server while we were still sending
            }
            return raw.readUntilClosed(Duration.ofSeconds(20));
        }
    }

    /** No more bytes from this side (TCP half-close); the server sees the end of the stream. */
    public RawConnection shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** The next line from the server without its CRLF, or null when the server closed the connection. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                closedByServer = true;
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    /**
     * Every line the server sends until it closes the connection; fails if it has not closed within
     * {@code atMost} (a hang).
     */
    public List<String> readUntilClosed(Duration atMost) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            String line;
            try {
                line = readLine();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed within " + atMost + "; it said " + lines);
            } catch (IOException e) {
                closedByServer = true; // reset by the server: closed too
                return lines;
            }
            if (line == null) {
                return lines;
            }
            lines.add(line);
            if (closedByServer) {
                return lines;
            }
        }
    }

    /** Whether the server has closed the connection (seen as end of stream or a reset). */
    public boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
