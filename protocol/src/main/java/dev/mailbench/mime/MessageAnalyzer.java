package dev.mailbench.mime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens a raw message and describes it: the part tree with byte ranges, the header fields, the
 * {@code Received:} chain and the problems a careful reader would flag. A broken message is still
 * described as far as it can be read; analysis never throws because of what a message contains (only
 * because a file cannot be read).
 *
 * <p><b>Memory.</b> {@link #analyze(Path)} never holds the message in memory: Jakarta Mail parses over
 * shared streams that refer to offsets in the file, every check reads the bytes it needs in 64 KiB
 * chunks, and decoded sizes are counted by streaming through the decoder. A 45 MB attachment therefore
 * costs a few buffers, not 45 MB. {@link #analyze(byte[])} and {@link #analyze(InputStream)} hold the
 * message once, as the array the analysis then refers to; nothing is copied from it.
 */
public final class MessageAnalyzer {

    private MessageAnalyzer() {
    }

    public static MessageAnalysis analyze(Path file) throws IOException {
        return analyze(MessageSource.of(file), null);
    }

    /** @param envelope the SMTP envelope the message came with, or null when unknown */
    public static MessageAnalysis analyze(Path file, Envelope envelope) throws IOException {
        return analyze(MessageSource.of(file), envelope);
    }

    /** Reads the stream to its end (it is not closed) and analyses the bytes, held in memory. */
    public static MessageAnalysis analyze(InputStream in) throws IOException {
        return analyze(in.readAllBytes());
    }

    public static MessageAnalysis analyze(InputStream in, Envelope envelope) throws IOException {
        return analyze(in.readAllBytes(), envelope);
    }

    public static MessageAnalysis analyze(byte[] message) {
        return analyze(message, null);
    }

    public static MessageAnalysis analyze(byte[] message, Envelope envelope) {
        try {
            return analyze(MessageSource.of(message), envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    public static MessageAnalysis analyze(MessageSource source, Envelope envelope) throws IOException {
        ProblemCollector problems = new ProblemCollector();
        try (ByteReader reader = source.openReader()) {
            PartNode root = new PartTreeBuilder(reader, problems).root();
            checkEnvelope(root, envelope, problems);
            LineScanner lines = new LineScanner(problems, problems.offsetsWithoutLines());
            ByteScanner.run(reader, source.all(), lines);
            List<Problem> found = problems.finish(lines::lineOf, offset -> partAt(root, offset).path());
            return new MessageAnalysis(source, root, found, envelope, MessageShape.notAMessage(source).orElse(null));
        }
    }

    /**
     * The envelope sender against {@code From:} (walkthrough 002: servers act on MAIL FROM, readers see
     * From:). Without an envelope, the Return-Path field stands in: the final server records MAIL FROM
     * there at delivery (RFC 5321 §4.4). The null reverse-path of a bounce is not compared.
     */
    private static void checkEnvelope(PartNode root, Envelope envelope, ProblemCollector problems) {
        String mailFrom;
        String source;
        if (envelope != null) {
            mailFrom = envelope.mailFromAddress();
            source = "the envelope's MAIL FROM:<" + mailFrom + ">";
        } else {
            HeaderField returnPath = PartTreeBuilder.first(root.headers(), "Return-Path");
            if (returnPath == null) {
                return;
            }
            mailFrom = Envelope.address(returnPath.decoded());
            source = "Return-Path: <" + mailFrom + "> (the MAIL FROM recorded at delivery)";
        }
        if (mailFrom.isEmpty()) {
            return;
        }
        List<HeaderField> froms = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (HeaderField f : root.headers()) {
            if (f.hasName("From")) {
                froms.add(f);
                addresses.addAll(addresses(f.decoded()));
            }
        }
        if (froms.isEmpty()) {
            return;
        }
        String wanted = mailFrom.toLowerCase(Locale.ROOT);
        if (addresses.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted))) {
            problems.add(ProblemKind.ENVELOPE_FROM_MISMATCH, "From: " + String.join(", ", addresses.isEmpty()
                    ? List.of(froms.get(0).decoded()) : addresses) + " differs from " + source
                    + "; servers route and bounce by the envelope, readers see From:", "", froms.get(0).range().start());
        }
    }

    private static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.getAddress() != null) {
                    out.add(a.getAddress());
                }
            }
        } catch (AddressException | RuntimeException e) {
            // an unparseable From: yields no address, so it is reported as differing
        }
        return out;
    }

    /**
     * The deepest part whose bytes include {@code offset}. A message's single body part shares the
     * message's header section, so an offset in that header belongs to the message, not the body part.
     */
    static PartNode partAt(PartNode root, long offset) {
        PartNode current = root;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (PartNode child : current.children()) {
                boolean inBody = child.bodyRange().contains(offset);
                boolean inOwnHeader = child.headerRange().contains(offset) && !sharesHeader(current, child);
                if (inBody || inOwnHeader) {
                    current = child;
                    descended = true;
                    break;
                }
            }
        }
        return current;
    }

    private static boolean sharesHeader(PartNode parent, PartNode child) {
        if (parent.kind() == PartKind.MESSAGE) {
            return child.headerRange().equals(parent.headerRange());
        }
        return parent.embedded() != null && child.headerRange().equals(parent.embedded().headerRange());
    }
}
