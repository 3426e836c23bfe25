package dev.mailbench.mime;

/** Counts octets with the high bit set (RFC 2045 §2.7: 7bit data has none). */
final class EightBitScanner implements ByteScanner {

    private long count;
    private long first = -1;

    @Override
    public void scan(byte[] bytes, int offset, int length, long position) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                if (first < 0) {
                    first = position + (i - offset);
                }
                count++;
            }
        }
    }

    long count() {
        return count;
    }

    long first() {
        return first;
    }
}
