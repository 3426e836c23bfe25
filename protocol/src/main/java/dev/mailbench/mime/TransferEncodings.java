package dev.mailbench.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.HeaderTokenizer;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.util.BASE64DecoderStream;

/** Content-Transfer-Encoding values (RFC 2045 §6) and streaming decoders for them. */
final class TransferEncodings {

    static final String SEVEN_BIT = "7bit";

    /** RFC 2045 §6.4: the only encodings a multipart or message/rfc822 entity may have. */
    private static final Set<String> IDENTITY = Set.of("7bit", "8bit", "binary");
    private static final Set<String> UUENCODE = Set.of("uuencode", "x-uuencode", "x-uue");

    private TransferEncodings() {
    }

    /** The encoding named by a Content-Transfer-Encoding value, lower case, comments dropped. */
    static String parse(String value) {
        try {
            HeaderTokenizer tokens = new HeaderTokenizer(value, HeaderTokenizer.MIME);
            HeaderTokenizer.Token token;
            do {
                token = tokens.next();
                if (token.getType() == HeaderTokenizer.Token.ATOM) {
                    return token.getValue().toLowerCase(Locale.ROOT);
                }
            } while (token.getType() != HeaderTokenizer.Token.EOF);
        } catch (ParseException | RuntimeException e) {
            // fall through: use the value as written
        }
        return RawText.trimBlanks(value).toLowerCase(Locale.ROOT);
    }

    static boolean isIdentity(String encoding) {
        return IDENTITY.contains(encoding);
    }

    static boolean isKnown(String encoding) {
        return IDENTITY.contains(encoding) || UUENCODE.contains(encoding)
                || encoding.equals("base64") || encoding.equals("quoted-printable");
    }

    /**
     * The decoded bytes of {@code raw}, streamed. Base64 is decoded leniently (Jakarta Mail's decoder with
     * errors ignored), so a damaged body still yields what it can; unknown encodings pass bytes through.
     */
    static InputStream decode(InputStream raw, String encoding) throws IOException {
        if (encoding.equals("base64")) {
            return new BASE64DecoderStream(raw, true);
        }
        if (encoding.equals("quoted-printable") || UUENCODE.contains(encoding)) {
            try {
                return MimeUtility.decode(raw, encoding);
            } catch (MessagingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return raw;
    }
}
