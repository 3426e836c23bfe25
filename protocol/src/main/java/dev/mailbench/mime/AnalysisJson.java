package dev.mailbench.mime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of an analysis. Shape:
 * <pre>
 * { "size": n, "notAMessage": "why these bytes are no e-mail message" | null, "envelope": {...} | null,
 *   "headers": [ {"name", "value", "decoded", "raw", "range"} ],
 *   "receivedChain": [ {"from", "by", "via", "with", "id", "for", "date", "timestamp", "delaySeconds"} ],
 *   "parts": [ {"path", "kind", "contentType", "charset", "encoding", "disposition", "filename",
 *               "contentId", "decodedSize", "headerRange", "bodyRange", "children", "message"?} ],
 *   "problems": [ {"severity", "kind", "rule", "message", "part", "line", "offset"} ] }
 * </pre>
 * Built with Jackson and printed by {@link JsonText}. Ranges are {@code {"start": s, "end": e}}, absolute byte offsets, end exclusive. Parts are listed
 * depth first in source order, the whole message first with path {@code ""}.
 */
final class AnalysisJson {

    private AnalysisJson() {
    }

    static ObjectNode tree(MessageAnalysis analysis) {
        ObjectNode json = JsonText.object();
        json.put("size", analysis.source().size());
        json.put("notAMessage", analysis.notAMessage().orElse(null));
        if (analysis.envelope().isPresent()) {
            Envelope e = analysis.envelope().get();
            ObjectNode envelope = json.putObject("envelope");
            envelope.put("mailFrom", e.mailFromAddress());
            ArrayNode recipients = envelope.putArray("recipients");
            for (String r : e.recipients()) {
                recipients.add(Envelope.address(r));
            }
        } else {
            json.putNull("envelope");
        }
        json.set("headers", headers(analysis.headers()));
        ArrayNode chain = json.putArray("receivedChain");
        for (ReceivedHop hop : analysis.receivedChain()) {
            chain.addObject()
                    .put("from", hop.from())
                    .put("by", hop.by())
                    .put("via", hop.via())
                    .put("with", hop.with())
                    .put("id", hop.id())
                    .put("for", hop.recipient())
                    .put("date", hop.dateText())
                    .put("timestamp", hop.timestamp() == null ? null : hop.timestamp().toString())
                    .put("delaySeconds", hop.delay() == null ? null : hop.delay().getSeconds());
        }
        ArrayNode parts = json.putArray("parts");
        for (PartNode part : analysis.parts()) {
            parts.add(part(part));
        }
        ArrayNode problems = json.putArray("problems");
        for (Problem p : analysis.problems()) {
            problems.addObject()
                    .put("severity", p.severity().name().toLowerCase(Locale.ROOT))
                    .put("kind", p.kind().name())
                    .put("rule", p.kind().rule())
                    .put("message", p.message())
                    .put("part", p.partPath())
                    .put("line", p.line())
                    .put("offset", p.offset());
        }
        return json;
    }

    private static ObjectNode part(PartNode part) {
        ObjectNode json = JsonText.object()
                .put("path", part.path())
                .put("kind", part.kind().name().toLowerCase(Locale.ROOT))
                .put("contentType", part.contentType())
                .put("charset", part.charset())
                .put("encoding", part.transferEncoding())
                .put("disposition", part.disposition())
                .put("filename", part.filename())
                .put("contentId", part.contentId())
                .put("decodedSize", part.decodedSize());
        json.set("headerRange", range(part.headerRange()));
        json.set("bodyRange", range(part.bodyRange()));
        json.put("children", part.children().size());
        if (part.embedded() != null) {
            EmbeddedMessage m = part.embedded();
            ObjectNode message = json.putObject("message");
            message.put("contentType", m.contentType());
            message.set("headerRange", range(m.headerRange()));
            message.set("headers", headers(m.headers()));
        }
        return json;
    }

    private static ArrayNode headers(List<HeaderField> headers) {
        ArrayNode json = JsonText.MAPPER.createArrayNode();
        for (HeaderField h : headers) {
            json.addObject()
                    .put("name", h.name())
                    .put("value", h.value())
                    .put("decoded", h.decoded())
                    .put("raw", h.raw())
                    .set("range", range(h.range()));
        }
        return json;
    }

    private static ObjectNode range(ByteRange range) {
        return JsonText.object().put("start", range.start()).put("end", range.end());
    }
}
