package dev.mailbench.diagnose;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.wire.MailProtocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdicts of one diagnosis as its steps reach them. Sentences come from the catalogue: {@code
 * diagnose.<id>.<outcome>.summary} and {@code .explanation}, with the check's figures put in; a skip for a shared
 * reason ({@code no-connection}, {@code no-tls} …) reads {@code diagnose.skip.<reason>}. A check no step reached is
 * reported as skipped, so every report lists every check of its protocol.
 */
final class Findings {

    private static final Logger LOG = LoggerFactory.getLogger(Findings.class);

    /** Skips that read the same whatever the check: their sentences are {@code diagnose.skip.<reason>}. */
    static final Set<String> SHARED_SKIPS = Set.of("no-connection", "no-tls", "not-reached", "no-user", "timeout",
            "implicit", "mail-refused");

    private final MailProtocol protocol;
    private final Catalogue catalogue;
    private final Map<CheckId, CheckResult> results = new EnumMap<>(CheckId.class);
    private final List<CheckId> order = new ArrayList<>();

    Findings(MailProtocol protocol, Catalogue catalogue) {
        this.protocol = protocol;
        this.catalogue = catalogue;
    }

    /**
     * Records a verdict; the first one recorded for a check stands.
     *
     * @param outcome  which sentence: {@code pass}, {@code fail.refused} …
     * @param figures  what was measured; also the values put in the sentences
     * @param evidence transcript line numbers from 1
     */
    void add(CheckId id, Verdict verdict, String outcome, Map<String, ?> figures, Collection<Integer> evidence) {
        if (results.containsKey(id)) {
            return;
        }
        if (verdict == Verdict.FAIL && outcome.startsWith("lost.") && id.failMeansExposure()) {
            // "relay.open: fail" reads as an open relay; a connection lost during the test says nothing of it
            verdict = Verdict.WARN;
        }
        // a check the connection broke off in the middle of reads the same whatever it was: diagnose.lost.<how>
        String key = verdict == Verdict.SKIP && SHARED_SKIPS.contains(outcome) ? "skip." + outcome
                : outcome.startsWith("lost.") ? outcome : id.id() + "." + outcome;
        Map<String, Object> values = new LinkedHashMap<>(figures);
        String summary;
        String explanation;
        try {
            summary = catalogue.diagnosis(key + ".summary", values);
            explanation = catalogue.diagnosis(key + ".explanation", values);
        } catch (IllegalStateException missing) {
            // a sentence missing from a catalogue must not cost the report: the key and figures say what was found
            LOG.warn("The catalogue has no sentence for diagnose.{}", key, missing);
            summary = key + " " + values;
            explanation = "";
        }
        results.put(id, new CheckResult(id.id(), verdict, summary, explanation, id.rule(protocol),
                new ArrayList<>(new TreeSet<>(evidence)), values));
        order.add(id);
    }

    void add(CheckId id, Verdict verdict, String outcome, Collection<Integer> evidence) {
        add(id, verdict, outcome, Map.of(), evidence);
    }

    void skip(CheckId id, String reason) {
        add(id, Verdict.SKIP, reason, Map.of(), List.of());
    }

    /** Skips every check of the protocol that has no verdict yet. */
    void skipRest(String reason) {
        for (CheckId id : CheckId.values()) {
            if (id.appliesTo(protocol) && id != CheckId.MX && id != CheckId.SYNTAX) {
                skip(id, reason);
            }
        }
    }

    boolean has(CheckId id) {
        return results.containsKey(id);
    }

    Verdict verdict(CheckId id) {
        CheckResult result = results.get(id);
        return result == null ? null : result.verdict();
    }

    /**
     * Every check of the protocol, in the order of {@link CheckId}; those never reached as skipped. The {@code mx}
     * check is there only for a server found by an MX lookup; {@code syntax} is judged last, over the whole transcript.
     */
    List<CheckResult> results() {
        skipRest("not-reached");
        List<CheckResult> list = new ArrayList<>();
        for (CheckId id : CheckId.values()) {
            if (results.containsKey(id)) {
                list.add(results.get(id));
            }
        }
        return list;
    }
}
