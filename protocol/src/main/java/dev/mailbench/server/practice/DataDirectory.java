package dev.mailbench.server.practice;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the practice server keeps its things: the configuration file, the certificate, the mail store.
 * By default the user's data directory as the XDG Base Directory specification has it,
 * {@code $XDG_DATA_HOME/mailbench}, else {@code ~/.local/share/mailbench}; never the working tree.
 *
 * <pre>
 * mailbench/
 *   server.properties   the configuration, written with commented defaults on first start
 *   server.p12          the self-signed certificate and its key (SelfSignedCertificate)
 *   mail/&lt;user&gt;/{tmp,new,cur}   the Maildirs (MailStore)
 *   transcripts/*.jsonl  one file per connection, oldest dropped first (TranscriptArchive, TranscriptFile)
 *   class.csv           a class's accounts and passwords, readable by the owner only (ClassRoster)
 * </pre>
 */
public final class DataDirectory {
    public static final String CONFIG_FILE = "server.properties";
    public static final String KEYSTORE_FILE = "server.p12";
    public static final String MAIL_DIRECTORY = "mail";
    public static final String TRANSCRIPT_DIRECTORY = "transcripts";
    public static final String CLASS_FILE = "class.csv";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A data directory the user named (a command-line option, a test's temporary directory). */
    public static DataDirectory at(Path root) {
        return new DataDirectory(Objects.requireNonNull(root, "root"));
    }

    /** The user's default data directory for this process's environment. */
    public static DataDirectory defaultLocation() {
        return at(defaultPath(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * XDG Base Directory spec: {@code $XDG_DATA_HOME} if set to an absolute path (a relative one is invalid
     * and ignored), else {@code $HOME/.local/share}; Mailbench's own directory inside it.
     */
    static Path defaultPath(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "mailbench");
        }
        return Path.of(userHome, ".local", "share", "mailbench");
    }

    public Path root() {
        return root;
    }

    public Path configFile() {
        return root.resolve(CONFIG_FILE);
    }

    public Path keystoreFile() {
        return root.resolve(KEYSTORE_FILE);
    }

    public Path mailStore() {
        return root.resolve(MAIL_DIRECTORY);
    }

    /** Where each connection's transcript is kept ({@link TranscriptArchive}). */
    public Path transcripts() {
        return root.resolve(TRANSCRIPT_DIRECTORY);
    }

    /** A class's accounts and passwords ({@link ClassRoster}). */
    public Path classFile() {
        return root.resolve(CLASS_FILE);
    }

    /** Whether the configuration file exists yet. */
    public boolean isInitialised() {
        return Files.exists(configFile());
    }

    /**
     * Reads the configuration, first writing the commented defaults if there is none (first start). The
     * file is readable by its owner only: it holds the recoverable secrets of APOP/CRAM-MD5 accounts and the
     * keystore password.
     */
    public ServerConfig loadOrCreateConfig() throws IOException {
        Files.createDirectories(root);
        if (!Files.exists(configFile())) {
            writeDefaults();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        try {
            return ServerConfig.fromProperties(properties, this);
        } catch (IllegalArgumentException e) {
            throw new IOException("The configuration " + configFile() + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the defaults next to the final place and links them there in one step, so a crash leaves no
     * half-written configuration, and a second process starting at the same moment keeps the first's file.
     */
    private void writeDefaults() throws IOException {
        // createTempFile makes the file readable by its owner only on POSIX systems.
        Path temporary = Files.createTempFile(root, CONFIG_FILE, ".tmp");
        try {
            Files.writeString(temporary, ServerConfig.defaultFileText(), StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(configFile(), temporary);
            } catch (FileAlreadyExistsException anotherStart) {
                // another process wrote it first; read theirs
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                if (!Files.exists(configFile())) {
                    Files.move(temporary, configFile());
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
