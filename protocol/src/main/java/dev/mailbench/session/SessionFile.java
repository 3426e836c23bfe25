package dev.mailbench.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The session file, {@code .mbsession}: a session's connections and every event of each, in JSON (UTF-8), so that
 * a session can be reopened, shown as it was live, handed out and exported. The README's "Session files" section
 * documents every field; in short:
 * <pre>{
 *   "format": "mailbench-session",
 *   "version": 1,
 *   "saved": "2026-12-07T05:00:00Z",
 *   "mailbench": "0.1.0",
 *   "passwords": "masked",
 *   "connections": [
 *     {"protocol": "SMTP", "host": "127.0.0.1", "port": 2525, "tls-mode": "STARTTLS", "user": "bob",
 *      "events": [
 *       {"dir": "note", "time": "…", "tls": false, "text": "Connected to 127.0.0.1:2525"},
 *       {"dir": "server", "time": "…", "latency-ns": 812000, "tls": false, "text": "220 mail ESMTP\r\n"},
 *       {"dir": "client", "time": "…", "tls": true, "text": "AUTH PLAIN ••••••\r\n", "masked": true,
 *        "decoded": "…", "secret": true},
 *       {"dir": "server", "time": "…", "tls": false, "base64": "MjUwIMP/DQo=", "issues": ["INVALID_UTF8"]}
 *     ]}
 *   ]
 * }</pre>
 * A line's exact octets are {@code text} when they are UTF-8 without control octets other than CR, LF and TAB,
 * else {@code base64}; either way reading gives back the same octets. Passwords are masked unless the caller asks
 * to keep them ({@link SessionSecrets}).
 *
 * <p>Reading never throws for what is inside the file: a file cut short or malformed gives what could be read, and
 * {@link SessionRecord#problems()} says what was wrong, where (line and column of the JSON). A file of a newer
 * format version is read for what this version knows, with a problem saying so.
 */
public final class SessionFile {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "mailbench-session";
    /** The format version this Mailbench writes and reads. */
    public static final int VERSION = 1;
    /** The name every session file ends with. */
    public static final String SUFFIX = ".mbsession";
    /** The media type the desktop associates with session files. */
    public static final String MEDIA_TYPE = "application/x-mailbench-session";

    private static final String PASSWORDS_MASKED = "masked";
    private static final String PASSWORDS_KEPT = "kept";

    /**
     * Made when a file is first read or written, not when the window asks {@link #isSessionFile} at start: Jackson
     * takes a tenth of a second to load on a slow machine, before the first frame.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private SessionFile() {
    }

    /** Whether the file's name ends with {@link #SUFFIX}, in any case. */
    public static boolean isSessionFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes a session. The document is laid out one event a line, so that a file reads and diffs line by line.
     *
     * @param keepPasswords write passwords in clear; otherwise the lines that carry one are masked
     */
    public static void write(SessionRecord session, Writer out, boolean keepPasswords) throws IOException {
        out.write("{\n");
        field(out, "format", FORMAT);
        field(out, "version", VERSION);
        field(out, "saved", session.saved().toString());
        field(out, "mailbench", session.mailbench());
        field(out, "passwords", keepPasswords ? PASSWORDS_KEPT : PASSWORDS_MASKED);
        out.write("  \"connections\": [");
        List<SessionConnection> connections = session.connections();
        for (int c = 0; c < connections.size(); c++) {
            out.write(c == 0 ? "\n" : ",\n");
            writeConnection(connections.get(c), out, keepPasswords);
        }
        out.write(connections.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    }

    /** Writes a session to {@code file}, replacing it only once the whole session is written. */
    public static void write(SessionRecord session, Path file, boolean keepPasswords) throws IOException {
        Path absolute = file.toAbsolutePath();
        // beside the file, made as any new file is (not createTempFile, whose file only its owner may read)
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                write(session, out, keepPasswords);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeConnection(SessionConnection connection, Writer out, boolean keepPasswords)
            throws IOException {
        SessionSettings settings = connection.settings();
        List<TranscriptEvent> events = connection.events();
        SessionSecrets secrets = SessionSecrets.read(settings.protocol(), settings.tlsMode(), events);
        ObjectNode head = Json.MAPPER.createObjectNode()
                .put("protocol", settings.protocol().name())
                .put("host", settings.host())
                .put("port", settings.port())
                .put("tls-mode", settings.tlsMode().name());
        settings.user().or(secrets::user).ifPresent(user -> head.put("user", user));
        String text = Json.MAPPER.writeValueAsString(head);
        out.write("    ");
        out.write(text, 0, text.length() - 1); // the object stays open for its events
        out.write(",\n     \"events\": [");
        for (int i = 0; i < events.size(); i++) {
            out.write(i == 0 ? "\n      " : ",\n      ");
            out.write(Json.MAPPER.writeValueAsString(eventNode(events.get(i), secrets, keepPasswords)));
        }
        out.write(events.isEmpty() ? "]}" : "\n    ]}");
    }

    /**
     * The session as a file with masked passwords holds it: the same connections and events, every line that
     * carried a password masked. For what goes out to others (a handout), whatever the session itself keeps.
     */
    public static SessionRecord masked(SessionRecord session) {
        StringWriter text = new StringWriter();
        try {
            write(session, text, false);
            SessionRecord masked = read(new StringReader(text.toString()));
            return new SessionRecord(session.version(), session.saved(), session.mailbench(), false,
                    masked.connections(), session.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string is written and read: cannot happen
        }
    }

    private static ObjectNode eventNode(TranscriptEvent event, SessionSecrets secrets, boolean keepPasswords) {
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("dir", event.direction().name().toLowerCase(Locale.ROOT))
                .put("time", event.time().toString());
        event.latency().ifPresent(latency -> node.put("latency-ns", latency.toNanos()));
        node.put("tls", event.tls());
        boolean secret = secrets.isSecret(event);
        boolean mask = secret && !keepPasswords;
        byte[] octets = mask ? SessionSecrets.masked(event) : event.bytes();
        Optional<String> text = asText(octets);
        if (text.isPresent()) {
            node.put("text", text.get());
        } else {
            node.put("base64", Base64.getEncoder().encodeToString(octets));
        }
        if (mask) {
            node.put("masked", true);
        }
        if (!event.issues().isEmpty()) {
            ArrayNode issues = node.putArray("issues");
            event.issues().forEach(issue -> issues.add(issue.name()));
        }
        Annotation annotation = event.annotation();
        if (annotation != null) {
            node.put("decoded", annotation.decoded());
            if (keepPasswords && !annotation.revealed().equals(annotation.decoded())) {
                node.put("revealed", annotation.revealed());
            }
        }
        if (secret || annotation != null && annotation.secret()) {
            node.put("secret", true);
        }
        return node;
    }

    /** The octets as text when they are UTF-8 without control octets but CR, LF and TAB; else empty. */
    static Optional<String> asText(byte[] octets) {
        for (byte octet : octets) {
            if ((octet >= 0 && octet < 0x20 && octet != '\r' && octet != '\n' && octet != '\t') || octet == 0x7F) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void field(Writer out, String name, Object value) throws IOException {
        out.write("  " + Json.MAPPER.writeValueAsString(name) + ": " + Json.MAPPER.writeValueAsString(value) + ",\n");
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a session file.
     *
     * @throws IOException only when the file cannot be read at all (missing, unreadable); what is wrong inside it
     *                     is in {@link SessionRecord#problems()}
     */
    public static SessionRecord read(Path file) throws IOException {
        byte[] octets = Files.readAllBytes(file);
        try {
            return read(new StringReader(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString()));
        } catch (CharacterCodingException e) {
            // a file damaged in places: what is still text is read, the damage said
            SessionRecord session = read(new StringReader(new String(octets, StandardCharsets.UTF_8)));
            List<SessionProblem> problems = new ArrayList<>();
            problems.add(SessionProblem.ofFile("the file has octets that are not UTF-8 (a session file is UTF-8"
                    + " text): they are read as \uFFFD"));
            problems.addAll(session.problems());
            return new SessionRecord(session.version(), session.saved(), session.mailbench(), session.passwordsKept(),
                    session.connections(), problems);
        }
    }

    /** Reads a session from {@code in}, as {@link #read(Path)}. */
    public static SessionRecord read(Reader in) throws IOException {
        return new FileReader(in).read();
    }

    /** One reading of one file: what has been read so far, kept when the rest cannot be. */
    private static final class FileReader {
        private final Reader in;
        private final List<SessionProblem> problems = new ArrayList<>();
        private final List<ConnectionReader> connections = new ArrayList<>();
        private JsonParser parser;
        private boolean formatSeen;
        private int version = VERSION;
        private Instant saved;
        private String mailbench = "";
        private boolean passwordsKept;

        FileReader(Reader in) {
            this.in = in;
        }

        SessionRecord read() throws IOException {
            try (JsonParser json = Json.MAPPER.createParser(in)) {
                parser = json;
                document();
            } catch (JsonProcessingException e) {
                problems.add(at(e.getLocation(), cutShort(e) ? "the file ends too soon (cut short while it was written"
                        + " or copied): what comes before is read" : "not JSON here (" + reason(e) + "): what comes"
                        + " before is read"));
            } catch (StopReading e) {
                // the problem is said; nothing after it can be trusted
            }
            List<SessionConnection> read = new ArrayList<>();
            for (int i = 0; i < connections.size(); i++) {
                read.add(connections.get(i).connection(i + 1));
            }
            Instant when = saved != null ? saved
                    : read.stream().flatMap(c -> c.events().stream()).findFirst().map(TranscriptEvent::time)
                    .orElse(Instant.EPOCH);
            return new SessionRecord(version, when, mailbench, passwordsKept, read, problems);
        }

        private void document() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                stop(parser.currentTokenLocation(), "not a Mailbench session file: it does not start with a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                JsonLocation where = parser.currentTokenLocation();
                switch (name) {
                    case "format" -> {
                        if (!FORMAT.equals(parser.getValueAsString())) {
                            stop(where, "not a Mailbench session file: \"format\" is not \"" + FORMAT + "\"");
                        }
                        formatSeen = true;
                    }
                    case "version" -> version(where, value);
                    case "saved" -> saved = instant(where, "\"saved\"");
                    case "mailbench" -> mailbench = parser.getValueAsString("");
                    case "passwords" -> passwordsKept = PASSWORDS_KEPT.equals(parser.getValueAsString());
                    case "connections" -> connections(where, value);
                    default -> parser.skipChildren(); // a field of a newer version: what this one knows is read
                }
            }
            if (!formatSeen) {
                problems.add(SessionProblem.ofFile("the file does not say it is a Mailbench session (no \"format\")"));
            }
            if (parser.nextToken() != null) {
                problems.add(at(parser.currentTokenLocation(), "more follows the end of the session; it is left out"));
            }
        }

        private void version(JsonLocation where, JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT) {
                problems.add(at(where, "\"version\" is not a whole number; read as version " + VERSION));
                parser.skipChildren();
                return;
            }
            version = parser.getIntValue();
            if (version > VERSION) {
                problems.add(at(where, "written by a newer Mailbench (session format version " + version
                        + "; this one reads version " + VERSION + "): what this version knows is shown"));
            }
        }

        private void connections(JsonLocation where, JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                problems.add(at(where, "\"connections\" is not a list; no connection is read"));
                parser.skipChildren();
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    stop(null, "the file ends too soon, inside the list of connections");
                }
                if (token != JsonToken.START_OBJECT) {
                    problems.add(at(parser.currentTokenLocation(), "a connection that is not an object is left out"));
                    parser.skipChildren();
                    continue;
                }
                ConnectionReader connection = new ConnectionReader(parser.currentTokenLocation());
                connections.add(connection);
                connection.read();
            }
        }

        private Instant instant(JsonLocation where, String what) throws IOException {
            try {
                return Instant.parse(parser.getValueAsString(""));
            } catch (DateTimeParseException e) {
                problems.add(at(where, what + " is not a time (" + parser.getText() + ")"));
                return null;
            }
        }

        private void stop(JsonLocation where, String why) {
            problems.add(at(where, why));
            throw new StopReading();
        }

        /** One connection object: its settings, and its events replayed into a transcript of its own. */
        private final class ConnectionReader {
            private final JsonLocation start;
            private final Transcript transcript = new Transcript();
            private MailProtocol protocol;
            private String host;
            private int port;
            private TlsMode tlsMode;
            private String user;
            private int events;

            ConnectionReader(JsonLocation start) {
                this.start = start;
            }

            void read() throws IOException {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    JsonLocation where = parser.currentTokenLocation();
                    switch (name) {
                        case "protocol" -> protocol = constant(MailProtocol.class, where, name);
                        case "host" -> host = parser.getValueAsString();
                        case "port" -> port = parser.getValueAsInt(0);
                        case "tls-mode" -> tlsMode = constant(TlsMode.class, where, name);
                        case "user" -> user = parser.getValueAsString();
                        case "events" -> events(where, value);
                        default -> parser.skipChildren();
                    }
                }
            }

            private <E extends Enum<E>> E constant(Class<E> type, JsonLocation where, String name) throws IOException {
                String text = parser.getValueAsString("");
                try {
                    return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(at(where, "\"" + name + "\" is not one Mailbench knows (" + text + ")"));
                    return null;
                }
            }

            private void events(JsonLocation where, JsonToken value) throws IOException {
                if (value != JsonToken.START_ARRAY) {
                    problems.add(at(where, "\"events\" is not a list; the connection's events are left out"));
                    parser.skipChildren();
                    return;
                }
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    JsonLocation at = parser.currentTokenLocation();
                    if (token == null) {
                        stop(at, "the file ends too soon, inside the list of events");
                    }
                    events++;
                    if (token != JsonToken.START_OBJECT) {
                        problems.add(at(at, "event " + events + " is not an object; it is left out"));
                        parser.skipChildren();
                        continue;
                    }
                    JsonNode node = parser.readValueAsTree();
                    try {
                        replay(node);
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        problems.add(at(at, "event " + events + " " + e.getMessage() + "; it is left out"));
                    }
                }
            }

            private void replay(JsonNode node) {
                Direction direction = switch (node.path("dir").asText()) {
                    case "client" -> Direction.CLIENT;
                    case "server" -> Direction.SERVER;
                    case "note" -> Direction.NOTE;
                    default -> throw new IllegalArgumentException("has no \"dir\" of client, server or note");
                };
                if (!node.path("time").isTextual()) {
                    throw new IllegalArgumentException("has no \"time\"");
                }
                Instant time = Instant.parse(node.get("time").asText());
                byte[] octets;
                if (node.path("text").isTextual()) {
                    octets = node.get("text").asText().getBytes(StandardCharsets.UTF_8);
                } else if (node.path("base64").isTextual()) {
                    try {
                        octets = Base64.getDecoder().decode(node.get("base64").asText());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("has \"base64\" that is not base64");
                    }
                } else {
                    throw new IllegalArgumentException("has neither \"text\" nor \"base64\"");
                }
                Duration latency = node.path("latency-ns").canConvertToLong()
                        ? Duration.ofNanos(node.get("latency-ns").asLong()) : null;
                Set<LineIssue> issues = EnumSet.noneOf(LineIssue.class);
                for (JsonNode issue : node.path("issues")) {
                    try {
                        issues.add(LineIssue.valueOf(issue.asText()));
                    } catch (IllegalArgumentException e) {
                        // a rule break a newer version knows: the line is still shown
                    }
                }
                boolean secret = node.path("secret").asBoolean(false);
                Annotation annotation = null;
                if (node.path("decoded").isTextual()) {
                    String decoded = node.get("decoded").asText();
                    annotation = new Annotation(decoded, node.path("revealed").asText(decoded), secret);
                }
                transcript.replay(direction, octets, time, latency, node.path("tls").asBoolean(false),
                        issues.isEmpty() ? Set.of() : Set.copyOf(issues), annotation);
            }

            /** The connection as read; settings that are missing are said, and guessed where they must be. */
            SessionConnection connection(int number) {
                List<String> missing = new ArrayList<>();
                if (protocol == null) {
                    missing.add("protocol (read as SMTP)");
                }
                if (host == null) {
                    missing.add("host");
                }
                if (tlsMode == null) {
                    missing.add("TLS mode (read as none)");
                }
                if (!missing.isEmpty()) {
                    problems.add(at(start, "connection " + number + " does not say its " + String.join(", ", missing)));
                }
                return new SessionConnection(new SessionSettings(protocol == null ? MailProtocol.SMTP : protocol,
                        host == null ? "" : host, port, tlsMode == null ? TlsMode.NONE : tlsMode,
                        Optional.ofNullable(user)), transcript);
            }
        }
    }

    private static SessionProblem at(JsonLocation where, String message) {
        if (where == null || where.getLineNr() < 1) {
            return SessionProblem.ofFile(message);
        }
        return new SessionProblem(where.getLineNr(), where.getColumnNr(), message);
    }

    private static boolean cutShort(JsonProcessingException e) {
        return e instanceof JsonEOFException;
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Reading stops at a problem after which nothing can be trusted. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
