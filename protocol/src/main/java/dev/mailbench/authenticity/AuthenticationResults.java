package dev.mailbench.authenticity;

import dev.mailbench.mime.HeaderField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Authentication-Results fields of a message (RFC 8601), grouped by the authserv-id that wrote them.
 *
 * <p>Anyone can write such a field: a sender can put "dkim=pass" in one before sending. RFC 8601 §5 has a
 * reader trust only the fields its own border added, named by their authserv-id; the others are claims.
 */
public final class AuthenticationResults {

    /** One method's result, e.g. {@code dkim=pass header.d=example.com} (RFC 8601 §2.2). */
    public record Result(String method, String version, String result, String reason, List<Property> properties,
            List<String> comments) {
    }

    /** {@code ptype.property=value}, e.g. {@code smtp.mailfrom=alice@example.com} (RFC 8601 §2.3). */
    public record Property(String type, String name, String value) {
    }

    /** One field, parsed. */
    public record Field(HeaderField field, String authservId, String version, List<Result> results,
            List<Finding> findings) {
    }

    /**
     * The fields one authserv-id wrote.
     *
     * @param trusted whether the user named this authserv-id as trusted
     */
    public record Group(String authservId, boolean trusted, List<Field> fields) {

        /** Why the group counts or does not, for the user. */
        public String note() {
            return trusted
                    ? "trusted: you named " + authservId + " as a server of yours, so its results count"
                    : "unverified claim: anyone on the path, the sender included, can write an Authentication-Results"
                    + " field naming " + authservId + "; only results from servers you trust count (RFC 8601 §5)";
        }
    }

    private AuthenticationResults() {
    }

    static List<Group> read(List<HeaderField> headers, Set<String> trusted) {
        Map<String, List<Field>> groups = new LinkedHashMap<>();
        for (HeaderField h : headers) {
            if (h.hasName("Authentication-Results")) {
                Field f = parse(h);
                groups.computeIfAbsent(f.authservId().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        List<Group> result = new ArrayList<>();
        for (List<Field> fields : groups.values()) {
            String id = fields.get(0).authservId();
            result.add(new Group(id, trusted.contains(id), List.copyOf(fields)));
        }
        return List.copyOf(result);
    }

    /** RFC 8601 §2.7: the results each registered method can have (another method's are not checked). */
    private static final Map<String, List<String>> RESULTS = Map.of(
            "dkim", List.of("none", "pass", "fail", "policy", "neutral", "temperror", "permerror"),
            "spf", List.of("none", "neutral", "pass", "fail", "softfail", "temperror", "permerror"),
            "dmarc", List.of("none", "pass", "fail", "temperror", "permerror"),
            "arc", List.of("none", "pass", "fail"),
            "iprev", List.of("pass", "fail", "temperror", "permerror"),
            "auth", List.of("none", "pass", "fail", "temperror", "permerror"));

    /** Reads one field; what does not parse is a finding. */
    public static Field parse(HeaderField field) {
        List<Finding> findings = new ArrayList<>();
        List<Statement> statements = statements(field.value());
        Statement first = statements.get(0);
        List<String> idWords = words(first.text);
        String authservId = idWords.isEmpty() ? "" : unquote(idWords.get(0));
        String version = idWords.size() > 1 ? idWords.get(1) : null;
        if (authservId.isEmpty()) {
            findings.add(new Finding("RFC 8601 §2.2", "the field does not begin with an authserv-id", field.range()));
        }
        List<Result> results = new ArrayList<>();
        if (!authservId.isEmpty() && statements.subList(1, statements.size()).stream()
                .allMatch(s -> words(s.text).isEmpty())) {
            // RFC 8601 §2.2: after the authserv-id, "; none" or at least one method's result
            findings.add(new Finding("RFC 8601 §2.2", "the field names " + authservId + " but no result, not even"
                    + " \"none\"", field.range()));
        }
        for (Statement s : statements.subList(1, statements.size())) {
            List<String> words = words(s.text);
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && words.get(0).equalsIgnoreCase("none")) {
                continue; // RFC 8601 §2.2: "none" means no method was applied
            }
            String[] methodResult = words.get(0).split("=", 2);
            if (methodResult.length < 2) {
                findings.add(new Finding("RFC 8601 §2.2", "\"" + words.get(0) + "\" is not method=result",
                        field.range()));
                continue;
            }
            String[] methodVersion = methodResult[0].split("/", 2);
            List<String> possible = RESULTS.get(methodVersion[0].toLowerCase(Locale.ROOT));
            String result = unquote(methodResult[1]).toLowerCase(Locale.ROOT);
            if (possible != null && !possible.contains(result)) {
                findings.add(new Finding("RFC 8601 §2.7", "\"" + methodResult[1] + "\" is no result " + methodVersion[0]
                        + "= can have (" + String.join(", ", possible) + ")", field.range()));
            }
            String reason = null;
            List<Property> properties = new ArrayList<>();
            for (String w : words.subList(1, words.size())) {
                String[] kv = w.split("=", 2);
                if (kv.length < 2) {
                    findings.add(new Finding("RFC 8601 §2.2", "\"" + w + "\" after " + words.get(0)
                            + " is neither reason= nor ptype.property=value", field.range()));
                } else if (kv[0].equalsIgnoreCase("reason")) {
                    reason = unquote(kv[1]);
                } else {
                    int dot = kv[0].indexOf('.');
                    if (dot < 0) {
                        findings.add(new Finding("RFC 8601 §2.3", "\"" + kv[0] + "\" is no ptype.property", field.range()));
                    } else {
                        properties.add(new Property(kv[0].substring(0, dot).toLowerCase(Locale.ROOT),
                                kv[0].substring(dot + 1), unquote(kv[1])));
                    }
                }
            }
            results.add(new Result(methodVersion[0].toLowerCase(Locale.ROOT),
                    methodVersion.length > 1 ? methodVersion[1] : null,
                    unquote(methodResult[1]).toLowerCase(Locale.ROOT), reason, List.copyOf(properties),
                    List.copyOf(s.comments)));
        }
        return new Field(field, authservId, version, List.copyOf(results), List.copyOf(findings));
    }

    private record Statement(String text, List<String> comments) {
    }

    /** Splits at ';' outside quotes and comments, taking the comments (RFC 5322 §3.2.2 CFWS) aside. */
    private static List<Statement> statements(String value) {
        List<Statement> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        List<String> comments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (depth > 0) {
                if (c == '\\' && i + 1 < value.length()) {
                    comment.append(value.charAt(++i));
                } else if (c == '(') {
                    depth++;
                    comment.append(c);
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        comments.add(comment.toString().strip());
                        comment.setLength(0);
                        text.append(' ');
                    } else {
                        comment.append(c);
                    }
                } else {
                    comment.append(c);
                }
            } else if (quoted) {
                text.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    text.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
                text.append(c);
            } else if (c == '(') {
                depth = 1;
            } else if (c == ';') {
                out.add(new Statement(text.toString(), List.copyOf(comments)));
                text.setLength(0);
                comments.clear();
            } else {
                text.append(c);
            }
        }
        out.add(new Statement(text.toString(), List.copyOf(comments)));
        return out;
    }

    /** Words split at white space outside quotes, with the blanks around '=' and '/' closed up. */
    private static List<String> words(String text) {
        String closed = text.replaceAll("\\s*=\\s*", "=").replaceAll("\\s*/\\s*", "/");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < closed.length(); i++) {
            char c = closed.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && Character.isWhitespace(c)) {
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

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return s;
    }
}
