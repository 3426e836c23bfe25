package dev.mailbench.explain;

import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the explainer keeps of each line of one transcript, packed: its reading ({@link LineInfo#code()}, one
 * octet) and its link (four octets), and one {@link ReplyGroup} a reply. The lines themselves are asked of the
 * transcript again when needed, so a 20 MB RETR costs five octets a line.
 *
 * <p>Not thread-safe: its owner locks. A line's reading, its link and a group's lines never change once read,
 * and arrays outgrown are replaced, not changed, so a copy of the arrays taken under the lock may be read after.
 *
 * @param <T> what the protocol's reader says a reply answers
 */
final class LineLedger<T> {
    static final int NO_GROUP = -1;

    private Transcript source;
    private long firstSequence = -1;
    private int count;
    private byte[] infos = new byte[256];
    /** For a server line: its reply group. For a line answered: the group that answered it. Otherwise NO_GROUP. */
    private int[] links = new int[256];
    private final List<ReplyGroup<T>> groups = new ArrayList<>();

    /**
     * Makes room for the next event and returns its index; {@link #commit} records its reading.
     *
     * @throws IllegalArgumentException if the event is of another transcript, or does not follow the previous one
     */
    int begin(TranscriptEvent event) {
        if (firstSequence < 0) {
            firstSequence = event.sequence();
            source = event.transcript();
        }
        if (event.transcript() != source) {
            throw new IllegalArgumentException("an explainer reads one transcript: " + event + " is of another");
        }
        long expected = firstSequence + count;
        if (event.sequence() != expected) {
            throw new IllegalArgumentException("events must come in order: expected " + expected
                    + ", got " + event.sequence());
        }
        int index = count;
        if (index >= links.length) {
            links = Arrays.copyOf(links, links.length * 2);
            infos = Arrays.copyOf(infos, links.length);
        }
        links[index] = NO_GROUP;
        return index;
    }

    void commit(int index, LineInfo info) {
        infos[index] = (byte) info.code();
        count++;
    }

    int size() {
        return count;
    }

    /** The index of the line with this sequence number. */
    int index(long sequence) {
        long index = sequence - firstSequence;
        if (firstSequence < 0 || index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("no event " + sequence + " has been read");
        }
        return (int) index;
    }

    /** The index of the line with this sequence number, read or being read. */
    int indexOfSequence(long sequence) {
        return (int) (sequence - firstSequence);
    }

    TranscriptEvent event(int index) {
        return source.event(firstSequence + index);
    }

    LineInfo info(int index) {
        return LineInfo.ofCode(infos[index]);
    }

    int link(int index) {
        return links[index];
    }

    void link(int index, int group) {
        links[index] = group;
    }

    ReplyGroup<T> group(int id) {
        return groups.get(id);
    }

    /** A new reply group from the line at {@code start}, answering the line at {@code command} (if one). */
    int newGroup(int start, int command, T turn) {
        groups.add(new ReplyGroup<>(start, command, turn));
        int id = groups.size() - 1;
        if (command >= 0) {
            links[command] = id;
        }
        return id;
    }

    /** The lines of a group's reply that are text of a multi-line response. */
    int bodyLines(int groupId) {
        ReplyGroup<T> group = groups.get(groupId);
        int lines = 0;
        for (int i = group.start + 1; i <= group.end; i++) {
            if (info(i).role() == LineRole.RESPONSE_BODY && links[i] == groupId) {
                lines++;
            }
        }
        return lines;
    }
}
