package dev.mailbench.mime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Gathers problems while a message is analysed. Lists at most {@value #LISTED_PER_KIND} of each kind
 * and one summary for the rest, so a 50 MB file with LF line endings yields a readable list, not
 * 600,000 entries. Line numbers and part paths may be filled in after the fact.
 */
final class ProblemCollector {

    static final int LISTED_PER_KIND = 10;

    static final class Entry {
        final Severity severity;
        final ProblemKind kind;
        final String message;
        String partPath;
        final long offset;
        long line;

        Entry(Severity severity, ProblemKind kind, String message, String partPath, long offset, long line) {
            this.severity = severity;
            this.kind = kind;
            this.message = message;
            this.partPath = partPath;
            this.offset = offset;
            this.line = line;
        }
    }

    private final List<Entry> listed = new ArrayList<>();
    private final Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
    private final Map<ProblemKind, Entry> firstUnlisted = new EnumMap<>(ProblemKind.class);

    /** A problem with the kind's usual severity; {@code partPath} may be null to be filled in later. */
    void add(ProblemKind kind, String message, String partPath, long offset) {
        add(kind.severity(), kind, message, partPath, offset, 0);
    }

    void add(Severity severity, ProblemKind kind, String message, String partPath, long offset) {
        add(severity, kind, message, partPath, offset, 0);
    }

    /** {@code line} 0 means not yet known. */
    void add(Severity severity, ProblemKind kind, String message, String partPath, long offset, long line) {
        int count = counts.merge(kind, 1, Integer::sum);
        Entry entry = new Entry(severity, kind, message, partPath, Math.max(0, offset), line);
        if (count <= LISTED_PER_KIND) {
            listed.add(entry);
        } else {
            firstUnlisted.putIfAbsent(kind, entry);
        }
    }

    /** The offsets whose line numbers are still unknown. */
    long[] offsetsWithoutLines() {
        return entries().stream().filter(e -> e.line == 0).mapToLong(e -> e.offset).sorted().distinct().toArray();
    }

    private List<Entry> entries() {
        List<Entry> all = new ArrayList<>(listed);
        all.addAll(firstUnlisted.values());
        return all;
    }

    /** The final list, sorted by position, with lines and part paths filled in and summaries added. */
    List<Problem> finish(LongFunction<Long> lineOf, LongFunction<String> partAt) {
        List<Entry> all = new ArrayList<>(listed);
        for (Map.Entry<ProblemKind, Entry> e : firstUnlisted.entrySet()) {
            ProblemKind kind = e.getKey();
            Entry first = e.getValue();
            int more = counts.get(kind) - LISTED_PER_KIND;
            all.add(new Entry(first.severity, kind, more + " more like the above (" + kind.title()
                    + "), the next of them here; only the first " + LISTED_PER_KIND + " are listed",
                    first.partPath, first.offset, first.line));
        }
        List<Problem> problems = new ArrayList<>();
        for (Entry e : all) {
            long line = e.line != 0 ? e.line : lineOf.apply(e.offset);
            String path = e.partPath != null ? e.partPath : partAt.apply(e.offset);
            problems.add(new Problem(e.severity, e.kind, e.message, path, e.offset, line));
        }
        problems.sort(Comparator.comparingLong(Problem::offset)
                .thenComparing(Problem::kind)
                .thenComparing(Problem::message));
        return List.copyOf(problems);
    }
}
