package dev.mailbench.diagnose;

import dev.mailbench.wire.Transcript;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished diagnosis of one server: the verdicts and the whole conversation they were read from.
 *
 * @param target     what was diagnosed, as a URI ({@code smtp://mx1.example.test:25}), with the MX domain it came
 *                   from when it was found by an MX lookup
 * @param started    when the diagnosis began
 * @param checks     the verdicts, in the order they were reached
 * @param lines      the transcript as reports show it, secrets masked
 * @param transcript the transcript itself, for a window that shows it or a session file
 */
public record Diagnosis(String target, Instant started, List<CheckResult> checks, List<ReportLine> lines,
                        Transcript transcript) {

    public Diagnosis {
        Objects.requireNonNull(target);
        Objects.requireNonNull(started);
        checks = List.copyOf(checks);
        lines = List.copyOf(lines);
    }

    /** Whether any check failed: the command then exits with 1. */
    public boolean failed() {
        return checks.stream().anyMatch(check -> check.verdict() == Verdict.FAIL);
    }

    public Optional<CheckResult> check(String id) {
        return checks.stream().filter(check -> check.id().equals(id)).findFirst();
    }

    /** How many checks reached this verdict. */
    public long count(Verdict verdict) {
        return checks.stream().filter(check -> check.verdict() == verdict).count();
    }
}
