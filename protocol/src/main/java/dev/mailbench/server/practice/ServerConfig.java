package dev.mailbench.server.practice;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.PasswordHash;
import dev.mailbench.server.Personality;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.server.StudentLimits;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.store.UserNames;
import dev.mailbench.wire.MailProtocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The practice server's configuration, as read from {@code server.properties} in the {@link DataDirectory}
 * (see {@link #defaultFileText()} for every key, commented), possibly overridden by command-line options.
 *
 * @param dataDirectory    where the configuration, certificate and mail store live
 * @param bindAddress      where both servers listen; loopback unless {@code allowRemote}
 * @param allowRemote      the explicit consent to listen on anything but loopback; relaying then always needs
 *                         AUTH (see {@link RelayPolicy})
 * @param smtpPort         0 for any free port
 * @param pop3Port         0 for any free port
 * @param hostName         the server's name in greetings, trace headers and the certificate
 * @param accounts         domains, users, aliases, lists
 * @param personality      the id of the personality at start
 * @param relay            SMTP after POP, AUTH required
 * @param limits           line, size, recipients, connections, idle timeout, error budgets
 * @param keystorePassword the password of the certificate's keystore
 * @param transcripts      how many connection transcripts are kept in the data directory
 * @param tlsForAuth       whether passwords (SMTP AUTH, POP3 USER/PASS and plain SASL) need TLS first
 * @param classroom        the students of a class and their limits ({@link ClassSettings#NONE} otherwise)
 */
public record ServerConfig(DataDirectory dataDirectory, InetAddress bindAddress, boolean allowRemote, int smtpPort,
                           int pop3Port, String hostName, Accounts accounts, String personality, RelayPolicy relay,
                           ServerLimits limits, String keystorePassword, TranscriptRetention transcripts,
                           TlsForAuth tlsForAuth, ClassSettings classroom) {

    /**
     * Whether passwords may only be sent under TLS (RFC 4954 §4 requires a server to have this setting):
     * {@code AUTO}, the default, requires it whenever the server listens beyond loopback and not on loopback,
     * so the walkthroughs work as written on one's own computer.
     */
    public enum TlsForAuth { AUTO, ON, OFF }

    public static final int DEFAULT_SMTP_PORT = 2525;
    public static final int DEFAULT_POP3_PORT = 1110;
    public static final String DEFAULT_HOST_NAME = "mail.example.test";

    private static final Set<String> KEYS = Set.of("bind", "allow-remote", "smtp.port", "pop3.port", "hostname",
            "domains", "personality", "relay.smtp-after-pop", "relay.smtp-after-pop-minutes", "relay.auth-required",
            "limits.max-line-length", "limits.max-message-size", "limits.max-recipients", "limits.max-connections",
            "limits.idle-timeout-seconds", "limits.max-failed-auth", "limits.max-errors", "tls.keystore-password",
            "transcripts.keep", "transcripts.max-bytes", "auth.require-tls", "class.max-connections",
            "class.max-messages-per-minute", "class.max-mailbox-size", "class.failed-logins-before-pause",
            "class.pause-seconds");
    private static final Set<String> USER_FIELDS = Set.of("name", "password", "secret");

    public ServerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(transcripts, "transcripts");
        Objects.requireNonNull(tlsForAuth, "tlsForAuth");
        Objects.requireNonNull(classroom, "classroom");
        if (!bindAddress.isLoopbackAddress() && !allowRemote) {
            // Security by default: a practice server others can reach must be asked for explicitly.
            throw new IllegalArgumentException("listening on " + bindAddress.getHostAddress()
                    + " makes the practice server reachable from other computers; allow it explicitly "
                    + "(allow-remote=true, or the --allow-remote option). Relaying to other domains then always requires AUTH.");
        }
        requirePort(MailProtocol.SMTP, smtpPort);
        requirePort(MailProtocol.POP3, pop3Port);
        if (smtpPort == pop3Port && smtpPort != 0) {
            throw new IllegalArgumentException("SMTP and POP3 cannot both listen on port " + smtpPort
                    + ": give each a port of its own");
        }
        if (hostName == null || hostName.isBlank()) {
            throw new IllegalArgumentException("hostname must not be empty");
        }
        if (!Personality.BUILT_IN.contains(personality)) {
            throw new IllegalArgumentException("unknown personality '" + personality + "'; known: "
                    + String.join(", ", Personality.BUILT_IN));
        }
        if (accounts.account(RelayPolicy.OUTBOX_MAILBOX).isPresent()) {
            throw new IllegalArgumentException("no user may be called " + RelayPolicy.OUTBOX_MAILBOX
                    + ": that mailbox holds relayed mail");
        }
    }

    private static void requirePort(MailProtocol protocol, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(protocol + " port must be 0 to 65535: " + port);
        }
    }

    /** Whether the servers listen on loopback only. */
    public boolean loopbackOnly() {
        return bindAddress.isLoopbackAddress();
    }

    /** Whether SMTP AUTH and POP3 USER/PASS and plain SASL are accepted only after STARTTLS / STLS. */
    public boolean requireTlsForAuth() {
        return switch (tlsForAuth) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !loopbackOnly();
        };
    }

    public ServerConfig withTlsForAuth(TlsForAuth setting) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, accounts,
                personality, relay, limits, keystorePassword, transcripts, setting, classroom);
    }

    public ServerConfig withClassroom(ClassSettings newClassroom) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, accounts,
                personality, relay, limits, keystorePassword, transcripts, tlsForAuth, newClassroom);
    }

    public ServerConfig withPorts(int smtp, int pop3) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtp, pop3, hostName, accounts, personality,
                relay, limits, keystorePassword, transcripts, tlsForAuth, classroom);
    }

    /** Another address; anything but loopback needs {@code allowRemote}. */
    public ServerConfig withBindAddress(InetAddress address, boolean remoteAllowed) {
        return new ServerConfig(dataDirectory, address, remoteAllowed, smtpPort, pop3Port, hostName, accounts,
                personality, relay, limits, keystorePassword, transcripts, tlsForAuth, classroom);
    }

    public ServerConfig withPersonality(String id) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, accounts,
                id.toLowerCase(Locale.ROOT), relay, limits, keystorePassword, transcripts, tlsForAuth, classroom);
    }

    public ServerConfig withLimits(ServerLimits newLimits) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, accounts,
                personality, relay, newLimits, keystorePassword, transcripts, tlsForAuth, classroom);
    }

    public ServerConfig withRelay(RelayPolicy newRelay) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, accounts,
                personality, newRelay, limits, keystorePassword, transcripts, tlsForAuth, classroom);
    }

    public ServerConfig withTranscripts(TranscriptRetention newTranscripts) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, accounts,
                personality, relay, limits, keystorePassword, newTranscripts, tlsForAuth, classroom);
    }

    public ServerConfig withAccounts(Accounts newAccounts) {
        return new ServerConfig(dataDirectory, bindAddress, allowRemote, smtpPort, pop3Port, hostName, newAccounts,
                personality, relay, limits, keystorePassword, transcripts, tlsForAuth, classroom);
    }

    /**
     * Reads a configuration file's properties; a key left out takes its default. Unknown keys are refused
     * with their name, so a typo is not silently ignored.
     *
     * @throws IllegalArgumentException naming the key that is wrong and why
     */
    public static ServerConfig fromProperties(Properties p, DataDirectory dataDirectory) {
        Set<String> unknown = new TreeSet<>();
        Map<String, Map<String, String>> users = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, String> lists = new LinkedHashMap<>();
        // Properties keep no order; users, aliases and lists are taken in name order, the same on every start.
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("user.") && key.lastIndexOf('.') > 5) {
                String name = key.substring(5, key.lastIndexOf('.'));
                String field = key.substring(key.lastIndexOf('.') + 1);
                if (!USER_FIELDS.contains(field)) {
                    unknown.add(key);
                }
                users.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(field, value);
            } else if (key.startsWith("alias.")) {
                aliases.put(key.substring(6), value);
            } else if (key.startsWith("list.")) {
                lists.put(key.substring(5), value);
            } else if (!KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + String.join(", ", unknown));
        }
        Accounts.Builder accounts = Accounts.builder();
        for (String domain : p.getProperty("domains", "example.test").split(",")) {
            if (!domain.isBlank()) {
                accounts.domain(domain.trim());
            }
        }
        users.forEach((name, fields) -> accounts.account(account(name, fields)));
        aliases.forEach(accounts::alias);
        lists.forEach((name, members) -> accounts.list(name, split(members)));
        ServerLimits d = ServerLimits.DEFAULTS;
        StudentLimits s = StudentLimits.DEFAULTS;
        ServerLimits limits = new ServerLimits(
                integer(p, "limits.max-line-length", d.maxLineLength()),
                number(p, "limits.max-message-size", d.maxMessageSize()),
                integer(p, "limits.max-recipients", d.maxRecipients()),
                integer(p, "limits.max-connections", d.maxConnections()),
                Duration.ofSeconds(number(p, "limits.idle-timeout-seconds", d.idleTimeout().toSeconds())),
                integer(p, "limits.max-failed-auth", d.maxFailedAuth()),
                integer(p, "limits.max-errors", d.maxErrors()));
        RelayPolicy relay = new RelayPolicy(
                bool(p, "relay.smtp-after-pop", RelayPolicy.DEFAULTS.smtpAfterPop()),
                Duration.ofMinutes(number(p, "relay.smtp-after-pop-minutes", RelayPolicy.DEFAULTS.smtpAfterPopWindow().toMinutes())),
                bool(p, "relay.auth-required", RelayPolicy.DEFAULTS.authRequired()));
        String password = p.getProperty("tls.keystore-password");
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("tls.keystore-password is missing: the certificate cannot be opened without it");
        }
        return new ServerConfig(dataDirectory, address(p.getProperty("bind", "127.0.0.1")),
                bool(p, "allow-remote", false), integer(p, "smtp.port", DEFAULT_SMTP_PORT),
                integer(p, "pop3.port", DEFAULT_POP3_PORT), p.getProperty("hostname", DEFAULT_HOST_NAME).trim(),
                accounts.build(), p.getProperty("personality", Personality.DEFAULT_ID).trim().toLowerCase(Locale.ROOT),
                relay, limits, password.trim(), new TranscriptRetention(
                        integer(p, "transcripts.keep", TranscriptRetention.DEFAULTS.keep()),
                        number(p, "transcripts.max-bytes", TranscriptRetention.DEFAULTS.maxBytes())),
                tlsForAuth(p.getProperty("auth.require-tls", "auto")),
                new ClassSettings(Set.of(), new StudentLimits(
                        integer(p, "class.max-connections", s.connectionsAtOnce()),
                        integer(p, "class.max-messages-per-minute", s.messagesPerMinute()),
                        number(p, "class.max-mailbox-size", s.mailboxOctets()),
                        integer(p, "class.failed-logins-before-pause", s.failedLoginsBeforePause()),
                        Duration.ofSeconds(number(p, "class.pause-seconds", s.pause().toSeconds())))));
    }

    private static Accounts.Account account(String name, Map<String, String> fields) {
        if (!UserNames.isValid(name)) {
            throw new IllegalArgumentException("user name '" + name + "' may only use letters, digits, . _ + -");
        }
        String password = fields.get("password");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user." + name + ".password is missing");
        }
        String hash = PasswordHash.looksLikeHash(password) ? password : PasswordHash.hash(password);
        String secret = fields.get("secret");
        if (secret != null && !PasswordHash.verify(secret, hash)) {
            throw new IllegalArgumentException("user." + name + ".secret is not the password user." + name
                    + ".password is the hash of; APOP and CRAM-MD5 would accept a different password than PLAIN");
        }
        String canonical = UserNames.canonical(name);
        return new Accounts.Account(canonical, fields.getOrDefault("name", canonical), hash,
                secret == null || secret.isEmpty() ? null : secret);
    }

    private static List<String> split(String members) {
        List<String> list = new ArrayList<>();
        for (String member : members.split(",")) {
            if (!member.isBlank()) {
                list.add(member.trim());
            }
        }
        return list;
    }

    private static TlsForAuth tlsForAuth(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> TlsForAuth.AUTO;
            case "true", "yes", "on" -> TlsForAuth.ON;
            case "false", "no", "off" -> TlsForAuth.OFF;
            default -> throw new IllegalArgumentException("auth.require-tls must be auto, true or false: '" + text.trim() + "'");
        };
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text.trim());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind: unknown address '" + text + "'", e);
        }
    }

    private static int integer(Properties p, String key, int fallback) {
        long value = number(p, key, fallback);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is too large: " + value);
        }
        return (int) value;
    }

    private static long number(Properties p, String key, long fallback) {
        String text = p.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new IllegalArgumentException(key + " cannot be negative: " + text.trim());
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number: '" + text.trim() + "'", e);
        }
    }

    private static boolean bool(Properties p, String key, boolean fallback) {
        String text = p.getProperty(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: '" + text.trim() + "'");
        };
    }

    /**
     * The configuration file written on first start: every setting with its default and a comment saying what
     * it does. The users' passwords are stored hashed; the recoverable secrets APOP and CRAM-MD5 need sit
     * beside them in clear, which the comments explain. The keystore password is random per installation.
     */
    public static String defaultFileText() {
        ServerLimits l = ServerLimits.DEFAULTS;
        RelayPolicy r = RelayPolicy.DEFAULTS;
        StudentLimits s = StudentLimits.DEFAULTS;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String keystorePassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return """
                # Mailbench practice server configuration.
                #
                # Written with these defaults when the server first started. Edit it and restart the server;
                # delete it to get the defaults back (a new keystore password then needs a new server.p12 too).
                # Only you can read this file: it holds the recoverable secrets below.

                # ---- Network ----
                # Where to listen. 127.0.0.1 (loopback): only programs on this computer can connect.
                # Any other address (0.0.0.0 for every interface) also needs allow-remote=true, and then
                # relaying to other domains always requires AUTH (SMTP after POP is ignored).
                bind=127.0.0.1
                allow-remote=false
                smtp.port=%d
                pop3.port=%d
                # The server's name in greetings, Received: headers and its certificate.
                hostname=%s

                # ---- Accounts ----
                # Local domains, separated by commas; the first is the main one.
                domains=example.test
                # user.<name>.name     the full name VRFY shows
                # user.<name>.password the password as a salted PBKDF2 hash (a clear password written here
                #                      is accepted too, and hashed when the file is read)
                # user.<name>.secret   the same password in clear. APOP and CRAM-MD5 prove that the client
                #                      knows the password without sending it, so the server must know it
                #                      too: that is their price. Remove the line to keep only the hash;
                #                      APOP and CRAM-MD5 then fail for that user, USER/PASS, PLAIN, LOGIN work.
                user.alice.name=Alice Example
                user.alice.password=%s
                user.alice.secret=alice-pass
                user.bob.name=Bob Example
                user.bob.password=%s
                user.bob.secret=bob-pass
                # alias.<name>=<user>; list.<name>=<member>, <member>, ... (a mailing list, for EXPN)
                alias.postmaster=alice
                list.class=alice, bob

                # ---- Behaviour ----
                # How the server words its replies: postfix-dovecot, exchange55 or exchange2003.
                personality=%s
                # SMTP after POP (walkthrough 001): an address that logged in over POP3 within the last
                # N minutes may relay without AUTH. Off by default: relaying to another domain then needs
                # AUTH (550 5.7.1 without it). Loopback only; ignored when allow-remote is on. Also switched
                # by serve --smtp-after-pop MINUTES, the serve console and the practice-server panel.
                relay.smtp-after-pop=%s
                relay.smtp-after-pop-minutes=%d
                # Require AUTH before any mail, even to local users (530 5.7.0), as a submission server does.
                relay.auth-required=%s
                # Relayed mail is never sent anywhere: it is held in the mailbox "%s" of the store.

                # ---- Limits (the RFCs' values) ----
                # Longest command or text line, CRLF included (RFC 5321 §4.5.3.1).
                limits.max-line-length=%d
                # Largest message in octets, advertised with SIZE (RFC 1870); 0 for no limit.
                limits.max-message-size=%d
                # Recipients per message (RFC 5321 §4.5.3.1.8: at least 100).
                limits.max-recipients=%d
                # Connections at once, per protocol; beyond it: 421 4.7.0 / -ERR [SYS/TEMP].
                limits.max-connections=%d
                # Seconds a client may stay silent (RFC 5321 §4.5.3.2.7: at least 300; RFC 1939 §3: 600).
                limits.idle-timeout-seconds=%d
                # Failed logins before the connection is closed.
                limits.max-failed-auth=%d
                # Syntax and sequence errors before the connection is closed.
                limits.max-errors=%d

                # ---- Passwords and TLS ----
                # Whether SMTP AUTH, POP3 USER/PASS and AUTH PLAIN/LOGIN are accepted only after STARTTLS/STLS
                # (RFC 4954 section 4): auto (the default) requires it whenever the server listens beyond
                # loopback, so passwords never cross a network in clear; true or false decide it always.
                auth.require-tls=auto

                # ---- A class (mailbench serve --class) ----
                # What each student's account may use; the teacher's and other accounts are not limited here.
                # Connections at once, SMTP and POP3 together (421 4.7.0 / -ERR [IN-USE] beyond it).
                class.max-connections=%d
                # Messages a student may start in any minute (451 4.7.1 beyond it).
                class.max-messages-per-minute=%d
                # The size a student's mailbox may reach, in octets (552 5.2.2 beyond it).
                class.max-mailbox-size=%d
                # Failed logins to a student's account before its logins pause (454 4.7.0 / -ERR [AUTH]),
                # and for how many seconds.
                class.failed-logins-before-pause=%d
                class.pause-seconds=%d

                # ---- Transcripts ----
                # Each connection's transcript is kept in transcripts/ (one JSON-lines file per connection,
                # passwords masked), so a lesson can be checked afterwards: mailbench lesson check.
                # The oldest are deleted first beyond this many files or this many bytes; keep=0 keeps none.
                transcripts.keep=%d
                transcripts.max-bytes=%d

                # ---- TLS ----
                # The password of server.p12, the self-signed certificate made on first start.
                tls.keystore-password=%s
                """.formatted(DEFAULT_SMTP_PORT, DEFAULT_POP3_PORT, DEFAULT_HOST_NAME,
                PasswordHash.hashOfStoredSecret("alice-pass"), PasswordHash.hashOfStoredSecret("bob-pass"),
                Personality.DEFAULT_ID,
                r.smtpAfterPop(), r.smtpAfterPopWindow().toMinutes(), r.authRequired(), RelayPolicy.OUTBOX_MAILBOX,
                l.maxLineLength(), l.maxMessageSize(), l.maxRecipients(), l.maxConnections(),
                l.idleTimeout().toSeconds(), l.maxFailedAuth(), l.maxErrors(), s.connectionsAtOnce(),
                s.messagesPerMinute(), s.mailboxOctets(), s.failedLoginsBeforePause(), s.pause().toSeconds(),
                TranscriptRetention.DEFAULTS.keep(),
                TranscriptRetention.DEFAULTS.maxBytes(), keystorePassword);
    }

    @Override
    public String toString() {
        Set<String> users = new LinkedHashSet<>(accounts.users().keySet());
        return "ServerConfig[" + bindAddress.getHostAddress() + " SMTP " + smtpPort + " POP3 " + pop3Port + ", "
                + hostName + ", users " + users + ", personality " + personality + ", data " + dataDirectory + "]";
    }
}
