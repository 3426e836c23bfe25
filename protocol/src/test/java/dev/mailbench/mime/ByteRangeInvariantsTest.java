package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every sample: the byte ranges nest, abut and point at what they claim to (boundary lines before
 * and after each body part, header fields end to end), and the tree and decoded bodies agree with
 * what Jakarta Mail's ordinary object model reads from the same bytes.
 */
class ByteRangeInvariantsTest {

    static Stream<String> samples() {
        return SampleMessages.list().stream().map(SampleMessages.Sample::fileName);
    }

    static Stream<String> wellFormedSamples() {
        return SampleMessages.list().stream().filter(s -> !s.isBroken()).map(SampleMessages.Sample::fileName);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void rangesNestAndAbut(String sample) {
        Raw raw = Raw.of(sample);
        MessageAnalysis a = MessageAnalyzer.analyze(raw.bytes());

        assertThat(a.root().range()).isEqualTo(ByteRange.of(0, raw.size()));
        for (PartNode part : a.parts()) {
            assertThat(part.headerRange().end()).as(part.label()).isEqualTo(part.bodyRange().start());
            long previousEnd = -1;
            for (PartNode child : part.children()) {
                assertThat(part.range().contains(child.range())).as(child.label()).isTrue();
                assertThat(part.bodyRange().contains(child.bodyRange())).as(child.label()).isTrue();
                assertThat(child.range().start()).as("siblings in order").isGreaterThan(previousEnd);
                previousEnd = child.range().end();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyBodyPartSitsBetweenItsBoundaryLines(String sample) throws Exception {
        Raw raw = Raw.of(sample);
        MessageAnalysis a = MessageAnalyzer.analyze(raw.bytes());

        for (PartNode parent : a.parts()) {
            boolean multipart = parent.kind() == PartKind.MULTIPART
                    || (parent.kind() == PartKind.MESSAGE && parent.contentType().startsWith("multipart/"))
                    || (parent.embedded() != null && parent.embedded().contentType().startsWith("multipart/"));
            if (!multipart || parent.children().isEmpty()) {
                continue;
            }
            String boundary = boundaryOf(parent);
            String delimiter = "--" + (boundary != null ? boundary : "guess-me");
            for (PartNode child : parent.children()) {
                String before = raw.latin1(ByteRange.of(0, child.range().start()));
                assertThat(before).as("before part " + child.label()).endsWith(delimiter + "\r\n");
                String after = raw.latin1(ByteRange.of(child.range().end(), raw.size()));
                if (!after.isEmpty()) {
                    assertThat(after).as("after part " + child.label()).startsWith("\r\n" + delimiter);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void headerFieldsRunEndToEndThroughTheHeaderSection(String sample) {
        Raw raw = Raw.of(sample);
        MessageAnalysis a = MessageAnalyzer.analyze(raw.bytes());

        List<List<HeaderField>> sections = new ArrayList<>();
        List<ByteRange> ranges = new ArrayList<>();
        for (PartNode part : a.parts()) {
            sections.add(part.headers());
            ranges.add(part.headerRange());
            if (part.embedded() != null) {
                sections.add(part.embedded().headers());
                ranges.add(part.embedded().headerRange());
            }
        }
        for (int i = 0; i < sections.size(); i++) {
            long at = ranges.get(i).start();
            for (HeaderField field : sections.get(i)) {
                assertThat(field.range().start()).as(field.name()).isEqualTo(at);
                assertThat(raw.latin1(field.range())).startsWith(raw.latin1(
                        ByteRange.of(at, at + Math.min(field.name().length(), field.range().length()))));
                at = field.range().end();
            }
            String rest = raw.latin1(ByteRange.of(at, ranges.get(i).end()));
            assertThat(rest).as("what follows the last field").isIn("", "\r\n", "\n");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void headerNamesAgreeWithJakartaMail(String sample) throws Exception {
        byte[] bytes = SampleMessages.get(sample).bytes();
        MessageAnalysis a = MessageAnalyzer.analyze(bytes);
        MimeMessage jakarta = new MimeMessage(session(), new ByteArrayInputStream(bytes));

        assertThat(a.headers()).extracting(HeaderField::name)
                .containsExactlyElementsOf(Collections.list(jakarta.getAllHeaders()).stream()
                        .map(h -> h.getName()).toList());
    }

    @ParameterizedTest
    @MethodSource("wellFormedSamples")
    void treeAndDecodedBodiesAgreeWithJakartaMail(String sample) throws Exception {
        byte[] bytes = SampleMessages.get(sample).bytes();
        MessageAnalysis a = MessageAnalyzer.analyze(bytes);
        MimeMessage jakarta = new MimeMessage(session(), new ByteArrayInputStream(bytes));

        for (PartNode node : a.parts()) {
            if (node.isRoot()) {
                continue;
            }
            Part part = navigate(jakarta, node.path());
            assertThat(new ContentType(part.getContentType()).getBaseType().toLowerCase())
                    .as(node.label()).isEqualTo(node.contentType());
            if (node.isLeaf()) {
                try (InputStream expected = part.getInputStream()) {
                    assertThat(a.decodedBytes(node)).as(node.label()).isEqualTo(expected.readAllBytes());
                }
            }
        }
    }

    /** Finds a part by IMAP number in Jakarta Mail's object model (RFC 3501 §6.4.5). */
    private static Part navigate(MimeMessage message, String path) throws Exception {
        Part current = message;
        for (String number : path.split("\\.")) {
            int n = Integer.parseInt(number);
            if (current != message && current.isMimeType("message/rfc822")) {
                current = (MimeMessage) current.getContent();
            }
            if (current.isMimeType("multipart/*")) {
                current = ((Multipart) current.getContent()).getBodyPart(n - 1);
            } else {
                assertThat(n).as("a single-part message has only part 1").isEqualTo(1);
            }
        }
        return current;
    }

    private static String boundaryOf(PartNode multipart) throws Exception {
        List<HeaderField> headers = multipart.embedded() != null ? multipart.embedded().headers() : multipart.headers();
        for (HeaderField h : headers) {
            if (h.hasName("Content-Type")) {
                return new ContentType(h.value()).getParameter("boundary");
            }
        }
        return null;
    }

    private static Session session() {
        return Session.getInstance(new Properties());
    }
}
