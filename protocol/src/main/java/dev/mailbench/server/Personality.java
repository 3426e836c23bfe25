package dev.mailbench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;

/**
 * How the practice server words things: banner, HELP text and reply texts of a well-known server, so a class
 * sees what the walkthroughs show. Each personality is data in the resources module,
 * {@code dev/mailbench/server/personalities/<id>/smtp.properties} and {@code pop3.properties}; a key a
 * personality does not define falls back to the default personality's.
 *
 * <p>Texts may contain placeholders such as {@code {host}}, {@code {date}}, {@code {address}}, filled by
 * {@link #text(String, Map)}. Multi-line texts (HELP) list their lines as {@code key.1}, {@code key.2}, …
 */
public final class Personality {
    public static final String DEFAULT_ID = "postfix-dovecot";
    /** The personalities shipped with Mailbench, in the order a menu shows them. */
    public static final List<String> BUILT_IN = List.of("postfix-dovecot", "exchange55", "exchange2003");

    private static final String BASE = "dev/mailbench/server/personalities/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final String id;
    private final Properties texts;
    private final Personality fallback;

    private Personality(String id, Properties texts, Personality fallback) {
        this.id = id;
        this.texts = texts;
        this.fallback = fallback;
    }

    /** Loads a built-in personality by id; unknown ids are refused with the list of known ones. */
    public static Personality load(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        if (!BUILT_IN.contains(wanted)) {
            throw new IllegalArgumentException("unknown personality '" + id + "'; known: " + String.join(", ", BUILT_IN));
        }
        Personality fallback = wanted.equals(DEFAULT_ID) ? null : load(DEFAULT_ID);
        Properties texts = new Properties();
        read(texts, BASE + wanted + "/smtp.properties");
        read(texts, BASE + wanted + "/pop3.properties");
        return new Personality(wanted, texts, fallback);
    }

    public static Personality defaultPersonality() {
        return load(DEFAULT_ID);
    }

    private static void read(Properties into, String resource) {
        InputStream in = Personality.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return; // a personality may define only one protocol
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public String id() {
        return id;
    }

    /** The human name, e.g. "Microsoft Exchange 5.5 IMS". */
    public String displayName() {
        return text("name", Map.of());
    }

    /** The text for a key with placeholders filled; a missing key is a programming error and says so. */
    public String text(String key, Map<String, String> values) {
        String raw = raw(key);
        if (raw == null) {
            throw new IllegalArgumentException("personality " + id + " has no text '" + key + "'");
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The lines of a multi-line text ({@code key.1}, {@code key.2}, …), placeholders filled. The lines come
     * whole from the personality that defines {@code key.1}, so a shorter text never gets the default's
     * extra lines appended.
     */
    public List<String> lines(String key, Map<String, String> values) {
        if (texts.getProperty(key + ".1") == null) {
            return fallback == null ? List.of() : fallback.lines(key, values);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 1; texts.getProperty(key + "." + i) != null; i++) {
            lines.add(text(key + "." + i, values));
        }
        return lines;
    }

    public boolean has(String key) {
        return raw(key) != null;
    }

    private String raw(String key) {
        String own = texts.getProperty(Objects.requireNonNull(key));
        if (own != null) {
            return own;
        }
        return fallback == null ? null : fallback.raw(key);
    }
}
