package dev.mailbench.server.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailbench.explain.EventText;
import dev.mailbench.server.EndedConnection;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file one practice-server connection is kept in: JSON lines, UTF-8, one JSON object a line.
 *
 * <p>The first line describes the connection:
 * <pre>{"format":"mailbench-server-transcript","version":1,"protocol":"SMTP","remote":"127.0.0.1:40212",
 *  "started":"2026-12-07T03:40:12.345Z","users":["bob"],"senders":["bob@example.test"]}</pre>
 * each following line is one transcript event, in order:
 * <pre>{"dir":"client","time":"2026-12-07T03:40:13.001Z","tls":false,"octets":"TUFJTCBGUk9NOjxib2JAZXhhbXBsZS50ZXN0Pg0K",
 *  "latency-ns":1250000,"issues":["BARE_LF"],"decoded":"…","secret":true}</pre>
 * {@code dir} is {@code client}, {@code server} or {@code note}; {@code octets} are the exact octets in base64,
 * line ending included (a note's text in UTF-8); {@code latency-ns}, {@code issues}, {@code decoded} and
 * {@code secret} appear only when there is something to say. A line that carried a password (PASS, an AUTH
 * response) is kept masked as the server's transcript shows it ({@link EventText#mask}: {@code PASS ••••••}),
 * with {@code "secret":true}; the password itself is never written.
 *
 * <p>A file is written in one go when its connection ends, without forcing it to disk; a crash while writing
 * leaves a last line cut short, which {@link #read} reports as the file's problem, keeping the events before it.
 */
public final class TranscriptFile {
    static final String FORMAT = "mailbench-server-transcript";
    static final int VERSION = 1;
    /** The name every transcript file ends with. */
    public static final String SUFFIX = ".jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptFile() {
    }

    /** Writes a connection's file: its description, then every event of its transcript. */
    static void write(EndedConnection connection, List<TranscriptEvent> events, Writer out) throws IOException {
        ObjectNode header = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("protocol", connection.protocol().name())
                .put("remote", connection.remote())
                .put("started", connection.started().toString());
        ArrayNode users = header.putArray("users");
        connection.users().forEach(users::add);
        ArrayNode senders = header.putArray("senders");
        connection.senders().forEach(senders::add);
        writeLine(header, out);
        for (TranscriptEvent event : events) {
            writeLine(eventNode(event), out);
        }
    }

    private static ObjectNode eventNode(TranscriptEvent event) {
        ObjectNode node = JSON.createObjectNode()
                .put("dir", event.direction().name().toLowerCase(Locale.ROOT))
                .put("time", event.time().toString())
                .put("tls", event.tls());
        boolean secret = EventText.isSecret(event);
        byte[] octets = secret ? masked(event) : event.bytes();
        node.put("octets", Base64.getEncoder().encodeToString(octets));
        if (event.sinceCommand() != null) {
            node.put("latency-ns", event.sinceCommand().toNanos());
        }
        if (!event.issues().isEmpty()) {
            ArrayNode issues = node.putArray("issues");
            event.issues().forEach(issue -> issues.add(issue.name()));
        }
        Annotation annotation = event.annotation();
        if (annotation != null) {
            node.put("decoded", annotation.decoded());
        }
        if (secret) {
            node.put("secret", true);
        }
        return node;
    }

    /** A secret line as the transcript shows it: the verb kept, the secret masked, the line ending as it was. */
    private static byte[] masked(TranscriptEvent event) {
        String text = event.text();
        String ending = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : text.endsWith("\r") ? "\r" : "";
        return (EventText.mask(event.line()) + ending).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeLine(JsonNode node, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(node));
        out.write('\n');
    }

    /** Writes a connection's file at {@code file}, which must not exist yet. */
    static void write(EndedConnection connection, List<TranscriptEvent> events, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            write(connection, events, out);
        }
    }

    /**
     * Reads a transcript file. What is wrong with it is told in {@link SavedTranscript#problem()}, never thrown:
     * a last line cut short (the server stopped while writing it), a line that is not an event, a first line
     * that does not describe a connection. The events before the problem are kept.
     *
     * @throws IOException only if the file cannot be read at all
     */
    public static SavedTranscript read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean endsWithNewline;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        long size = Files.size(file);
        endsWithNewline = size == 0 || lastOctet(file) == '\n';
        Transcript transcript = new Transcript();
        if (lines.isEmpty()) {
            return new SavedTranscript(file, null, "", Instant.EPOCH, Set.of(), Set.of(), transcript,
                    Optional.of("the file is empty: the server stopped before writing it"));
        }
        JsonNode header;
        try {
            header = JSON.readTree(lines.get(0));
        } catch (JsonProcessingException e) {
            header = null;
        }
        if (header == null || !FORMAT.equals(header.path("format").asText())) {
            String why = lines.size() == 1 && !endsWithNewline
                    ? "the first line is cut short: the server stopped while writing it"
                    : "the first line does not describe a connection: not a Mailbench server transcript";
            return new SavedTranscript(file, null, "", Instant.EPOCH, Set.of(), Set.of(), transcript, Optional.of(why));
        }
        MailProtocol protocol;
        Instant started;
        try {
            protocol = MailProtocol.valueOf(header.path("protocol").asText());
            started = Instant.parse(header.path("started").asText());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new SavedTranscript(file, null, "", Instant.EPOCH, Set.of(), Set.of(), transcript,
                    Optional.of("line 1: the protocol or the start time is missing or wrong"));
        }
        String problem = null;
        for (int i = 1; i < lines.size() && problem == null; i++) {
            boolean last = i == lines.size() - 1;
            try {
                replay(JSON.readTree(lines.get(i)), transcript);
            } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
                problem = last && !endsWithNewline
                        ? "line " + (i + 1) + " is cut short: the server stopped while writing it; the "
                                + transcript.size() + " events before it are read"
                        : "line " + (i + 1) + " is not a transcript event; the " + transcript.size()
                                + " events before it are read";
            }
        }
        return new SavedTranscript(file, protocol, header.path("remote").asText(""), started,
                strings(header.path("users")), strings(header.path("senders")), transcript, Optional.ofNullable(problem));
    }

    private static void replay(JsonNode node, Transcript transcript) {
        if (!node.isObject() || !node.hasNonNull("dir") || !node.hasNonNull("time") || !node.hasNonNull("octets")) {
            throw new IllegalArgumentException("not an event");
        }
        Direction direction = Direction.valueOf(node.get("dir").asText().toUpperCase(Locale.ROOT));
        byte[] octets = Base64.getDecoder().decode(node.get("octets").asText());
        Instant time = Instant.parse(node.get("time").asText());
        Duration latency = node.has("latency-ns") ? Duration.ofNanos(node.get("latency-ns").asLong()) : null;
        Set<LineIssue> issues = EnumSet.noneOf(LineIssue.class);
        node.path("issues").forEach(issue -> issues.add(LineIssue.valueOf(issue.asText())));
        boolean secret = node.path("secret").asBoolean(false);
        Annotation annotation = node.hasNonNull("decoded")
                ? new Annotation(node.get("decoded").asText(), node.get("decoded").asText(), secret)
                : secret ? Annotation.secret(EventText.mask(""), EventText.mask("")) : null;
        transcript.replay(direction, octets, time, latency, node.path("tls").asBoolean(false),
                issues.isEmpty() ? Set.of() : Set.copyOf(issues), annotation);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static int lastOctet(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one);
            return one.get(0);
        }
    }
}
