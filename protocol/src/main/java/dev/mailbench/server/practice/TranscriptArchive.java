package dev.mailbench.server.practice;

import dev.mailbench.server.ConnectionObserver;
import dev.mailbench.server.EndedConnection;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each practice-server connection's transcript in a file of its own ({@link TranscriptFile}) in
 * {@link DataDirectory#transcripts()}, so that a lesson can be checked afterwards for a student who used
 * Mailbench, telnet, nc or swaks alike; and reads them back ({@link #readAll}).
 *
 * <p>A file is written when its connection ends, by one writer thread of the archive's own: the connection's
 * thread only hands the events over, so no reply ever waits on the disk. After each file the oldest ones are
 * deleted beyond the {@link TranscriptRetention}. Files are named
 * {@code <start time, UTC>-<protocol>-<number>.jsonl}, so their names sort oldest first.
 */
public final class TranscriptArchive implements ConnectionObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptArchive.class);
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path directory;
    private final TranscriptRetention retention;
    private final ExecutorService writer;
    private final AtomicLong number = new AtomicLong();

    /** An archive writing into {@code directory} (created when the first file is written). */
    public TranscriptArchive(Path directory, TranscriptRetention retention) {
        this.directory = directory;
        this.retention = retention;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mailbench-transcript-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void opened(MailProtocol protocol, String remote, Transcript transcript) {
        // written when it ends
    }

    /** Hands the ended connection's events to the writer thread, and returns at once. */
    @Override
    public void ended(EndedConnection connection) {
        if (!retention.enabled()) {
            return;
        }
        List<TranscriptEvent> events = connection.transcript().events();
        String name = NAME_TIME.format(connection.started()) + "-" + connection.protocol().name().toLowerCase(Locale.ROOT)
                + "-" + String.format(Locale.ROOT, "%06d", number.incrementAndGet()) + TranscriptFile.SUFFIX;
        try {
            writer.execute(() -> write(connection, events, directory.resolve(name)));
        } catch (RejectedExecutionException closed) {
            LOG.debug("Transcript of a {} connection not kept: the server is stopping", connection.protocol());
        }
    }

    private void write(EndedConnection connection, List<TranscriptEvent> events, Path file) {
        try {
            Files.createDirectories(directory);
            TranscriptFile.write(connection, events, file);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The transcript of a {} connection could not be kept in {}", connection.protocol(), file, e);
        }
    }

    /** Deletes the oldest files while there are more than the retention allows; the newest one always stays. */
    private void prune() throws IOException {
        List<Path> files = files(directory);
        List<Long> sizes = new ArrayList<>(files.size());
        long total = 0;
        for (Path file : files) {
            long size = sizeOf(file);
            sizes.add(size);
            total += size;
        }
        int count = files.size();
        for (int i = 0; i < files.size() - 1 && (count > retention.keep() || total > retention.maxBytes()); i++) {
            Files.deleteIfExists(files.get(i));
            count--;
            total -= sizes.get(i);
        }
    }

    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    /** Waits until every transcript handed over so far has been written (for a clean stop, and for tests). */
    public void flush() throws InterruptedException {
        try {
            writer.submit(() -> { }).get();
        } catch (ExecutionException | RejectedExecutionException e) {
            // nothing to wait for
        }
    }

    /** Writes what was handed over (waiting a few seconds at most), then takes no more. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Some connection transcripts were not written in time: the server stopped without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The transcript files in a directory, oldest first; none when it does not exist. */
    public static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(file -> file.getFileName().toString().endsWith(TranscriptFile.SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Every transcript kept in a data directory, oldest first, each with its problem if its file is damaged
     * (see {@link TranscriptFile#read}). None when the server has kept none yet.
     *
     * <pre>{@code
     * for (SavedTranscript saved : TranscriptArchive.readAll(DataDirectory.at(dir))) {
     *     if (saved.isBy("bob")) {
     *         check(saved.protocol(), saved.events());
     *     }
     *     saved.problem().ifPresent(problem -> warn(saved.file() + ": " + problem));
     * }
     * }</pre>
     *
     * @throws IOException if the directory or a file cannot be read at all
     */
    public static List<SavedTranscript> readAll(DataDirectory data) throws IOException {
        List<SavedTranscript> all = new ArrayList<>();
        for (Path file : files(data.transcripts())) {
            try {
                all.add(TranscriptFile.read(file));
            } catch (NoSuchFileException deletedMeanwhile) {
                // dropped as the oldest while we listed: the server's retention, not a problem
            }
        }
        return all;
    }
}
