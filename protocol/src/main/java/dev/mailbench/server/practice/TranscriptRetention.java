package dev.mailbench.server.practice;

/**
 * How many connection transcripts the practice server keeps in {@link DataDirectory#transcripts()}: the oldest
 * are deleted first once there are more than {@code keep} files or they hold more than {@code maxBytes}.
 *
 * @param keep     the most files kept; 0 keeps none (no transcript is written)
 * @param maxBytes the most octets all the files may hold together; the newest file is kept whatever its size
 */
public record TranscriptRetention(int keep, long maxBytes) {
    /** 200 connections, 20 MB: a class's afternoon. */
    public static final TranscriptRetention DEFAULTS = new TranscriptRetention(200, 20L * 1024 * 1024);

    public TranscriptRetention {
        if (keep < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("transcripts.keep and transcripts.max-bytes cannot be negative");
        }
    }

    /** Whether transcripts are written at all. */
    public boolean enabled() {
        return keep > 0 && maxBytes > 0;
    }
}
