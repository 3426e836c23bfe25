package dev.mailbench.reproduce;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A session written as the command that reproduces it with a well-known tool: {@code swaks}, {@code curl} or
 * {@code openssl s_client} with the lines to paste. What the tool cannot say (a bare LF, a deliberate wrong order,
 * VRFY, a second transaction on one connection …) is named in a {@code #} comment, never dropped in silence. A
 * password the events do not carry is written as {@code $MAILBENCH_PASSWORD}, for the user to set.
 */
public final class Reproductions {

    /** What swaks rewrites in the data it sends (its --data tokens). */
    private static final List<String> SWAKS_TOKENS = List.of("\\n", "%NEWLINE%", "%FROM_ADDRESS%", "%TO_ADDRESS%",
            "%MESSAGEID%", "%SWAKS_VERSION%", "%DATE%", "%BODY%");

    private Reproductions() {
    }

    /**
     * @param events  the session's transcript events, in order (notes included)
     * @param address where the session connected, and how
     */
    public static String render(ReproductionFormat format, List<TranscriptEvent> events, ServerAddress address) {
        StringBuilder out = new StringBuilder();
        Shell.comment(out, "Reproduces a Mailbench session with " + address.toUri() + " (" + format.id() + ").");
        if (address.protocol() == MailProtocol.SMTP) {
            SmtpSessionReading session = SmtpSessionReading.of(events, address.tlsMode());
            switch (format) {
                case SWAKS -> swaks(out, session, address);
                case CURL -> curlSmtp(out, session, address);
                case OPENSSL -> openssl(out, session.lines, session.irregular, session.heloName, session, null, address);
            }
        } else {
            Pop3SessionReading session = Pop3SessionReading.of(events, address.tlsMode());
            switch (format) {
                case SWAKS -> Shell.comment(out, "swaks speaks only SMTP: this POP3 session cannot be written as a swaks "
                        + "command. Use --as curl or --as openssl.");
                case CURL -> curlPop3(out, session, address);
                case OPENSSL -> openssl(out, session.lines, session.irregular, "", null, session, address);
            }
        }
        return out.toString();
    }

    // ---- swaks ----

    private static void swaks(StringBuilder out, SmtpSessionReading session, ServerAddress address) {
        comments(out, session.unsaid, session.irregular);
        if (session.heloVerb.equals("HELO")) {
            Shell.comment(out, "The session greeted with HELO; swaks says EHLO (and falls back to HELO if refused).");
        }
        if (session.transactions.isEmpty()) {
            Shell.comment(out, "The session sent no message; swaks always sends one, so this command only connects, "
                    + "greets and quits (--quit-after EHLO).");
        }
        if (session.transactions.size() > 1) {
            Shell.comment(out, "The session sent " + session.transactions.size() + " messages on one connection; swaks "
                    + "sends one per connection: one command per message follows.");
        }
        List<SmtpSessionReading.Transaction> transactions = session.transactions.isEmpty()
                ? Collections.singletonList(null) : session.transactions;
        for (SmtpSessionReading.Transaction t : transactions) {
            List<String> words = new ArrayList<>(List.of("swaks", "--server", Shell.quote(address.host()),
                    "--port", String.valueOf(address.port())));
            if (!session.heloName.isEmpty()) {
                words.add("--ehlo");
                words.add(Shell.quote(session.heloName));
            }
            if (address.tlsMode() == TlsMode.IMPLICIT) {
                words.add("--tls-on-connect");
            } else if (session.startTls) {
                words.add("--tls");
            }
            if (!session.authMechanism.isEmpty() && session.unsaid.stream().noneMatch(s -> s.startsWith("AUTH "))) {
                words.add("--auth");
                words.add(session.authMechanism);
                words.add("--auth-user");
                words.add(Shell.quoteExpanding(session.userOrReference()));
                words.add("--auth-password");
                words.add(Shell.quoteExpanding(session.passwordOrReference()));
            }
            if (t == null) {
                words.add("--quit-after");
                words.add("EHLO");
                out.append(String.join(" ", words)).append('\n');
                continue;
            }
            words.add("--from");
            words.add(Shell.quote(t.from));
            words.add("--to");
            words.add(Shell.quote(String.join(",", t.to)));
            String text = t.messageText();
            for (String token : SWAKS_TOKENS) {
                if (text.contains(token)) {
                    Shell.comment(out, "Not reproduced exactly: the message holds " + token
                            + ", which swaks replaces in --data.");
                }
            }
            if (text.startsWith("From ")) {
                words.add("--no-strip-from"); // else swaks drops a first line that starts "From " (an mbox separator)
            }
            words.add("--data");
            words.add("-");
            // swaks takes a final line holding a dot as the end of the data, and adds it itself otherwise after one more
            // line ending: the dot keeps the message's last line ending the only one.
            hereDocument(out, String.join(" ", words), text + ".\n", true);
        }
    }

    // ---- curl ----

    private static void curlSmtp(StringBuilder out, SmtpSessionReading session, ServerAddress address) {
        comments(out, session.unsaid, session.irregular);
        if (session.transactions.isEmpty()) {
            Shell.comment(out, "The session sent no message: curl has nothing to upload, so there is no curl command.");
            return;
        }
        if (session.transactions.size() > 1) {
            Shell.comment(out, "The session sent " + session.transactions.size() + " messages on one connection; curl "
                    + "sends one per connection: one command per message follows.");
        }
        for (SmtpSessionReading.Transaction t : session.transactions) {
            List<String> words = new ArrayList<>(List.of("curl", "--silent", "--show-error"));
            String scheme = address.tlsMode() == TlsMode.IMPLICIT ? "smtps" : "smtp";
            // The URL's path is the EHLO domain (curl's SMTP URL, RFC 5321 §4.1.1.1).
            words.add(Shell.quote(scheme + "://" + address.hostForUri() + ":" + address.port() + "/" + session.heloName));
            tlsWords(words, address, session.startTls, session.untrustedCertificate);
            if (!session.authMechanism.isEmpty() && session.unsaid.stream().noneMatch(s -> s.startsWith("AUTH "))) {
                words.add("--user");
                words.add(Shell.quoteExpanding(session.userOrReference() + ":" + session.passwordOrReference()));
                words.add("--login-options");
                words.add("AUTH=" + session.authMechanism);
            }
            words.add("--mail-from");
            words.add(Shell.quote(t.from));
            for (String to : t.to) {
                words.add("--mail-rcpt");
                words.add(Shell.quote(to));
            }
            words.add("--upload-file");
            words.add("-");
            words.add("--crlf");
            hereDocument(out, String.join(" ", words), t.messageText(), true);
        }
    }

    private static void curlPop3(StringBuilder out, Pop3SessionReading session, ServerAddress address) {
        comments(out, List.of(), session.irregular);
        if (session.login.equals("USER")) {
            Shell.comment(out, "The session logged in with USER and PASS; curl has no option for that login alone and "
                    + "picks the best the server offers (SASL, then APOP, then USER and PASS).");
        }
        String scheme = address.tlsMode() == TlsMode.IMPLICIT ? "pop3s" : "pop3";
        String base = scheme + "://" + address.hostForUri() + ":" + address.port() + "/";
        List<String> expressed = new ArrayList<>();
        for (String command : session.commands) {
            String[] words = command.split("\\s+");
            String verb = words[0].toUpperCase(Locale.ROOT);
            if (verb.equals("RETR") && words.length == 2 && words[1].matches("[0-9]+")) {
                expressed.add(base + words[1]); // curl's POP3 URL: a message number is RETR (RFC 1939 §7)
            } else if (verb.equals("LIST") && words.length == 1) {
                expressed.add(base); // no message number: LIST
            } else {
                Shell.comment(out, Shell.quote(command) + " was sent: curl's POP3 URLs say only RETR n and LIST, "
                        + "so it is not reproduced.");
            }
        }
        if (expressed.size() > 1) {
            Shell.comment(out, "curl sends one POP3 command per connection: one command per RETR or LIST follows.");
        }
        if (expressed.isEmpty()) {
            Shell.comment(out, "Nothing in the session is a RETR or a LIST: there is no curl command.");
        }
        for (String url : expressed) {
            List<String> words = new ArrayList<>(List.of("curl", "--silent", "--show-error", Shell.quote(url)));
            tlsWords(words, address, session.stls, session.untrustedCertificate);
            words.add("--user");
            words.add(Shell.quoteExpanding(session.userOrReference() + ":" + session.passwordOrReference()));
            if (!session.login.equals("USER") && !session.login.isEmpty()) {
                words.add("--login-options");
                words.add(session.login.equals("APOP") ? "AUTH=+APOP" : "AUTH=" + session.login);
            }
            out.append(String.join(" ", words)).append('\n');
        }
    }

    private static void tlsWords(List<String> words, ServerAddress address, boolean upgraded, boolean untrusted) {
        if (address.tlsMode() != TlsMode.IMPLICIT && upgraded) {
            words.add("--ssl-reqd"); // STARTTLS / STLS, and fail rather than go on in plain text
        }
        if (untrusted && (upgraded || address.tlsMode() == TlsMode.IMPLICIT)) {
            words.add("--insecure"); // the session's certificate was not trusted either
        }
    }

    // ---- openssl s_client ----

    private static void openssl(StringBuilder out, List<ClientLine> lines, List<String> irregular, String heloName,
                                SmtpSessionReading smtp, Pop3SessionReading pop3, ServerAddress address) {
        boolean isSmtp = address.protocol() == MailProtocol.SMTP;
        comments(out, List.of(), irregular);
        List<String> words = new ArrayList<>(List.of("openssl", "s_client"));
        int first = 0;
        if (address.tlsMode() != TlsMode.IMPLICIT) {
            String upgrade = isSmtp ? "STARTTLS" : "STLS";
            int upgradeAt = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).command() && lines.get(i).verb().equals(upgrade)) {
                    upgradeAt = i;
                    break;
                }
            }
            if (upgradeAt < 0) {
                Shell.comment(out, "The session ran in plain text; openssl s_client speaks only TLS, so it upgrades "
                        + "with " + upgrade + " first (the server must offer it).");
            }
            for (int i = 0; i < Math.max(upgradeAt, 0); i++) {
                ClientLine skipped = lines.get(i);
                if (!(isSmtp && (skipped.verb().equals("EHLO") || skipped.verb().equals("HELO")))
                        && !(!isSmtp && skipped.verb().equals("CAPA"))) {
                    Shell.comment(out, Shell.quote(skipped.text()) + " came before " + upgrade
                            + " in plain text; openssl sends only its own greeting there, so it is not reproduced.");
                }
            }
            first = upgradeAt + 1;
            words.add("-starttls");
            words.add(isSmtp ? "smtp" : "pop3");
            if (isSmtp && !heloName.isEmpty()) {
                words.add("-name"); // the EHLO name openssl sends before STARTTLS
                words.add(Shell.quote(heloName));
            }
        }
        words.add("-connect");
        words.add(Shell.quote(address.hostForUri() + ":" + address.port()));
        words.add("-crlf"); // every line ends with CRLF (RFC 5321 §2.3.8, RFC 1939 §3)
        words.add("-quiet"); // and a line starting with R or Q is text, not a renegotiation or quit
        Shell.comment(out, "Paste the lines below once the TLS handshake is done, one at a time to read each reply; "
                + "or run the whole text as it is.");
        List<String> paste = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            paste.add(pasteLine(lines.get(i), smtp, pop3));
        }
        out.append(String.join(" ", words)).append(" <<").append(Shell.delimiter(paste)).append('\n');
        for (String line : paste) {
            out.append(line).append('\n');
        }
        out.append(Shell.delimiter(paste)).append('\n');
    }

    /** A client line for an unquoted here-document: a masked secret becomes a command that computes it. */
    private static String pasteLine(ClientLine line, SmtpSessionReading smtp, Pop3SessionReading pop3) {
        String text = line.text();
        if (pop3 != null && line.command() && line.verb().equals("PASS") && pop3.password == null) {
            return "PASS " + Shell.PASSWORD;
        }
        if (smtp != null && smtp.password == null && !smtp.authMechanism.isEmpty()) {
            String user = Shell.quoteExpanding(smtp.userOrReference());
            if (line.command() && line.verb().equals("AUTH") && smtp.authMechanism.equals("PLAIN")
                    && text.strip().split("\\s+").length > 2) {
                return "AUTH PLAIN $(printf '\\0%s\\0%s' " + user + " \"" + Shell.PASSWORD + "\" | base64 -w0)";
            }
            if (!line.command() && smtp.authMechanism.equals("LOGIN") && line.sequence() == lastAuthResponse(smtp)) {
                return "$(printf %s \"" + Shell.PASSWORD + "\" | base64 -w0)";
            }
        }
        return Shell.unexpanded(text);
    }

    private static long lastAuthResponse(SmtpSessionReading smtp) {
        long last = -1;
        boolean inAuth = false;
        for (ClientLine line : smtp.lines) {
            if (line.command()) {
                inAuth = line.verb().equals("AUTH");
            } else if (inAuth) {
                last = line.sequence();
            }
        }
        return last;
    }

    // ---- shared ----

    private static void comments(StringBuilder out, List<String> unsaid, List<String> irregular) {
        for (String sentence : irregular) {
            Shell.comment(out, "Not reproduced: " + sentence + ".");
        }
        for (String sentence : unsaid) {
            Shell.comment(out, "Not reproduced: " + sentence + ".");
        }
    }

    /** {@code command <<'MAILBENCH'}, the text, and the delimiter: quoted, so the shell changes nothing in it. */
    private static void hereDocument(StringBuilder out, String command, String text, boolean quoted) {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        String delimiter = Shell.delimiter(lines);
        out.append(command).append(" <<").append(quoted ? "'" + delimiter + "'" : delimiter).append('\n');
        for (String line : lines) {
            out.append(line).append('\n');
        }
        out.append(delimiter).append('\n');
    }
}
