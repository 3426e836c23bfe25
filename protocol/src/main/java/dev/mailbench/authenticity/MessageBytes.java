package dev.mailbench.authenticity;

import dev.mailbench.mime.HeaderField;
import dev.mailbench.mime.MessageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The raw bytes the checks read: each header field's, and the body canonicalised once per algorithm. */
final class MessageBytes {

    /** Bodies larger than this are not hashed: a teaching tool need not hold a huge attachment twice. */
    static final long MAX_BODY = 64L << 20;

    private final MessageAnalysis analysis;
    private final Map<Canonicalization, byte[]> canonicalBodies = new EnumMap<>(Canonicalization.class);
    private byte[] body;

    MessageBytes(MessageAnalysis analysis) {
        this.analysis = analysis;
    }

    List<HeaderField> headers() {
        return analysis.headers();
    }

    /** The field's bytes, its final line break not included. */
    byte[] field(HeaderField field) {
        try {
            byte[] raw = analysis.source().read(field.range());
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == '\r' || raw[end - 1] == '\n')) {
                end--;
            }
            byte[] out = new byte[end];
            System.arraycopy(raw, 0, out, 0, end);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long bodySize() {
        return analysis.root().bodyRange().length();
    }

    byte[] canonicalBody(Canonicalization c) throws IOException {
        byte[] done = canonicalBodies.get(c);
        if (done == null) {
            if (body == null) {
                if (bodySize() > MAX_BODY) {
                    throw new IOException("the body is " + bodySize() + " bytes, more than this check reads ("
                            + MAX_BODY + ")");
                }
                body = analysis.source().read(analysis.root().bodyRange());
            }
            done = c.body(body);
            canonicalBodies.put(c, done);
        }
        return done;
    }
}
