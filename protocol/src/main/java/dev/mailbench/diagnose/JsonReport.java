package dev.mailbench.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis as JSON, for scripts and tickets; the schema is in the README ("Diagnosing a server"):
 * <pre>{"target", "started", "checks": [{"id", "verdict", "summary", "explanation", "rule", "evidence": [line
 * numbers], "figures": {…}}], "transcript": [{"line", "direction", "text", "tls"}]}</pre>
 * Several diagnoses (the MX hosts of a domain) are an array of such objects. Passwords never appear: transcript
 * lines that carried one are masked.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(List<Diagnosis> diagnoses) {
        try {
            if (diagnoses.size() == 1) {
                return MAPPER.writeValueAsString(node(diagnoses.get(0)));
            }
            ArrayNode array = MAPPER.createArrayNode();
            diagnoses.forEach(diagnosis -> array.add(node(diagnosis)));
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diagnosis is always writable as JSON", e);
        }
    }

    static ObjectNode node(Diagnosis diagnosis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target", diagnosis.target());
        root.put("started", diagnosis.started().toString());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult check : diagnosis.checks()) {
            ObjectNode node = checks.addObject();
            node.put("id", check.id());
            node.put("verdict", check.verdict().id());
            node.put("summary", check.summary());
            node.put("explanation", check.explanation());
            node.put("rule", check.rule());
            ArrayNode evidence = node.putArray("evidence");
            check.evidence().forEach(evidence::add);
            ObjectNode figures = node.putObject("figures");
            for (Map.Entry<String, Object> figure : check.figures().entrySet()) {
                Object value = figure.getValue();
                if (value instanceof Double || value instanceof Float) {
                    figures.put(figure.getKey(), ((Number) value).doubleValue());
                } else if (value instanceof Number number) {
                    figures.put(figure.getKey(), number.longValue());
                } else if (value instanceof Boolean flag) {
                    figures.put(figure.getKey(), flag);
                } else {
                    figures.put(figure.getKey(), String.valueOf(value));
                }
            }
        }
        ArrayNode transcript = root.putArray("transcript");
        for (ReportLine line : diagnosis.lines()) {
            ObjectNode node = transcript.addObject();
            node.put("line", line.number());
            node.put("direction", line.direction());
            node.put("text", line.text());
            node.put("tls", line.tls());
        }
        return root;
    }
}
