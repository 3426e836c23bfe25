package dev.mailbench.smtp;

/** Replies of IIS 6 SMTP as captured in walkthrough 004 (telnet to port 25, 2009). */
final class Walkthrough004 {
    static final String GREETING =
            "220 C34495-51701 Microsoft ESMTP MAIL Service, Version: 6.0.3790.3959 ready at  Fri, 25 Sep 2009 14:27:48 +0200\r\n";

    static final String EHLO_REPLY = String.join("\r\n",
            "250-C34495-51701 Hello [93.62.0.xxx]",
            "250-AUTH GSSAPI NTLM LOGIN",
            "250-AUTH=LOGIN",
            "250-TURN",
            "250-SIZE",
            "250-ETRN",
            "250-PIPELINING",
            "250-DSN",
            "250-ENHANCEDSTATUSCODES",
            "250-8bitmime",
            "250-BINARYMIME",
            "250-CHUNKING",
            "250-VRFY",
            "250 OK") + "\r\n";

    static final String RCPT_REPLY = "250 2.1.5 test@myrocode.com\r\n";

    static final String DATA_REPLY = "250 2.6.0 <C34495-51701DcBi4FS00000001@C34495-51701> Queued mail for delivery\r\n";

    private Walkthrough004() {
    }
}
