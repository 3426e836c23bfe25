package dev.mailbench.mime;

import static dev.mailbench.mime.Severity.ERROR;
import static dev.mailbench.mime.Severity.INFO;
import static dev.mailbench.mime.Severity.WARNING;

/** What a careful reader of a raw message flags, with the rule each one comes from. */
public enum ProblemKind {
    MISSING_DATE(ERROR, "RFC 5322 §3.6", "no Date: field"),
    MISSING_FROM(ERROR, "RFC 5322 §3.6", "no From: field"),
    MISSING_MESSAGE_ID(WARNING, "RFC 5322 §3.6.4", "no Message-ID: field"),
    REPEATED_FIELD(ERROR, "RFC 5322 §3.6", "a header field a message may have only once, more than once"),
    MISSING_MIME_VERSION(ERROR, "RFC 2045 §4", "MIME header fields without MIME-Version:"),
    HEADER_WITHOUT_COLON(ERROR, "RFC 5322 §2.2", "a header line without a colon"),
    INVALID_HEADER_NAME(ERROR, "RFC 5322 §3.6.8", "a header field name with characters a name cannot have"),
    NON_ASCII_HEADER(WARNING, "RFC 5322 §2.2, RFC 2047", "8-bit bytes in a header field instead of encoded words"),
    HEADER_SECTION_TOO_LONG(WARNING, "RFC 5322 §2.1", "a header section too long to list"),
    MALFORMED_CONTENT_TYPE(ERROR, "RFC 2045 §5.1", "a Content-Type field that does not parse"),
    MALFORMED_CONTENT_DISPOSITION(WARNING, "RFC 2183 §2", "a Content-Disposition field that does not parse"),
    MISSING_BOUNDARY_PARAMETER(ERROR, "RFC 2046 §5.1.1", "a multipart without a boundary parameter"),
    NO_START_BOUNDARY(ERROR, "RFC 2046 §5.1.1", "a multipart whose boundary never appears"),
    UNCLOSED_BOUNDARY(ERROR, "RFC 2046 §5.1.1", "a multipart without its close delimiter"),
    ENCODED_COMPOSITE(ERROR, "RFC 2045 §6.4", "a multipart or message part with a transfer encoding"),
    UNKNOWN_TRANSFER_ENCODING(ERROR, "RFC 2045 §6.4", "an unknown Content-Transfer-Encoding"),
    BAD_ENCODED_WORD(WARNING, "RFC 2047 §4", "an encoded word that its encoding cannot decode"),
    UNKNOWN_CHARSET(WARNING, "RFC 2046 §4.1.2, RFC 2047 §2", "a charset this reader does not know"),
    UNDECLARED_8BIT(ERROR, "RFC 2045 §2.7", "8-bit bytes where the transfer encoding promises 7-bit data"),
    BASE64_ILLEGAL_CHARACTER(WARNING, "RFC 2045 §6.8", "characters outside the base64 alphabet"),
    BASE64_BAD_PADDING(ERROR, "RFC 2045 §6.8", "base64 data that does not end in whole, padded groups"),
    QP_BAD_ESCAPE(ERROR, "RFC 2045 §6.7", "an = in quoted-printable not followed by two hex digits"),
    QP_BAD_SOFT_BREAK(ERROR, "RFC 2045 §6.7", "an = and white space in quoted-printable not at a line end"),
    DECODING_FAILED(ERROR, "RFC 2045 §6", "a body that its transfer encoding cannot decode"),
    LINE_TOO_LONG(ERROR, "RFC 5322 §2.1.1", "a line longer than 998 octets"),
    BARE_LF(ERROR, "RFC 5322 §2.3", "a line ending in LF without CR"),
    BARE_CR(ERROR, "RFC 5322 §2.3", "a CR not followed by LF"),
    ENVELOPE_FROM_MISMATCH(INFO, "RFC 5321 §3.3, RFC 5322 §3.6.2", "From: differs from the envelope MAIL FROM"),
    NESTING_TOO_DEEP(WARNING, "RFC 2046 §5", "parts nested too deep to analyse"),
    UNREADABLE(ERROR, "RFC 2045", "a part that could not be read");

    private final Severity severity;
    private final String rule;
    private final String title;

    ProblemKind(Severity severity, String rule, String title) {
        this.severity = severity;
        this.rule = rule;
        this.title = title;
    }

    /** The severity a problem of this kind has unless the finder says otherwise. */
    public Severity severity() {
        return severity;
    }

    /** The RFC section the rule comes from, e.g. {@code RFC 5322 §2.1.1}. */
    public String rule() {
        return rule;
    }

    /** A short description of the kind, e.g. "a line longer than 998 octets". */
    public String title() {
        return title;
    }
}
