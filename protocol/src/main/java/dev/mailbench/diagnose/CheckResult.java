package dev.mailbench.diagnose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict of one check, with what proves it.
 *
 * @param id          the stable id scripts and tickets name ({@code starttls.offered})
 * @param verdict     pass, warn, fail, info or skip
 * @param summary     one line with the figures in it
 * @param explanation a paragraph for someone who is not a mail expert: what it means and what to do
 * @param rule        the RFC or BCP section the check rests on
 * @param evidence    the transcript line numbers (from 1) that prove the verdict, in order
 * @param figures     what was measured, by name, in the order measured (numbers, booleans or text)
 */
public record CheckResult(String id, Verdict verdict, String summary, String explanation, String rule,
                          List<Integer> evidence, Map<String, Object> figures) {

    public CheckResult {
        Objects.requireNonNull(id);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(explanation);
        Objects.requireNonNull(rule);
        evidence = List.copyOf(evidence);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
