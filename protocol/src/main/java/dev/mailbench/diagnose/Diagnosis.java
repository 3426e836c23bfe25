package dev.mailbench.diagnose;

import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.ServerAddress;
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
 * @param server     where the conversation went: the address connected to; for a domain whose MX lookup failed,
 *                   the domain on the MX port, where no connection was made
 */
public record Diagnosis(String target, Instant started, List<CheckResult> checks, List<ReportLine> lines,
                        Transcript transcript, ServerAddress server) {

    public Diagnosis {
        Objects.requireNonNull(target);
        Objects.requireNonNull(started);
        Objects.requireNonNull(transcript);
        Objects.requireNonNull(server);
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

    /**
     * The conversation as one connection of a session file, so that it can be reopened line for line: where it
     * went and every event, notes included. No user name is set; the file finds it in the AUTH or USER line.
     */
    public SessionConnection sessionConnection() {
        return new SessionConnection(new SessionSettings(server.protocol(), server.host(), server.port(),
                server.tlsMode(), Optional.empty()), transcript);
    }
}
