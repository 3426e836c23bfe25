package dev.mailbench.reproduce;

import java.time.Duration;

/** One line of a script that does something. */
public sealed interface ScriptStep {

    /** The line number in the script file, from 1. */
    int lineNumber();

    /** A line sent as the command line sends it: CRLF added, and its reply awaited when it gets one. */
    record Send(int lineNumber, String text) implements ScriptStep {
    }

    /** A line with raw marks ({@code ⟨CR⟩}, {@code ⟨LF⟩}): exactly these bytes, nothing added, no reply awaited. */
    record Raw(int lineNumber, String text, byte[] bytes) implements ScriptStep {
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** {@code expect CODE}: the next reply must match. */
    record Expect(int lineNumber, ReplyPattern pattern) implements ScriptStep {
    }

    /** {@code wait SECONDS}: a pause, e.g. for greylisting or a slow server. */
    record Wait(int lineNumber, Duration duration) implements ScriptStep {
    }
}
