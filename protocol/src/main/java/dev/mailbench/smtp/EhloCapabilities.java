package dev.mailbench.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.ArrayList;

/**
 * The service extensions a server lists in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after
 * the greeting line, with optional parameters.
 */
public final class EhloCapabilities {
    private final String greeting;
    private final Map<String, List<String>> extensions;

    private EhloCapabilities(String greeting, Map<String, List<String>> extensions) {
        this.greeting = greeting;
        this.extensions = Collections.unmodifiableMap(extensions);
    }

    public static EhloCapabilities none() {
        return new EhloCapabilities("", new LinkedHashMap<>());
    }

    /** Reads the extensions from a positive EHLO reply; keywords are case-insensitive (RFC 5321 §2.4). */
    public static EhloCapabilities parse(SmtpReply reply) {
        Map<String, List<String>> extensions = new LinkedHashMap<>();
        List<String> lines = reply.lines();
        for (int i = 1; i < lines.size(); i++) {
            String[] words = lines.get(i).trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            String keyword = words[0].toUpperCase(Locale.ROOT);
            List<String> params = List.of(words).subList(1, words.length);
            // Old servers (and Exchange, walkthrough 004) also announce "AUTH=LOGIN" for clients written to a
            // draft of RFC 2554; Postfix lists several there ("AUTH=PLAIN LOGIN"), so every word counts.
            if (keyword.startsWith("AUTH=")) {
                List<String> mechanisms = new ArrayList<>();
                if (keyword.length() > 5) {
                    mechanisms.add(keyword.substring(5));
                }
                mechanisms.addAll(params);
                params = mechanisms;
                keyword = "AUTH";
            }
            extensions.merge(keyword, List.copyOf(params), (a, b) -> {
                List<String> merged = new ArrayList<>(a);
                b.stream().filter(p -> !merged.contains(p)).forEach(merged::add);
                return List.copyOf(merged);
            });
        }
        return new EhloCapabilities(lines.isEmpty() ? "" : lines.get(0), extensions);
    }

    public boolean has(String keyword) {
        return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    public List<String> parameters(String keyword) {
        return extensions.getOrDefault(keyword.toUpperCase(Locale.ROOT), List.of());
    }

    /** The keywords in the order the server listed them. */
    public Set<String> keywords() {
        return extensions.keySet();
    }

    /** The first line of the EHLO reply, usually the server's name and a greeting. */
    public String greeting() {
        return greeting;
    }

    /** SIZE's declared maximum (RFC 1870 §4); empty when not advertised, 0 when advertised without a number. */
    public OptionalLong maxSize() {
        if (!has("SIZE")) {
            return OptionalLong.empty();
        }
        List<String> params = parameters("SIZE");
        if (params.isEmpty()) {
            return OptionalLong.of(0);
        }
        try {
            return OptionalLong.of(Long.parseLong(params.get(0)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The SASL mechanisms after AUTH (RFC 4954 §3), upper-cased. */
    public Set<String> authMechanisms() {
        Set<String> mechanisms = new LinkedHashSet<>();
        parameters("AUTH").forEach(m -> mechanisms.add(m.toUpperCase(Locale.ROOT)));
        return mechanisms;
    }

    public Optional<String> firstParameter(String keyword) {
        List<String> params = parameters(keyword);
        return params.isEmpty() ? Optional.empty() : Optional.of(params.get(0));
    }

    /** Two readings of EHLO replies are equal when they name the same server and extensions, in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EhloCapabilities that && greeting.equals(that.greeting)
                && List.copyOf(extensions.entrySet()).equals(List.copyOf(that.extensions.entrySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(greeting, extensions);
    }

    @Override
    public String toString() {
        return extensions.toString();
    }
}
