package dev.mailbench.app.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The servers the user connected to, most recent first, in {@code recent-hosts} in the config directory.
 * Plain text, one server a line, so a teacher can prepare the list for a classroom. The methods do disk
 * work: call them off the UI thread.
 */
public final class RecentHosts {

    /** How many servers are remembered. */
    public static final int LIMIT = 10;
    static final String FILE_NAME = "recent-hosts";
    /** Held while one of this program's windows reads, changes and writes a list. */
    private static final Object UPDATING = new Object();

    private final ConfigTextFile file;

    public RecentHosts(Path configDirectory) {
        this.file = new ConfigTextFile(configDirectory, FILE_NAME);
    }

    public Path file() {
        return file.file();
    }

    /** The remembered servers, most recent first; none when the file does not exist yet. */
    public List<RecentHost> load() throws IOException {
        List<RecentHost> hosts = new ArrayList<>();
        for (String line : file.entries()) {
            Optional<RecentHost> host = RecentHost.parse(line);
            if (host.isPresent() && hosts.stream().noneMatch(host.get()::sameServer) && hosts.size() < LIMIT) {
                hosts.add(host.get());
            }
        }
        return List.copyOf(hosts);
    }

    /** Puts {@code host} first (moving it if it was there already), keeps {@link #LIMIT}, and saves; returns the list. */
    public List<RecentHost> remember(RecentHost host) throws IOException {
        // Read, change and write as one step, so two tabs connecting at once both end up in the list.
        synchronized (UPDATING) {
            List<RecentHost> hosts = new ArrayList<>(load());
            hosts.removeIf(host::sameServer); // one entry a server, with the reply timeout used last
            hosts.add(0, host);
            if (hosts.size() > LIMIT) {
                hosts = hosts.subList(0, LIMIT);
            }
            save(hosts);
            return List.copyOf(hosts);
        }
    }

    private void save(List<RecentHost> hosts) throws IOException {
        file.write("servers connected to, most recent first (protocol, TLS mode, host, port,"
                + " reply timeout in seconds when not the usual one)", hosts.stream().map(RecentHost::line).toList());
    }
}
