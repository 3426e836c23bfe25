package dev.mailbench.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean SMTP load generator in the manner of Postfix's smtp-source: N concurrent sessions, each sending
 * messages back to back (MAIL, RCPT, DATA, body, RSET between messages), counting only messages the server
 * accepted with 250 after the end of data. It records nothing, so the figure is the server's, not the
 * client's.
 */
final class SmtpLoad {
    record Result(long accepted, long failed, double seconds) {
        double messagesPerSecond() {
            return accepted / seconds;
        }
    }

    private final String host;
    private final int port;
    private final byte[] message;
    private final String recipient;

    SmtpLoad(String host, int port, int messageBytes, String recipient) {
        this.host = host;
        this.port = port;
        this.recipient = recipient;
        this.message = body(messageBytes);
    }

    /** Runs {@code sessions} sessions that together send {@code total} messages. */
    Result run(int sessions, int total) throws Exception {
        AtomicLong remaining = new AtomicLong(total);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            futures.add(pool.submit(() -> {
                session(remaining, accepted, failed);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(accepted.get(), failed.get(), seconds);
    }

    private void session(AtomicLong remaining, AtomicLong accepted, AtomicLong failed) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            expect(in, 220);
            command(out, "EHLO load.example.test");
            expect(in, 250);
            while (remaining.getAndDecrement() > 0) {
                command(out, "MAIL FROM:<load@example.test>");
                expect(in, 250);
                command(out, "RCPT TO:<" + recipient + ">");
                expect(in, 250);
                command(out, "DATA");
                expect(in, 354);
                out.write(message);
                out.flush();
                if (reply(in) / 100 == 2) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }
            command(out, "QUIT");
            reply(in);
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(InputStream in, int code) throws IOException {
        int got = reply(in);
        if (got != code) {
            throw new IOException("expected " + code + " but the server answered " + got);
        }
    }

    /** Reads one (possibly multi-line) reply and returns its code. */
    private static int reply(InputStream in) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                line.append((char) b);
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    /** A message of about {@code size} octets, dot-stuffed already (no line starts with a dot), with its end. */
    private static byte[] body(int size) {
        StringBuilder text = new StringBuilder("From: load@example.test\r\nTo: load@example.test\r\n"
                + "Subject: benchmark\r\nMessage-ID: <bench@example.test>\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog, again and again and again.\r\n";
        while (text.length() + line.length() < size) {
            text.append(line);
        }
        text.append(".\r\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
