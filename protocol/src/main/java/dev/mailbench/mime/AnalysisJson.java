package dev.mailbench.mime;

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
 * Ranges are {@code {"start": s, "end": e}}, absolute byte offsets, end exclusive. Parts are listed
 * depth first in source order, the whole message first with path {@code ""}.
 */
final class AnalysisJson {

    private AnalysisJson() {
    }

    static String write(MessageAnalysis analysis) {
        JsonWriter json = new JsonWriter().beginObject();
        json.field("size", analysis.source().size());
        json.field("notAMessage", analysis.notAMessage().orElse(null));
        json.name("envelope");
        if (analysis.envelope().isPresent()) {
            Envelope e = analysis.envelope().get();
            json.beginObject().field("mailFrom", e.mailFromAddress()).name("recipients").beginArray();
            for (String r : e.recipients()) {
                json.value(Envelope.address(r));
            }
            json.endArray().endObject();
        } else {
            json.nullValue();
        }
        json.name("headers");
        headers(json, analysis.headers());
        json.name("receivedChain").beginArray();
        for (ReceivedHop hop : analysis.receivedChain()) {
            json.beginObject()
                    .field("from", hop.from())
                    .field("by", hop.by())
                    .field("via", hop.via())
                    .field("with", hop.with())
                    .field("id", hop.id())
                    .field("for", hop.recipient())
                    .field("date", hop.dateText())
                    .field("timestamp", hop.timestamp() == null ? null : hop.timestamp().toString())
                    .name("delaySeconds");
            if (hop.delay() == null) {
                json.nullValue();
            } else {
                json.value(hop.delay().getSeconds());
            }
            json.endObject();
        }
        json.endArray();
        json.name("parts").beginArray();
        for (PartNode part : analysis.parts()) {
            part(json, part);
        }
        json.endArray();
        json.name("problems").beginArray();
        for (Problem p : analysis.problems()) {
            json.beginObject()
                    .field("severity", p.severity().name().toLowerCase(Locale.ROOT))
                    .field("kind", p.kind().name())
                    .field("rule", p.kind().rule())
                    .field("message", p.message())
                    .field("part", p.partPath())
                    .field("line", p.line())
                    .field("offset", p.offset())
                    .endObject();
        }
        json.endArray();
        return json.endObject().toString() + "\n";
    }

    private static void part(JsonWriter json, PartNode part) {
        json.beginObject()
                .field("path", part.path())
                .field("kind", part.kind().name().toLowerCase(Locale.ROOT))
                .field("contentType", part.contentType())
                .field("charset", part.charset())
                .field("encoding", part.transferEncoding())
                .field("disposition", part.disposition())
                .field("filename", part.filename())
                .field("contentId", part.contentId())
                .field("decodedSize", part.decodedSize());
        json.name("headerRange");
        range(json, part.headerRange());
        json.name("bodyRange");
        range(json, part.bodyRange());
        json.field("children", part.children().size());
        if (part.embedded() != null) {
            EmbeddedMessage m = part.embedded();
            json.name("message").beginObject().field("contentType", m.contentType()).name("headerRange");
            range(json, m.headerRange());
            json.name("headers");
            headers(json, m.headers());
            json.endObject();
        }
        json.endObject();
    }

    private static void headers(JsonWriter json, List<HeaderField> headers) {
        json.beginArray();
        for (HeaderField h : headers) {
            json.beginObject()
                    .field("name", h.name())
                    .field("value", h.value())
                    .field("decoded", h.decoded())
                    .field("raw", h.raw())
                    .name("range");
            range(json, h.range());
            json.endObject();
        }
        json.endArray();
    }

    private static void range(JsonWriter json, ByteRange range) {
        json.beginObject().field("start", range.start()).field("end", range.end()).endObject();
    }
}
