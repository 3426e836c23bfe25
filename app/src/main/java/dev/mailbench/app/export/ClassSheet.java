package dev.mailbench.app.export;

import java.util.List;
import java.util.Objects;

/**
 * The teacher's printable sheet for a class: one card per student, to cut out and hand out, with the account,
 * the password, where the server is (address and ports), the certificate's fingerprint to compare with the one
 * the student's Mailbench shows, and the ids of the lessons. Written as XHTML ({@link #html()}), printed as PDF
 * through {@link HtmlToPdf}.
 *
 * @param cards       one per student, in order
 * @param address     what students type to reach the server
 * @param smtpPort    the SMTP port
 * @param pop3Port    the POP3 port
 * @param fingerprint the certificate's SHA-256 fingerprint
 * @param domain      the mail domain (the students' addresses)
 * @param lessonIds   the lessons, by id
 * @param tlsForAuth  whether passwords are taken only after STARTTLS / STLS
 */
public record ClassSheet(List<Card> cards, String address, int smtpPort, int pop3Port, String fingerprint,
                         String domain, List<String> lessonIds, boolean tlsForAuth) {

    /** One student's card. */
    public record Card(String name, String account, String password) {
        public Card {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(password, "password");
        }
    }

    public ClassSheet {
        cards = List.copyOf(cards);
        lessonIds = List.copyOf(lessonIds);
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(domain, "domain");
    }

    /** The sheet as XHTML, with its CSS inline: two cards across an A4 page, cut lines dashed. */
    public String html() {
        StringBuilder html = new StringBuilder();
        html.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
                <head>
                <meta charset="UTF-8"/>
                <title>Mailbench class accounts</title>
                <style>
                  @page { size: A4; margin: 12mm; }
                  body { font-family: sans-serif; font-size: 10pt; color: black; background: white; }
                  .card { float: left; width: 82mm; margin: 0 2mm 4mm 0; padding: 3mm;
                          border: 1px dashed #555555; page-break-inside: avoid; }
                  .name { font-size: 12pt; font-weight: bold; margin-bottom: 2mm; }
                  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
                  td { padding: 0.4mm 2mm 0.4mm 0; vertical-align: top; }
                  td.key { color: #333333; white-space: nowrap; width: 20mm; }
                  .secret { font-family: monospace; font-size: 12pt; font-weight: bold; }
                  .mono { font-family: monospace; }
                  .fingerprint { font-family: monospace; font-size: 6.5pt; word-wrap: break-word; word-break: break-all; }
                  .note { font-size: 8pt; margin-top: 1.5mm; }
                </style>
                </head>
                <body>
                """);
        String lessons = String.join(", ", lessonIds);
        String auth = tlsForAuth ? "Send STARTTLS (SMTP) or STLS (POP3) before your password." : "";
        for (Card card : cards) {
            html.append("<div class=\"card\">\n")
                    .append("<div class=\"name\">").append(escape(card.name())).append("</div>\n")
                    .append("<table>\n")
                    .append(row("Account", "<span class=\"mono\">" + escape(card.account()) + "</span>"))
                    .append(row("Password", "<span class=\"secret\">" + escape(card.password()) + "</span>"))
                    .append(row("Address", "<span class=\"mono\">" + escape(card.account()) + "@" + escape(domain) + "</span>"))
                    .append(row("Server", "<span class=\"mono\">" + escape(address) + "</span>"))
                    .append(row("Ports", "SMTP " + smtpPort + ", POP3 " + pop3Port))
                    .append(row("Certificate", "<span class=\"fingerprint\">SHA-256 " + escape(fingerprint) + "</span>"))
                    .append(row("Lessons", "<span class=\"mono\">" + escape(lessons) + "</span>"))
                    .append("</table>\n");
            // the teacher's view knows a connection by who logged in or sent as whom (StudentFilter)
            html.append("<div class=\"note\">").append(escape("Where a lesson sends as bob@example.test, send as "
                    + card.account() + "@" + domain + " or log in first: that is how your work is counted."))
                    .append("</div>\n");
            if (!auth.isEmpty()) {
                html.append("<div class=\"note\">").append(escape(auth)).append("</div>\n");
            }
            html.append("</div>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String row(String key, String valueHtml) {
        return "<tr><td class=\"key\">" + key + "</td><td>" + valueHtml + "</td></tr>\n";
    }

    /** Text as XHTML character data. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
