package dev.mailbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The two ways the store forces data to disk. A seam, so that tests can check that every step happens,
 * and in the right order, without pulling the power cord.
 */
interface DiskSync {

    /** Forcing for real. */
    DiskSync SYSTEM = new DiskSync() {
    };

    /** Forces a file's contents and metadata (fsync). */
    default void forceFile(FileChannel file) throws IOException {
        file.force(true);
    }

    /**
     * Forces a directory's entries to disk, so that a file created, renamed or removed in it stays so
     * after a crash. Forcing the file does not do that on POSIX systems (fsync(2): "Calling fsync() does
     * not necessarily ensure that the entry in the directory containing the file has also reached disk").
     * Windows cannot open a directory as a channel, and NTFS journals directory changes itself.
     */
    default void forceDirectory(Path directory) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
