package dev.mailbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a hard link; a seam so that tests can make linking fail and exercise the copy a delivery
 * falls back to on file systems without hard links.
 */
@FunctionalInterface
interface FileLinker {

    FileLinker HARD_LINK = (link, existing) -> Files.createLink(link, existing);

    /**
     * Creates {@code link} as a new name for {@code existing}.
     *
     * @throws UnsupportedOperationException if the file system has no hard links
     * @throws IOException                   if this link cannot be made (another device, a limit)
     */
    void link(Path link, Path existing) throws IOException;
}
