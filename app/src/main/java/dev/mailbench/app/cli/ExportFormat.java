package dev.mailbench.app.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine;

/**
 * What {@code mailbench export} turns a session file into: a handout, or the commands that reproduce the session.
 * Only formats this build can write are listed.
 */
public enum ExportFormat {
    /** The handout: one self-contained HTML page, transcript coloured, each reply explained. */
    HTML("html", true),
    /** The handout as a PDF, rendered from the same page. */
    PDF("pdf", false),
    /**
     * Every connection's ladder (sequence diagram) as SVG: one document, the connections' ladders stacked from the
     * top in the order they were made.
     */
    SVG("svg", true),
    /** The ladders as one PNG image, stacked as in the SVG (a very long ladder is cut and says so). */
    PNG("png", false),
    /** The session as a swaks command line (SMTP only), what swaks cannot say named in a comment. */
    SWAKS("swaks", true),
    /** The session as a curl command line (smtp://, smtps://, pop3://, pop3s://). */
    CURL("curl", true),
    /** The session as an {@code openssl s_client} invocation with the lines to paste. */
    OPENSSL("openssl", true);

    private final String extension;
    private final boolean text;

    ExportFormat(String extension, boolean text) {
        this.extension = extension;
        this.text = text;
    }

    /** The name on the command line and the file name's extension: {@code html}, {@code pdf}, {@code swaks} … */
    public String id() {
        return extension;
    }

    /** Whether the format is text, which goes to standard output when no file is named. */
    public boolean isText() {
        return text;
    }

    /** Every format's name, comma separated, for help and error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
    }

    /** Reads {@code --as}: any case; an unknown format is a usage error. */
    static final class Converter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return Arrays.stream(values())
                    .filter(format -> format.id().equals(value.strip().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "unknown format '" + value + "', expected one of " + ids()));
        }
    }

    /** The names help lists after {@code --as}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ExportFormat::id).iterator();
        }
    }
}
