package dev.mailbench.server.practice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A client as telnet or nc is one: lines typed onto a socket, replies read back as text. No Mailbench client code. */
final class RawClient implements AutoCloseable {
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /**
     * Switches the connection to TLS after a positive STARTTLS or STLS, trusting the server's self-signed
     * certificate as a student who compared its fingerprint would.
     */
    RawClient startTls() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
            tls.startHandshake();
            socket = tls;
            in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
            out = tls.getOutputStream();
            return this;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** An SMTP reply, every line of it. */
    List<String> smtpLines(String command) throws IOException {
        send(command);
        List<String> lines = new ArrayList<>();
        String line = line();
        lines.add(line);
        while (line.length() > 3 && line.charAt(3) == '-') {
            line = line();
            lines.add(line);
        }
        return lines;
    }

    /** A POP3 multi-line response up to its "." line, the status line first. */
    List<String> pop3Lines(String command) throws IOException {
        send(command);
        List<String> lines = new ArrayList<>();
        lines.add(line());
        if (lines.get(0).startsWith("+OK")) {
            for (String line = line(); !line.equals("."); line = line()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The client's own port, as the server names the connection ({@code 127.0.0.1:port}). */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Sends a line with CRLF. */
    RawClient send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** One line of the server's, without its CRLF. */
    String line() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    /** An SMTP reply, every line of it; the last one is returned. */
    String smtpReply() throws IOException {
        String line = line();
        while (line.length() > 3 && line.charAt(3) == '-') {
            line = line();
        }
        return line;
    }

    /** Sends an SMTP command and returns the last line of its reply. */
    String smtp(String command) throws IOException {
        return send(command).smtpReply();
    }

    /** Sends a POP3 command and returns its status line (single-line responses only). */
    String pop3(String command) throws IOException {
        return send(command).line();
    }

    /** Reads until the server closes the connection: by then it has ended its side of the session. */
    List<String> untilClosed() throws IOException {
        List<String> rest = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            rest.add(line);
        }
        return rest;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
