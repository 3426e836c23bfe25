package dev.mailbench.app.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The authserv-ids whose Authentication-Results the user trusts (RFC 8601 §5: their own receiving servers), in
 * {@code trusted-authserv-ids} in the config directory, one a line. The methods do disk work: call them off the
 * UI thread.
 */
public final class TrustedAuthservIds {

    static final String FILE_NAME = "trusted-authserv-ids";

    private final ConfigTextFile file;

    public TrustedAuthservIds(Path configDirectory) {
        this.file = new ConfigTextFile(configDirectory, FILE_NAME);
    }

    public Path file() {
        return file.file();
    }

    /** The ids, in the order saved; none when nothing was saved. */
    public List<String> load() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : file.entries()) {
            String id = line.strip();
            if (!id.startsWith("#")) { // an indented comment
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    public void save(List<String> ids) throws IOException {
        file.write("authserv-ids whose Authentication-Results you trust, one a line (RFC 8601 §5)", ids);
    }
}
