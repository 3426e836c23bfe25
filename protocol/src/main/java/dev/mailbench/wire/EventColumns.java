package dev.mailbench.wire;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where a transcript keeps its events: as columns (one array for each field, in blocks of {@value #BLOCK} events)
 * rather than one object an event. A 20 MB RETR is 300,000 events, all kept while the transcript is shown; as
 * objects they are 300,000 more for every young collection to copy while the message streams in, and the pauses
 * that copying takes are what a user sees as the window stalling. {@link TranscriptEvent}s are made when asked for
 * and dropped soon after.
 *
 * <p>One thread appends (the transcript, under its lock); any thread may read what has been appended, without a
 * lock. Blocks are never moved: an append fills its slots and then publishes the new size through a volatile
 * write, and a reader reads the size before any slot below it.
 */
final class EventColumns {

    private static final int BLOCK_BITS = 10;
    static final int BLOCK = 1 << BLOCK_BITS;
    private static final int TLS = 1 << 2;
    private static final Direction[] DIRECTIONS = Direction.values();
    private static final LineIssue[] ISSUES = LineIssue.values();
    /** Each set of issues as an immutable set, by its bit mask: a few distinct sets, shared by every line. */
    @SuppressWarnings("unchecked")
    private static final Set<LineIssue>[] ISSUE_SETS = new Set[1 << ISSUES.length];

    static {
        if (ISSUES.length > Byte.SIZE) {
            throw new AssertionError("an event keeps its issues in one octet");
        }
        for (int mask = 0; mask < ISSUE_SETS.length; mask++) {
            EnumSet<LineIssue> set = EnumSet.noneOf(LineIssue.class);
            for (LineIssue issue : ISSUES) {
                if ((mask & 1 << issue.ordinal()) != 0) {
                    set.add(issue);
                }
            }
            ISSUE_SETS[mask] = Set.copyOf(set);
        }
    }

    /**
     * One block of events; every array has {@code capacity} slots, {@link #BLOCK} but in the first block, which
     * starts small (most transcripts are a few dozen lines) and is replaced by a larger copy as it fills.
     */
    private static final class Block {
        final int capacity;
        final byte[] flags;
        final byte[] issues;
        final byte[][] stores;
        final int[] offsets;
        final int[] lengths;
        final long[] nanoTimes;
        final long[] epochSeconds;
        final int[] nanosOfSecond;
        final long[] sinceCommand;
        /** Most lines carry no annotation: made when the first one does. */
        Annotation[] annotations;

        Block(int capacity) {
            this.capacity = capacity;
            flags = new byte[capacity];
            issues = new byte[capacity];
            stores = new byte[capacity][];
            offsets = new int[capacity];
            lengths = new int[capacity];
            nanoTimes = new long[capacity];
            epochSeconds = new long[capacity];
            nanosOfSecond = new int[capacity];
            sinceCommand = new long[capacity];
        }

        /** A copy with room for {@code capacity} events. */
        Block grown(int capacity) {
            Block grown = new Block(capacity);
            System.arraycopy(flags, 0, grown.flags, 0, this.capacity);
            System.arraycopy(issues, 0, grown.issues, 0, this.capacity);
            System.arraycopy(stores, 0, grown.stores, 0, this.capacity);
            System.arraycopy(offsets, 0, grown.offsets, 0, this.capacity);
            System.arraycopy(lengths, 0, grown.lengths, 0, this.capacity);
            System.arraycopy(nanoTimes, 0, grown.nanoTimes, 0, this.capacity);
            System.arraycopy(epochSeconds, 0, grown.epochSeconds, 0, this.capacity);
            System.arraycopy(nanosOfSecond, 0, grown.nanosOfSecond, 0, this.capacity);
            System.arraycopy(sinceCommand, 0, grown.sinceCommand, 0, this.capacity);
            if (annotations != null) {
                grown.annotations = Arrays.copyOf(annotations, capacity);
            }
            return grown;
        }
    }

    /** Slots the first block starts with. */
    private static final int FIRST_CAPACITY = 32;

    private volatile Block[] blocks = new Block[4];
    private volatile int size;

    int size() {
        return size;
    }

    /**
     * Appends an event whose octets are {@code length} octets of {@code store} from {@code offset}, never changed
     * after; {@code sinceCommandNanos} is negative when no client line came before. Returns its index.
     */
    int append(Direction direction, byte[] store, int offset, int length, long nanoTime, Instant time,
               long sinceCommandNanos, boolean tls, Set<LineIssue> issues, Annotation annotation) {
        int index = size;
        int slot = index & BLOCK - 1;
        Block block = blockForAppend(index >>> BLOCK_BITS, slot);
        block.flags[slot] = (byte) (direction.ordinal() | (tls ? TLS : 0));
        block.issues[slot] = (byte) mask(issues);
        block.stores[slot] = store;
        block.offsets[slot] = offset;
        block.lengths[slot] = length;
        block.nanoTimes[slot] = nanoTime;
        block.epochSeconds[slot] = time.getEpochSecond();
        block.nanosOfSecond[slot] = time.getNano();
        block.sinceCommand[slot] = sinceCommandNanos;
        if (annotation != null) {
            if (block.annotations == null) {
                block.annotations = new Annotation[block.capacity];
            }
            block.annotations[slot] = annotation;
        }
        size = index + 1;
        return index;
    }

    /**
     * The block to write {@code slot} of block {@code number} into: made, or replaced by a larger copy, as needed.
     * A new or larger block is published in a new directory before any of its new slots is read.
     */
    private Block blockForAppend(int number, int slot) {
        Block[] current = blocks;
        Block block = number < current.length ? current[number] : null;
        if (block != null && slot < block.capacity) {
            return block;
        }
        Block replacement = block == null ? new Block(number == 0 ? FIRST_CAPACITY : BLOCK)
                : block.grown(Math.min(BLOCK, block.capacity * 2));
        Block[] directory = number < current.length ? current.clone() : Arrays.copyOf(current, current.length * 2);
        directory[number] = replacement;
        blocks = directory;
        return replacement;
    }

    /** The event at {@code index}, which must be below {@link #size()}, as an object of its own. */
    TranscriptEvent event(Transcript transcript, int index) {
        Objects.checkIndex(index, size); // reads the size before any slot
        Block block = blocks[index >>> BLOCK_BITS];
        int slot = index & BLOCK - 1;
        int flags = block.flags[slot];
        Annotation[] annotations = block.annotations;
        return new TranscriptEvent(transcript, index, DIRECTIONS[flags & 3], block.stores[slot], block.offsets[slot],
                block.lengths[slot], block.nanoTimes[slot], block.epochSeconds[slot], block.nanosOfSecond[slot],
                block.sinceCommand[slot], (flags & TLS) != 0, ISSUE_SETS[block.issues[slot] & 0xFF],
                annotations == null ? null : annotations[slot]);
    }

    private static int mask(Set<LineIssue> issues) {
        int mask = 0;
        for (LineIssue issue : issues) {
            mask |= 1 << issue.ordinal();
        }
        return mask;
    }
}
