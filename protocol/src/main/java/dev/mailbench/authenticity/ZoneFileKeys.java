package dev.mailbench.authenticity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Key records given by the user, offline: TXT records in zone-file form (RFC 1035 §5.1), as
 * {@code selector._domainkey.example.com. 3600 IN TXT ( "v=DKIM1; k=rsa; " "p=…" )}, several
 * character-strings joined (RFC 6376 §3.6.2.2), or one record alone ({@code v=DKIM1; k=ed25519; p=…})
 * pasted for whatever signature needs a key.
 */
public final class ZoneFileKeys implements KeySource {

    private final Map<String, String> records;
    private final String loneRecord;
    private final String origin;
    private final List<String> unread;

    private ZoneFileKeys(Map<String, String> records, String loneRecord, String origin, List<String> unread) {
        this.records = records;
        this.loneRecord = loneRecord;
        this.origin = origin;
        this.unread = List.copyOf(unread);
    }

    public static ZoneFileKeys read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), "the key file " + file.getFileName());
    }

    /** Zone-file lines, or a lone record (with or without its quotes). */
    public static ZoneFileKeys parse(String text, String origin) {
        Map<String, String> records = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        String lone = null;
        for (String entry : entries(text)) {
            List<String> words = words(entry);
            int txt = -1;
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).equalsIgnoreCase("TXT")) {
                    txt = i;
                    break;
                }
            }
            if (txt > 0 && txt + 1 < words.size()) {
                String name = words.get(0).toLowerCase(Locale.ROOT);
                name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                records.put(name, String.join("", unquote(words.subList(txt + 1, words.size()))));
            } else if (entry.contains("=") && txt < 0) {
                lone = String.join("", unquote(words)).strip();
            } else {
                unread.add(entry.strip());
            }
        }
        return new ZoneFileKeys(records, lone, origin, unread);
    }

    @Override
    public Optional<KeyRecord> find(String selector, String domain) {
        String record = records.get(KeySource.recordName(selector, domain).toLowerCase(Locale.ROOT));
        if (record == null) {
            record = loneRecord;
        }
        return Optional.ofNullable(record).map(r -> KeyRecord.parse(r, origin));
    }

    /** How many named records were read. */
    public int size() {
        return records.size() + (loneRecord == null ? 0 : 1);
    }

    /** Lines that were neither a TXT record nor a lone key record. */
    public List<String> unread() {
        return unread;
    }

    /** Entries: a line, or lines joined inside parentheses (RFC 1035 §5.1); comments after ';' dropped. */
    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == ';' && looksLikeComment(text, i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                c = '\n';
            } else if (!quoted && c == '(') {
                depth++;
                entry.append(' ');
                continue;
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
                entry.append(' ');
                continue;
            }
            if (c == '\n' && depth == 0 && !quoted) {
                add(entries, entry);
            } else {
                entry.append(c == '\n' || c == '\r' ? ' ' : c);
            }
        }
        add(entries, entry);
        return entries;
    }

    /** A ';' outside quotes starts a comment in a zone file, but a pasted bare record uses it as a separator. */
    private static boolean looksLikeComment(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        String before = text.substring(lineStart, at);
        return before.isBlank() || before.contains("\"") || before.toUpperCase(Locale.ROOT).contains(" TXT")
                || before.strip().endsWith(")");
    }

    private static void add(List<String> entries, StringBuilder entry) {
        if (!entry.toString().isBlank()) {
            entries.add(entry.toString());
        }
        entry.setLength(0);
    }

    private static List<String> words(String entry) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '"') {
                word.append(c);
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < entry.length()) {
                word.append(entry.charAt(++i));
            } else if (!quoted && Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> unquote(List<String> words) {
        List<String> out = new ArrayList<>();
        boolean anyQuoted = words.stream().anyMatch(w -> w.startsWith("\""));
        for (String w : words) {
            if (w.startsWith("\"")) {
                out.add(w.replace("\"", ""));
            } else if (!anyQuoted) {
                out.add(w + " ");
            }
        }
        return out;
    }
}
