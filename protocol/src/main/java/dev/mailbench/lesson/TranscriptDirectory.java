package dev.mailbench.lesson;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory of kept transcripts, one file per connection, read in the order of their names (so a writer names
 * them to sort oldest first: {@code 000042-smtp.transcript}). The format, UTF-8 text:
 *
 * <pre>
 * mailbench-transcript 1 SMTP
 * S- 220 mail.example.test ESMTP ready\r\n
 * C- EHLO client.example.test\r\n
 * N- TLS established
 * C+ EHLO client.example.test\r\n
 * </pre>
 *
 * The first line names the protocol; each other line is one event: its direction ({@code C} client, {@code S}
 * server, {@code N} note), {@code +} when it travelled inside TLS ({@code -} otherwise), a space, and its exact
 * bytes with {@code \\}, {@code \r}, {@code \n}, {@code \t} and every other octet outside printable ASCII written
 * {@code \xHH}. Passwords are whatever the writer left of them (the practice server masks them).
 */
public final class TranscriptDirectory implements TranscriptSource {

    /** The folder of a practice server's data directory that holds its kept transcripts. */
    public static final String FOLDER = "transcripts";
    /** The name every kept transcript's file ends with. */
    public static final String SUFFIX = ".transcript";
    static final String MAGIC = "mailbench-transcript 1 ";

    private final Path directory;

    public TranscriptDirectory(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<RecordedSession> sessions() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        List<RecordedSession> sessions = new ArrayList<>();
        for (Path file : files) {
            sessions.add(read(file));
        }
        return sessions;
    }

    /** Reads one transcript file. */
    public static RecordedSession read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC)) {
            throw new IOException(name + ":1: not a transcript (it must start with \"" + MAGIC + "SMTP\" or POP3)");
        }
        MailProtocol protocol;
        try {
            protocol = MailProtocol.valueOf(lines.get(0).substring(MAGIC.length()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ":1: unknown protocol in \"" + lines.get(0) + "\"", e);
        }
        Transcript transcript = new Transcript();
        List<TranscriptEvent> events = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 3 || "CSN".indexOf(line.charAt(0)) < 0 || "+-".indexOf(line.charAt(1)) < 0
                    || line.charAt(2) != ' ') {
                throw new IOException(name + ":" + (i + 1) + ": an event line starts with C, S or N, + or -, a space");
            }
            Direction direction = switch (line.charAt(0)) {
                case 'C' -> Direction.CLIENT;
                case 'S' -> Direction.SERVER;
                default -> Direction.NOTE;
            };
            byte[] bytes = unescape(line.substring(3), name + ":" + (i + 1));
            events.add(transcript.record(direction, bytes, line.charAt(1) == '+', Set.of(), null));
        }
        return new RecordedSession(name, protocol, events);
    }

    /** Writes one connection's events in the format above. */
    public static void write(Path file, MailProtocol protocol, List<TranscriptEvent> events) throws IOException {
        StringBuilder text = new StringBuilder(MAGIC).append(protocol.name()).append('\n');
        for (TranscriptEvent event : events) {
            text.append(switch (event.direction()) {
                case CLIENT -> 'C';
                case SERVER -> 'S';
                case NOTE -> 'N';
            }).append(event.tls() ? '+' : '-').append(' ').append(escape(event.bytes())).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02X", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        return out.toString();
    }

    static byte[] unescape(String text, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                if (c >= 0x80) {
                    out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(c);
                }
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IOException(where + ": a lone \\ at the end of the line");
            }
            char next = text.charAt(++i);
            switch (next) {
                case '\\' -> out.write('\\');
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'x' -> {
                    try {
                        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                        throw new IOException(where + ": \\x needs two hexadecimal digits", e);
                    }
                    i += 2;
                }
                default -> throw new IOException(where + ": unknown escape \\" + next);
            }
        }
        return out.toByteArray();
    }
}
