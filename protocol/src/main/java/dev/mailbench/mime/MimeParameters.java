package dev.mailbench.mime;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content-Type and Content-Disposition read with Jakarta Mail, which also decodes RFC 2231 parameters.
 *
 * <p>Jakarta Mail's parameter parser is strict (a value with special characters must be quoted, RFC 2045
 * §5.1), and mail in the wild often is not: {@code boundary=----=_Part_1}. When the strict parse fails
 * the value is tidied (unquoted values quoted, empty parameters dropped) and parsed again, and the
 * caller is told it was read leniently.
 */
final class MimeParameters {

    enum Quality {
        /** The header parsed as written. */
        STRICT,
        /** The header parsed only after tidying. */
        LENIENT,
        /** Not even the type could be read. */
        UNREADABLE
    }

    record Type(ContentType contentType, Quality quality) {

        String baseType() {
            return contentType.getBaseType().toLowerCase(Locale.ROOT);
        }

        String parameter(String name) {
            return contentType.getParameter(name);
        }
    }

    record Disposition(ContentDisposition disposition, Quality quality) {
    }

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private MimeParameters() {
    }

    /** Parses a Content-Type value; when unreadable, {@code fallback} (which must parse) stands in. */
    static Type contentType(String value, String fallback) {
        try {
            return new Type(new ContentType(value), Quality.STRICT);
        } catch (ParseException | RuntimeException e) {
            // fall through to the lenient reading
        }
        try {
            return new Type(new ContentType(tidy(value)), Quality.LENIENT);
        } catch (ParseException | RuntimeException e) {
            // fall through
        }
        String type = RawText.trimBlanks(firstSegment(value));
        try {
            if (type.indexOf('/') > 0) {
                return new Type(new ContentType(type), Quality.LENIENT);
            }
        } catch (ParseException | RuntimeException e) {
            // fall through
        }
        try {
            return new Type(new ContentType(fallback), Quality.UNREADABLE);
        } catch (ParseException e) {
            throw new IllegalArgumentException("fallback content type does not parse: " + fallback, e);
        }
    }

    static Disposition contentDisposition(String value) {
        try {
            return new Disposition(new ContentDisposition(value), Quality.STRICT);
        } catch (ParseException | RuntimeException e) {
            // fall through to the lenient reading
        }
        try {
            return new Disposition(new ContentDisposition(tidy(value)), Quality.LENIENT);
        } catch (ParseException | RuntimeException e) {
            // fall through
        }
        try {
            String type = RawText.trimBlanks(firstSegment(value));
            if (isToken(type)) {
                return new Disposition(new ContentDisposition(type), Quality.LENIENT);
            }
        } catch (ParseException | RuntimeException e) {
            // fall through
        }
        return new Disposition(null, Quality.UNREADABLE);
    }

    /** "type; a=b c; ;d=\"e\"" becomes "type; a=\"b c\"; d=\"e\"". */
    static String tidy(String value) {
        List<String> segments = splitOutsideQuotes(value);
        StringBuilder out = new StringBuilder(RawText.trimBlanks(segments.get(0)));
        for (int i = 1; i < segments.size(); i++) {
            String segment = segments.get(i).trim();
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = segment.substring(0, eq).trim();
            String v = segment.substring(eq + 1).trim();
            if (!isToken(name)) {
                continue;
            }
            boolean quoted = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"");
            if (!quoted && !isToken(v)) {
                v = quote(v);
            }
            out.append("; ").append(name).append('=').append(v);
        }
        return out.toString();
    }

    private static String firstSegment(String value) {
        int semicolon = value.indexOf(';');
        return semicolon >= 0 ? value.substring(0, semicolon) : value;
    }

    private static List<String> splitOutsideQuotes(String value) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && inQuotes && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (c == ';' && !inQuotes) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    /** RFC 2045 §5.1 token: printable US-ASCII except space and tspecials. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || TSPECIALS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String v) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
