package dev.mailbench.diagnose;

import dev.mailbench.wire.MailProtocol;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code tls.protocols} check: whether the server still agrees to TLS 1.0 or 1.1, which RFC 8996 deprecates.
 * The JDK refuses to speak them, so a second connection sends a ClientHello that offers at most TLS 1.1 by hand
 * (RFC 5246 §7.4.1.2 and RFC 4346 §7.4.1.2 share its shape) and reads only the answer's first record: a ServerHello
 * means the server agreed, an alert that it refused. No handshake is finished and no mail command follows.
 */
final class LegacyTlsProbe {

    private static final int TLS_1_0 = 0x0301;
    private static final int TLS_1_1 = 0x0302;
    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;

    /** Suites every TLS 1.0/1.1 server had: ECDHE and plain RSA with AES-CBC-SHA (RFC 4492 §6, RFC 5246 App. C). */
    private static final int[] SUITES = {0xC013, 0xC014, 0xC009, 0xC00A, 0x002F, 0x0035, 0x0033, 0x0039, 0x000A};

    private LegacyTlsProbe() {
    }

    static void check(Conversation c, boolean implicit) throws Deadline.Passed {
        Duration left = c.deadline.remaining();
        int timeout = (int) Math.max(1, Math.min(left.toMillis(), 10_000));
        c.transcript.note("A second connection offers only TLS 1.0 and 1.1 (RFC 8996), to see whether the server"
                + " still agrees to them.");
        int mark = c.mark() - 1;
        Map<String, Object> figures = new LinkedHashMap<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(c.target.uri().host(), c.target.uri().port()), timeout);
            socket.setSoTimeout(timeout);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (!implicit && !upgrade(c, in, out)) {
                c.transcript.note("The second connection could not reach the TLS handshake.");
                c.findings.add(CheckId.TLS_PROTOCOLS, Verdict.INFO, "info.unknown", figures, c.since(mark));
                return;
            }
            out.write(clientHello(c.target.byAddress() ? null : c.target.name()));
            out.flush();
            DataInputStream data = new DataInputStream(in);
            int type = data.readUnsignedByte();
            data.readUnsignedShort();
            int length = data.readUnsignedShort();
            byte[] body = new byte[Math.min(length, 64)];
            data.readFully(body);
            if (type == HANDSHAKE && body.length >= 6 && body[0] == 2) {
                int version = ((body[4] & 0xFF) << 8) | (body[5] & 0xFF);
                String name = version == TLS_1_0 ? "TLSv1" : version == TLS_1_1 ? "TLSv1.1"
                        : String.format(Locale.ROOT, "0x%04x", version);
                figures.put("accepted", name);
                c.transcript.note("The server answered with a ServerHello for " + name + ": it still speaks it.");
                c.findings.add(CheckId.TLS_PROTOCOLS, Verdict.WARN, "warn", figures, c.since(mark));
            } else if (type == ALERT) {
                c.transcript.note("The server answered with a TLS alert: it refuses TLS 1.0 and 1.1.");
                c.findings.add(CheckId.TLS_PROTOCOLS, Verdict.PASS, "pass", figures, c.since(mark));
            } else {
                c.transcript.note("The server answered something other than a ServerHello or an alert.");
                c.findings.add(CheckId.TLS_PROTOCOLS, Verdict.INFO, "info.unknown", figures, c.since(mark));
            }
        } catch (IOException e) {
            // RFC 8446 §6.2 lets a server just close: most do for a version they do not speak
            c.transcript.note("The server closed the second connection instead of agreeing to TLS 1.0 or 1.1 ("
                    + Conversation.reason(e) + ").");
            c.findings.add(CheckId.TLS_PROTOCOLS, Verdict.PASS, "pass", figures, c.since(mark));
        }
    }

    /**
     * The upgrade on the raw socket: the banner, EHLO and STARTTLS for SMTP (RFC 3207 §4), the greeting and STLS for
     * POP3 (RFC 2595 §4); whether the server agreed to start TLS.
     */
    private static boolean upgrade(Conversation c, InputStream in, OutputStream out) throws IOException {
        if (c.target.uri().protocol() == MailProtocol.POP3) {
            if (!line(in).startsWith("+OK")) {
                return false;
            }
            out.write("STLS\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return line(in).startsWith("+OK");
        }
        if (!reply(in).startsWith("220")) {
            return false;
        }
        out.write(("EHLO " + c.options.clientName() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (!reply(in).startsWith("250")) {
            return false;
        }
        out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply(in).startsWith("220");
    }

    /** Reads one SMTP reply, its lines up to the one whose fourth octet is a space (RFC 5321 §4.2.1); returns it. */
    private static String reply(InputStream in) throws IOException {
        while (true) {
            String text = line(in);
            if (text.length() < 4 || text.charAt(3) != '-') {
                return text;
            }
        }
    }

    /** Reads one line up to its LF, without it (a POP3 status line, RFC 1939 §3, or one line of an SMTP reply). */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed in the middle of a reply");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** A ClientHello offering at most TLS 1.1: RFC 4346 §7.4.1.2, with SNI (RFC 6066 §3) and the curves (RFC 4492). */
    static byte[] clientHello(String serverName) {
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (serverName != null) {
            byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
            short16(extensions, 0x0000);
            short16(extensions, name.length + 5);
            short16(extensions, name.length + 3);
            extensions.write(0);
            short16(extensions, name.length);
            extensions.writeBytes(name);
        }
        for (int[] extension : List.of(new int[] {0x000a, 0x0008, 0x0006, 0x001d, 0x0017, 0x0018},
                new int[] {0x000b, 0x0002})) {
            short16(extensions, extension[0]);
            short16(extensions, extension[1]);
            if (extension[0] == 0x000a) {
                for (int i = 2; i < extension.length; i++) {
                    short16(extensions, extension[i]);
                }
            } else {
                extensions.write(1); // one point format:
                extensions.write(0); // uncompressed
            }
        }
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        short16(hello, TLS_1_1);
        hello.writeBytes(new byte[32]); // random: nothing is secret here, no handshake is finished
        hello.write(0); // no session id
        short16(hello, SUITES.length * 2);
        for (int suite : SUITES) {
            short16(hello, suite);
        }
        hello.write(1); // one compression method:
        hello.write(0); // none
        short16(hello, extensions.size());
        hello.writeBytes(extensions.toByteArray());
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(HANDSHAKE);
        short16(record, TLS_1_0);
        short16(record, hello.size() + 4);
        record.write(1); // client_hello
        record.write(0);
        short16(record, hello.size());
        record.writeBytes(hello.toByteArray());
        return record.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }
}
