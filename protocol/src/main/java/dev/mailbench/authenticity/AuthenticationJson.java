package dev.mailbench.authenticity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.mime.ByteRange;
import dev.mailbench.mime.ReceivedHop;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of an {@link AuthenticationReport}, the {@code "authentication"} object of
 * {@code mailbench inspect --json}. Every field is documented in the README ("Checking a message's
 * authentication"). Ranges are {@code {"start": s, "end": e}}, absolute byte offsets, end exclusive.
 */
public final class AuthenticationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuthenticationJson() {
    }

    public static ObjectNode tree(AuthenticationReport report, Catalogue catalogue) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dnsUsed", report.dnsUsed());
        ArrayNode dkim = root.putArray("dkim");
        for (DkimResult r : report.dkim()) {
            dkim.add(dkim(r, catalogue));
        }
        root.set("arc", arc(report.arc()));
        ArrayNode groups = root.putArray("authenticationResults");
        for (AuthenticationResults.Group g : report.authenticationResults()) {
            groups.add(group(g));
        }
        ArrayNode timeline = root.putArray("receivedTimeline");
        for (ReceivedTimeline.Hop hop : report.receivedTimeline().hops()) {
            timeline.add(hop(hop));
        }
        return root;
    }

    private static ObjectNode dkim(DkimResult r, Catalogue catalogue) {
        SignatureField s = r.signature();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("domain", s.domain());
        o.put("selector", s.selector());
        o.put("algorithm", s.algorithmText());
        o.put("canonicalization", s.headerCanonicalization() == null || s.bodyCanonicalization() == null ? null
                : s.headerCanonicalization().word() + "/" + s.bodyCanonicalization().word());
        o.put("bodyHash", r.bodyHash().word());
        o.put("bodyHashClaimed", r.bodyHash().claimed());
        o.put("bodyHashComputed", r.bodyHash().computed());
        o.put("bodyHashedBytes", r.bodyHash().hashedLength());
        o.put("unsignedBodyBytes", r.bodyHash().unsignedLength());
        o.put("signature", r.verdict().word());
        o.put("reason", r.reason());
        o.put("key", r.key() == null ? null : r.key().origin());
        ArrayNode headers = o.putArray("signedHeaders");
        s.signedHeaders().forEach(headers::add);
        o.put("length", s.length());
        o.put("identity", s.tags().value("i"));
        o.put("timestamp", instant(s.timestamp()));
        o.put("expiry", instant(s.expiry()));
        o.set("range", range(s.field().range()));
        o.set("tags", tags(s, catalogue));
        o.set("problems", findings(r.findings()));
        return o;
    }

    private static ObjectNode arc(ArcResult arc) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("chain", arc.status());
        o.put("reason", arc.reason());
        ArrayNode sets = o.putArray("sets");
        for (ArcSet set : arc.sets()) {
            ObjectNode s = sets.addObject();
            s.put("instance", set.instance());
            s.put("cv", set.chainValidation());
            ObjectNode seal = s.putObject("seal");
            signed(seal, set.seal());
            seal.put("signature", set.sealVerdict().word());
            seal.put("reason", set.sealReason());
            ObjectNode ams = s.putObject("messageSignature");
            signed(ams, set.messageSignature());
            ams.put("bodyHash", set.bodyHash() == null ? null : set.bodyHash().word());
            ams.put("signature", set.messageVerdict().word());
            ams.put("reason", set.messageReason());
            ObjectNode aar = s.putObject("authenticationResults");
            aar.put("value", set.results() == null ? null : set.results().value());
            aar.set("range", set.results() == null ? null : range(set.results().range()));
        }
        o.set("problems", findings(arc.findings()));
        return o;
    }

    private static void signed(ObjectNode o, SignatureField s) {
        o.put("domain", s == null ? null : s.domain());
        o.put("selector", s == null ? null : s.selector());
        o.put("algorithm", s == null ? null : s.algorithmText());
        o.set("range", s == null ? null : range(s.field().range()));
    }

    private static ObjectNode group(AuthenticationResults.Group g) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("authservId", g.authservId());
        o.put("trusted", g.trusted());
        o.put("note", g.note());
        ArrayNode fields = o.putArray("fields");
        for (AuthenticationResults.Field f : g.fields()) {
            ObjectNode field = fields.addObject();
            field.put("version", f.version());
            field.set("range", range(f.field().range()));
            ArrayNode results = field.putArray("results");
            for (AuthenticationResults.Result r : f.results()) {
                ObjectNode result = results.addObject();
                result.put("method", r.method());
                result.put("version", r.version());
                result.put("result", r.result());
                result.put("reason", r.reason());
                ArrayNode properties = result.putArray("properties");
                for (AuthenticationResults.Property p : r.properties()) {
                    properties.addObject().put("type", p.type()).put("property", p.name()).put("value", p.value());
                }
                ArrayNode comments = result.putArray("comments");
                r.comments().forEach(comments::add);
            }
            field.set("problems", findings(f.findings()));
        }
        return o;
    }

    private static ObjectNode hop(ReceivedTimeline.Hop h) {
        ReceivedHop hop = h.hop();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("from", hop.from());
        o.put("by", hop.by());
        o.put("with", hop.with());
        o.put("date", hop.dateText());
        o.put("timestamp", instant(hop.timestamp()));
        o.put("delaySeconds", hop.delay() == null ? null : hop.delay().getSeconds());
        ArrayNode warnings = o.putArray("warnings");
        h.warnings().forEach(warnings::add);
        o.set("range", range(hop.field().range()));
        return o;
    }

    private static ArrayNode tags(SignatureField s, Catalogue catalogue) {
        ArrayNode tags = MAPPER.createArrayNode();
        for (Tag t : s.tags().tags()) {
            ObjectNode tag = tags.addObject();
            tag.put("name", t.name());
            tag.put("value", t.value());
            tag.put("meaning", catalogue.signatureTag(s.kind() != SignatureField.Kind.DKIM, t.name()));
            tag.set("range", range(t.range()));
        }
        return tags;
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode out = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = out.addObject();
            o.put("rule", f.rule());
            o.put("message", f.message());
            o.set("range", f.range() == null ? null : range(f.range()));
        }
        return out;
    }

    private static JsonNode range(ByteRange range) {
        return MAPPER.createObjectNode().put("start", range.start()).put("end", range.end());
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
