package dev.mailbench.explain;

import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Verb;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Turns SMTP and POP3 replies and commands into one plain-language sentence each.
 *
 * <p>The sentences live in the {@code resources} module as the resource bundle
 * {@value #BASE_NAME}: {@code catalogue.properties} is English, and a teacher adds a language by
 * dropping a {@code catalogue_<language>.properties} beside it. Keys a translation leaves out
 * come from the English file.
 *
 * <p>Every {@code String} answer is non-null: a reply the catalogue has no exact sentence for is
 * explained from the parts of its code that the RFCs give a meaning to.
 */
public final class Catalogue {

    /** Resource bundle base name of the catalogue. */
    public static final String BASE_NAME = "dev.mailbench.explain.catalogue";

    private static final String CODE_PLACEHOLDER = "{code}";

    private final ResourceBundle bundle;
    private final ResourceBundle english;
    private final Map<String, VerbInfo> smtpVerbs;
    private final Map<String, VerbInfo> pop3Verbs;

    private Catalogue(ResourceBundle bundle, ResourceBundle english) {
        this.bundle = bundle;
        this.english = english;
        this.smtpVerbs = readSmtpVerbs();
        this.pop3Verbs = readVerbs("pop3");
    }

    /**
     * The catalogue in the given language, or in English where that language (or one of its keys)
     * is missing.
     *
     * @throws IllegalStateException if the English catalogue is not on the class path
     */
    public static Catalogue load(Locale locale) {
        try {
            return new Catalogue(bundle(locale), bundle(Locale.ROOT));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("explanation catalogue " + BASE_NAME + " is not on the class path", e);
        }
    }

    /** The English catalogue, the base file itself. */
    public static Catalogue english() {
        return load(Locale.ROOT);
    }

    /** The language of the most specific file this catalogue was read from ({@link Locale#ROOT} for English). */
    public Locale locale() {
        return bundle.getLocale();
    }

    // ---------------------------------------------------------------- SMTP basic reply codes

    /**
     * A sentence for an SMTP reply code: the exact one when the catalogue has it, else one built
     * from what the first digit (class) and second digit (category) mean, RFC 5321 §4.2.1.
     * A number that cannot be an SMTP reply code gets a sentence saying so.
     */
    public String smtpReply(int code) {
        Optional<String> exact = smtpReplyExact(code);
        if (exact.isPresent()) {
            return exact.get();
        }
        // RFC 5321 §4.2: the first digit is 2 to 5; SMTP never sends 1yz.
        if (code < 200 || code > 599) {
            return text("smtp.reply.invalid").replace(CODE_PLACEHOLDER, Integer.toString(code));
        }
        int category = (code / 10) % 10;
        String categorySentence = find("smtp.reply.category." + category)
                .orElseGet(() -> text("smtp.reply.category.unknown"));
        return text("smtp.reply.class." + code / 100) + " " + categorySentence;
    }

    /**
     * A sentence for an SMTP reply code as the answer to one command, where the code means
     * something particular there (AUTH's 500 is "line too long", ETRN's 251 "nothing queued");
     * otherwise the same as {@link #smtpReply(int)}.
     */
    public String smtpReply(int code, String verb) {
        if (verb != null && !verb.isBlank()) {
            Optional<String> particular = find("smtp.reply." + normalise(verb) + "." + code);
            if (particular.isPresent()) {
                return particular.get();
            }
        }
        return smtpReply(code);
    }

    /** The catalogue's own sentence for this reply code, if it has one. */
    public Optional<String> smtpReplyExact(int code) {
        return find("smtp.reply." + code);
    }

    // ---------------------------------------------------------------- enhanced status codes

    /**
     * A sentence for an enhanced status code {@code class.subject.detail} (RFC 3463): what the
     * class means, then what the subject and detail mean, or only the subject when the detail is
     * not one the catalogue knows.
     */
    public String enhancedStatus(int klass, int subject, int detail) {
        // RFC 3463 §2: class is 2, 4 or 5; subject and detail are 1 to 3 digits.
        if ((klass != 2 && klass != 4 && klass != 5) || !isOneToThreeDigits(subject) || !isOneToThreeDigits(detail)) {
            return text("smtp.enhanced.invalid").replace(CODE_PLACEHOLDER, klass + "." + subject + "." + detail);
        }
        String meaning = enhancedStatusExact(subject, detail)
                .or(() -> find("smtp.enhanced.subject." + subject))
                .orElseGet(() -> text("smtp.enhanced.subject.unknown"));
        return text("smtp.enhanced.class." + klass) + " " + meaning;
    }

    /** The catalogue's own sentence for {@code X.subject.detail}, if it has one (without the class). */
    public Optional<String> enhancedStatusExact(int subject, int detail) {
        return find("smtp.enhanced." + subject + "." + detail);
    }

    // ---------------------------------------------------------------- POP3

    /** A sentence for {@code +OK} (true) or {@code -ERR} (false), RFC 1939 §3. */
    public String pop3Status(boolean ok) {
        return text(ok ? "pop3.ok" : "pop3.err");
    }

    /** A sentence for the {@code + } continuation line of a POP3 AUTH exchange, RFC 5034 §4. */
    public String pop3Continuation() {
        return text("pop3.continuation");
    }

    /**
     * A sentence for a POP3 extended response code such as {@code IN-USE} or {@code SYS/TEMP}
     * (with or without its square brackets, in any case). Codes are hierarchical (RFC 2449 §8):
     * an unknown {@code SYS/FOO} is explained as {@code SYS}.
     */
    public Optional<String> pop3ResponseCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String name = code.strip();
        if (name.startsWith("[") && name.endsWith("]") && name.length() >= 2) {
            name = name.substring(1, name.length() - 1).strip();
        }
        name = name.toUpperCase(Locale.ROOT);
        while (!name.isEmpty()) {
            Optional<String> sentence = find("pop3.code." + name);
            if (sentence.isPresent()) {
                return sentence;
            }
            int slash = name.lastIndexOf('/');
            if (slash < 0) {
                break;
            }
            name = name.substring(0, slash);
        }
        return Optional.empty();
    }

    /**
     * A sentence for what {@code -ERR} means as the answer to this POP3 command (RFC 1939): the key
     * {@code pop3.err.<VERB>}; {@code greeting} and {@code auth-response} for the greeting and a line of an AUTH
     * exchange. Empty for a command the catalogue has no such sentence for.
     */
    public Optional<String> pop3Error(String answered) {
        return answered == null || answered.isBlank() ? Optional.empty() : find("pop3.err." + answered.strip());
    }

    /** A sentence for a command the server does not know, answered by {@code -ERR}. */
    public String pop3ErrorToUnknownCommand() {
        return text("pop3.err.unknown-command");
    }

    /**
     * A sentence for one line of a LIST or UIDL listing (RFC 1939 §5, §7) with the numbers read from it:
     * {@code verb} is LIST (the value is a size in octets) or UIDL (the value is a unique id).
     */
    public String pop3ScanLine(String verb, int message, String value) {
        String template = text("pop3.scan." + normalise(verb));
        return template.replace("{message}", Integer.toString(message))
                .replace("{octets}", value)
                .replace("{uid}", value);
    }

    /** A sentence for a line that should be a LIST or UIDL listing and is not. */
    public String pop3MalformedScanLine() {
        return text("pop3.scan.malformed");
    }

    /**
     * A sentence for a capability a CAPA response lists (RFC 2449 §6), by its name (the line's first word, any
     * case), if the catalogue has one.
     */
    public Optional<String> pop3Capability(String name) {
        return name == null || name.isBlank() ? Optional.empty() : find("pop3.capa." + normalise(name));
    }

    /** A sentence for a CAPA line whose capability the catalogue does not know. */
    public String pop3UnknownCapability() {
        return text("pop3.capa.unknown");
    }

    // ---------------------------------------------------------------- extensions and mechanisms

    /**
     * A sentence for a service extension keyword of an EHLO reply (RFC 5321 §4.1.1.1), any case, if the
     * catalogue has one. {@code AUTH=} (and {@code AUTH=LOGIN}) is the pre-RFC 4954 form of AUTH.
     */
    public Optional<String> ehloKeyword(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return Optional.empty();
        }
        String name = normalise(keyword);
        if (name.startsWith("AUTH=")) {
            name = "AUTH=";
        }
        return find("smtp.ehlo." + name);
    }

    /** The sentence for the first line of a positive EHLO reply, the one without a keyword. */
    public String ehloGreeting() {
        return text("smtp.ehlo.greeting");
    }

    /** A sentence for an EHLO keyword the catalogue does not know. */
    public String ehloUnknownKeyword() {
        return text("smtp.ehlo.unknown");
    }

    /** A sentence for the size limit SIZE declares (RFC 1870 §4), with its number. */
    public String ehloSizeLimit(long octets) {
        return text("smtp.ehlo.SIZE.limit").replace("{value}", Long.toString(octets));
    }

    /** A sentence for a SASL mechanism (as EHLO's AUTH and CAPA's SASL list them), any case, if the catalogue has one. */
    public Optional<String> saslMechanism(String mechanism) {
        return mechanism == null || mechanism.isBlank() ? Optional.empty() : find("sasl." + normalise(mechanism));
    }

    // ---------------------------------------------------------------- message header fields

    /**
     * A sentence for a message header field, by its name in any case (RFC 5322 §2.2: field names are
     * case-insensitive): the catalogue's own, or for a name it does not know, one saying what an {@code X-} field
     * or an unknown field is.
     */
    public String headerField(String name) {
        return headerFieldExact(name).orElseGet(() -> name != null && name.strip().regionMatches(true, 0, "X-", 0, 2)
                ? text("mime.header.x-prefix") : text("mime.header.unknown"));
    }

    /** The catalogue's own sentence for this header field, if it has one. */
    public Optional<String> headerFieldExact(String name) {
        return name == null || name.isBlank() ? Optional.empty()
                : find("mime.header." + name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * What a tag of a DKIM-Signature (RFC 6376 §3.5), ARC-Message-Signature or ARC-Seal (RFC 8617 §4.1) field means;
     * {@code arc} for the ARC fields, whose {@code i=} is the set's instance, not DKIM's identity. A tag the
     * catalogue does not know gets the sentence that says it is ignored (RFC 6376 §3.2).
     */
    public String signatureTag(boolean arc, String tag) {
        String name = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (arc && name.equals("i")) {
            return text("authenticity.tag.arc-i");
        }
        return name.isEmpty() ? text("authenticity.tag.unknown")
                : find("authenticity.tag." + name).orElseGet(() -> text("authenticity.tag.unknown"));
    }

    // ---------------------------------------------------------------- transcript lines

    /**
     * A sentence about a kind of transcript line beyond its code or verb, such as {@code message-text}
     * (a line sent after 354) or {@code pop3.body.end}: the catalogue key {@code event.<name>}.
     *
     * @throws IllegalStateException if the catalogue has no such sentence
     */
    public String eventSentence(String name) {
        return text("event." + name);
    }

    /** The sentence that leads the explanation of a malformed POP3 response: key {@code event.response.malformed}. */
    public String malformedResponse(String problem) {
        return text("event.response.malformed").replace("{problem}", problem);
    }

    /** The sentence that leads the explanation of a malformed reply: key {@code event.reply.malformed}. */
    public String malformedReply(String problem) {
        return text("event.reply.malformed").replace("{problem}", problem);
    }

    /**
     * A sentence of a server diagnosis: key {@code diagnose.<key>}, each {@code {name}} in it replaced by the value
     * of that name (a figure the check measured).
     *
     * @throws IllegalStateException if the catalogue has no such sentence
     */
    public String diagnosis(String key, Map<String, ?> values) {
        String sentence = text("diagnose." + key);
        for (Map.Entry<String, ?> value : values.entrySet()) {
            sentence = sentence.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return sentence;
    }

    /** The label of a fact shown beside an explanation ({@code code}, {@code syntax} …): key {@code field.<name>}. */
    public String fieldLabel(String name) {
        return text("field." + name);
    }

    // ---------------------------------------------------------------- verbs

    /** What the catalogue says about a command of either protocol. */
    public Optional<VerbInfo> verb(Verb verb) {
        return verb.protocol() == MailProtocol.SMTP ? smtpVerb(verb.keyword()) : pop3Verb(verb.keyword());
    }

    /** What the catalogue says about an SMTP command, looked up in any case. */
    public Optional<VerbInfo> smtpVerb(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(smtpVerbs.get(normalise(name)));
    }

    /** What the catalogue says about a POP3 command, looked up in any case. */
    public Optional<VerbInfo> pop3Verb(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(pop3Verbs.get(normalise(name)));
    }

    /** Every SMTP command in the catalogue, in the catalogue's order. */
    public List<VerbInfo> smtpVerbs() {
        return List.copyOf(smtpVerbs.values());
    }

    /** Every POP3 command in the catalogue, in the catalogue's order. */
    public List<VerbInfo> pop3Verbs() {
        return List.copyOf(pop3Verbs.values());
    }

    // ---------------------------------------------------------------- reading the bundle

    /**
     * The SMTP verbs of their specification, in its order, with its syntax and RFC section; the catalogue
     * adds what each is for and an example line.
     */
    private Map<String, VerbInfo> readSmtpVerbs() {
        Map<String, VerbInfo> verbs = new LinkedHashMap<>();
        for (SmtpVerb verb : SmtpVerb.values()) {
            String prefix = "smtp.verb." + verb.keyword() + ".";
            verbs.put(verb.keyword(), new VerbInfo(verb.keyword(), verb.syntax(), text(prefix + "purpose"),
                    verb.rfcSection(), text(prefix + "example")));
        }
        return Collections.unmodifiableMap(verbs);
    }

    private Map<String, VerbInfo> readVerbs(String protocol) {
        Map<String, VerbInfo> verbs = new LinkedHashMap<>();
        for (String name : text(protocol + ".verbs").trim().split("\\s+")) {
            String prefix = protocol + ".verb." + name + ".";
            verbs.put(name, new VerbInfo(name,
                    text(prefix + "syntax"),
                    text(prefix + "purpose"),
                    text(prefix + "rfc"),
                    text(prefix + "example")));
        }
        return Collections.unmodifiableMap(verbs);
    }

    private static ResourceBundle bundle(Locale locale) {
        // Without the no-fallback control, a missing language would fall back to the JVM's default
        // locale before English: a French machine showing a German request in French. The catalogue
        // must fall back to its own base file, which is English.
        ResourceBundle.Control control =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return ResourceBundle.getBundle(BASE_NAME, locale, Catalogue.class.getClassLoader(), control);
    }

    private Optional<String> find(String key) {
        // A key left empty in a translation (a copied file not yet finished) reads as English.
        return nonBlank(bundle, key).or(() -> nonBlank(english, key));
    }

    private static Optional<String> nonBlank(ResourceBundle from, String key) {
        if (!from.containsKey(key)) {
            return Optional.empty();
        }
        String value = from.getString(key).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A key every catalogue must have: its absence is a broken installation, not a user error. */
    private String text(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException(
                "explanation catalogue " + BASE_NAME + " has no text for " + key));
    }

    private static String normalise(String verb) {
        return verb.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean isOneToThreeDigits(int n) {
        return n >= 0 && n <= 999;
    }
}
