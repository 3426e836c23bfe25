package dev.mailbench.pop3;

import java.util.Arrays;

/**
 * The text of a multi-line response as it arrives, in one array sized from the status line's octet count when it
 * has one ({@code +OK 20971520 octets}, as RFC 1939 §7's examples and most servers write it). A 20 MB RETR then
 * fills one array of the right size, instead of growing one by doubling through arrays of 2, 4, 8, 16 and 32 MB,
 * each a "humongous" object to the G1 collector that may start a collection of its own while the UI is drawing.
 * The count is only a hint: a server that says less gets a larger array, one that says more a smaller one.
 */
final class BodyBuffer {

    /** The largest array made from a server's word alone; a larger message still arrives, by growing. */
    static final int LARGEST_HINT = 64 * 1024 * 1024;
    private static final int DEFAULT_CAPACITY = 8 * 1024;

    private byte[] bytes;
    private int size;

    /** A buffer for about {@code expected} octets, or of a small default when negative or implausible. */
    BodyBuffer(long expected) {
        bytes = new byte[expected >= 0 && expected <= LARGEST_HINT ? (int) expected : DEFAULT_CAPACITY];
    }

    void write(byte[] source, int offset, int length) {
        if (bytes.length - size < length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(wanted, DEFAULT_CAPACITY)));
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** The octets written, in an array of their own: the buffer's own when it is exactly full. */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
