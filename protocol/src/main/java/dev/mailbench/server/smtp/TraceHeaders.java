package dev.mailbench.server.smtp;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import javax.net.ssl.SSLSession;

/**
 * The header lines the server puts in front of a message: {@code Return-Path:} at final delivery and a
 * {@code Received:} trace line (RFC 5321 §4.4), plus, for relayed mail it holds, the envelope recipients.
 */
final class TraceHeaders {
    private TraceHeaders() {
    }

    /** RFC 5321 §4.4: the final-delivery server records the reverse-path, {@code <>} for bounces. */
    static String returnPath(Envelope envelope) {
        return "Return-Path: <" + printable(envelope.reversePath()) + ">\r\n";
    }

    /**
     * RFC 5321 §4.4 time stamp line: where the message came from, which server took it, with what protocol
     * (RFC 3848: ESMTP, plus S for TLS and A for AUTH), its id, the recipient when there is just one (more
     * would show Bcc recipients to each other), and when.
     */
    static String received(Session session, Envelope envelope, String hostName, String software, String id,
                           ZonedDateTime when) {
        StringBuilder out = new StringBuilder("Received: from ")
                .append(printable(session.heloName().orElse("unknown")))
                .append(" ([").append(session.clientAddress().getHostAddress()).append("])");
        if (session.tlsSession().isPresent()) {
            SSLSession tls = session.tlsSession().get();
            out.append("\r\n\t(using ").append(tls.getProtocol()).append(" with cipher ").append(tls.getCipherSuite()).append(')');
        }
        session.authenticatedUser().ifPresent(user ->
                out.append("\r\n\t(Authenticated sender: ").append(user).append(')'));
        out.append("\r\n\tby ").append(hostName).append(" (").append(printable(software)).append(") with ")
                .append(protocol(session)).append(" id ").append(id);
        List<Envelope.Recipient> recipients = envelope.recipients();
        if (recipients.size() == 1) {
            out.append("\r\n\tfor <").append(printable(recipients.get(0).address())).append('>');
        }
        out.append("; ").append(SmtpServerSession.RFC5322_DATE.format(when)).append("\r\n");
        return out.toString();
    }

    /** For the held copy of relayed mail: who it was for, since a Maildir file keeps no envelope. */
    static String heldFor(List<String> remoteRecipients) {
        StringBuilder out = new StringBuilder("X-Mailbench-Held-For: ");
        for (int i = 0; i < remoteRecipients.size(); i++) {
            out.append(i == 0 ? "" : ",\r\n\t").append('<').append(printable(remoteRecipients.get(i))).append('>');
        }
        return out.append("\r\n\t(not delivered: the practice server never sends mail to other servers)\r\n").toString();
    }

    static byte[] bytes(String headers) {
        return headers.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 3848 §1: the "with" protocol name. */
    static String protocol(Session session) {
        if (!session.extended()) {
            return "SMTP";
        }
        return "ESMTP" + (session.isTls() ? "S" : "") + (session.authenticated() ? "A" : "");
    }

    /** Client-supplied text in a header: printable ASCII only, so no header can be broken or forged. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 255));
        for (int i = 0; i < text.length() && i < 255; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x21 && c <= 0x7E ? c : '?');
        }
        return out.toString();
    }
}
