package dev.mailbench.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A lean POP3 client for measuring a server, not itself: it records nothing, and reads a multi-line
 * response by counting its octets up to the terminating ".", without building lines or un-stuffing.
 */
final class Pop3Probe implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Pop3Probe(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream());
        status(); // the greeting
    }

    void login(String user, String password) throws IOException {
        command("USER " + user);
        command("PASS " + password);
    }

    /** Sends a command and returns its status line; fails on -ERR. */
    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return status();
    }

    /** Sends a command with a multi-line response and returns the octets of its body. */
    long multiLine(String line) throws IOException {
        command(line);
        long octets = 0;
        // State: 0 at line start, 1 after "." at line start, 2 after ".\r", 3 inside a line.
        int state = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in a multi-line response");
            }
            octets++;
            switch (state) {
                case 0 -> state = b == '.' ? 1 : b == '\n' ? 0 : 3;
                case 1 -> state = b == '\r' ? 2 : b == '\n' ? 0 : 3;
                case 2 -> {
                    if (b == '\n') {
                        return octets - 3;
                    }
                    state = 3;
                }
                default -> {
                    if (b == '\n') {
                        state = 0;
                    }
                }
            }
        }
    }

    private String status() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (!line.toString().startsWith("+OK")) {
            throw new IOException("the server answered " + line);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT");
        } finally {
            socket.close();
        }
    }
}
