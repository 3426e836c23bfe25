package dev.mailbench.app.compose;

import java.util.ArrayList;
import java.util.List;

import dev.mailbench.app.transcript.ControlMarks;
import dev.mailbench.wire.DotStuffing;
import dev.mailbench.wire.Printable;
import java.util.Arrays;

/** What DATA puts on the wire for a message: its lines dot-stuffed and ended by CRLF.CRLF, endings visible. */
public final class WireForm {

    private WireForm() {
    }

    /** The wire lines with CR and LF shown ({@code ..a dotted line⟨CR⟩⟨LF⟩}), at most {@code limit} of them. */
    public static List<String> lines(byte[] message, int limit) {
        byte[] wire = DotStuffing.encode(message);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < wire.length && lines.size() < limit; i++) {
            if (wire[i] == '\n') {
                lines.add(ControlMarks.of(Printable.of(Arrays.copyOfRange(wire, start, i + 1))));
                start = i + 1;
            }
        }
        if (start < wire.length && lines.size() < limit) {
            lines.add(ControlMarks.of(Printable.of(Arrays.copyOfRange(wire, start, wire.length))));
        }
        return lines;
    }

    /** How many lines the wire form has. */
    public static int lineCount(byte[] message) {
        byte[] wire = DotStuffing.encode(message);
        int count = 0;
        for (byte b : wire) {
            if (b == '\n') {
                count++;
            }
        }
        return wire.length > 0 && wire[wire.length - 1] != '\n' ? count + 1 : count;
    }
}
