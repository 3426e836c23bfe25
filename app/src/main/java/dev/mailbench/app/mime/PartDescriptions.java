package dev.mailbench.app.mime;

import java.util.Locale;

import dev.mailbench.mime.EmbeddedMessage;
import dev.mailbench.mime.HeaderField;
import dev.mailbench.mime.PartKind;
import dev.mailbench.mime.PartNode;

/** The words the viewer uses for a part: its tree label, its size, a file name to save it under. */
public final class PartDescriptions {

    private static final String SEPARATOR = " · ";

    private PartDescriptions() {
    }

    /**
     * The part's line in the tree, e.g. {@code 1.2  text/html; charset=utf-8 · quoted-printable · 310 bytes}
     * or {@code 3  application/pdf · base64 · attachment “résumé (final).pdf” · 245 bytes}.
     */
    public static String label(PartNode part) {
        StringBuilder label = new StringBuilder(part.label()).append("  ").append(part.contentType());
        if (part.charset() != null) {
            label.append("; charset=").append(part.charset());
        }
        boolean composite = part.kind() != PartKind.LEAF;
        // a multipart or message part may only be 7bit, 8bit or binary (RFC 2045 §6.4): say it when it is not 7bit
        if (!composite || !part.transferEncoding().equals("7bit")) {
            label.append(SEPARATOR).append(part.transferEncoding());
        }
        if (part.disposition() != null) {
            label.append(SEPARATOR).append(part.disposition());
        }
        if (part.filename() != null) {
            label.append(part.disposition() == null ? SEPARATOR : " ").append('“').append(part.filename()).append('”');
        }
        // the whole message: its size as received; a part: its content's, transfer encoding undone
        label.append(SEPARATOR).append(size(part.isRoot() ? part.range().length() : part.decodedSize()));
        if (part.kind() == PartKind.EMBEDDED_MESSAGE) {
            part.embeddedMessage().map(PartDescriptions::subject)
                    .ifPresent(subject -> label.append(SEPARATOR).append("Subject: ").append(subject));
        }
        return label.toString();
    }

    private static String subject(EmbeddedMessage message) {
        return message.headers().stream().filter(h -> h.hasName("Subject")).map(HeaderField::decoded)
                .findFirst().orElse("(none)");
    }

    /** {@code 812 bytes}, {@code 1.2 KiB}, {@code 45.3 MiB}. */
    public static String size(long bytes) {
        if (bytes == 1) {
            return "1 byte";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /**
     * A file name to save the part under: its own, without any directory a sender put in it (a name is
     * never allowed to reach outside the folder the user picks), else {@code part-1.2.<subtype>}.
     */
    public static String suggestedFileName(PartNode part) {
        String name = part.filename();
        if (name != null) {
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                    .replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
            if (!name.isEmpty() && !name.equals(".") && !name.equals("..")) {
                return name;
            }
        }
        return "part-" + (part.path().isEmpty() ? "message" : part.path()) + "." + extension(part);
    }

    /** The extension of the suggested name, or one for its media type. */
    public static String extension(PartNode part) {
        String name = part.filename();
        if (name != null) {
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && dot < name.length() - 1 && name.length() - dot <= 6) {
                return name.substring(dot + 1).toLowerCase(Locale.ROOT);
            }
        }
        String type = part.contentType();
        return switch (type) {
            case "text/plain" -> "txt";
            case "text/html" -> "html";
            case "message/rfc822", "message/global" -> "eml";
            case "image/jpeg" -> "jpg";
            case "image/svg+xml" -> "svg";
            default -> {
                String subtype = type.substring(type.indexOf('/') + 1).replaceAll("[^a-z0-9]", "");
                yield subtype.isEmpty() || subtype.length() > 8 ? "bin" : subtype;
            }
        };
    }
}
