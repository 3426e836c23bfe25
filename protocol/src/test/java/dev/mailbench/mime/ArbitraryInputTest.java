package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes arrive, the analysis opens them: no exception, every byte range inside the input and
 * properly nested, every problem located inside it, and both reports written.
 */
class ArbitraryInputTest {

    /** Pieces of MIME, right and wrong, so random messages reach multipart and encoding code paths. */
    private static final List<String> FRAGMENTS = List.of(
            "", "", "", "",
            "From: a@example.test", "Date: Tue, 1 Oct 2024 10:00:00 +0000", "MIME-Version: 1.0",
            "Subject: =?UTF-8?Q?caf=C3=A9?= =?x-unknown?B?AAAA?=", "Subject: =?utf-8?b?====?=",
            "Received: from a by b with SMTP; Tue, 1 Oct 2024 10:00:00 +0000", "Received: ; (",
            "Content-Type: multipart/mixed; boundary=b", "Content-Type: multipart/alternative; boundary=\"c\"",
            "Content-Type: multipart/digest; boundary=d", "Content-Type: multipart/mixed",
            "Content-Type: message/rfc822", "Content-Type: text/plain; charset=x-bogus",
            "Content-Type: text/plain; name=a b.txt; =; charset", "Content-Type: /", "Content-Type: text/",
            "Content-Type: application/octet-stream; name*0*=UTF-8''%E2%82; name*1*=%AC.txt",
            "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable",
            "Content-Transfer-Encoding: x-uuencode", "Content-Transfer-Encoding: 8-bit (sic)",
            "Content-Disposition: attachment; filename=\"=?UTF-8?Q?x?=\"", "Content-Disposition: ;;",
            "--b", "--b--", "--c", "--c--", "--d", "--d--", "--", "----",
            "SGVsbG8sIHdvcmxkIQ==", "SGVsbG8s!IQ", "====", "=41=42=", "=ZZ =", "= x", "=",
            "begin 644 x.txt", "#86)C", "`", "end",
            " folded continuation", "\tfolded", "no colon here", "From mbox Tue Oct  1 10:00:00 2024",
            "caf\u00e9 na\u00efve", "x".repeat(1200));

    private static final List<String> ENDINGS = List.of("\r\n", "\r\n", "\r\n", "\n", "\r", "\r\r\n");

    @Property(tries = 400)
    void arbitraryBytesAreAnalysed(@ForAll @Size(max = 3000) byte[] input) throws IOException {
        checkAnalysis(input);
    }

    @Property(tries = 400)
    void mimeShapedInputsAreAnalysed(@ForAll("mimeShaped") byte[] input) throws IOException {
        MessageAnalysis a = checkAnalysis(input);
        boolean split = a.parts().stream().anyMatch(p -> p.kind() == PartKind.MULTIPART
                || (p.isRoot() && p.contentType().startsWith("multipart/") && !p.children().isEmpty()));
        boolean embedded = a.parts().stream().anyMatch(p -> p.kind() == PartKind.EMBEDDED_MESSAGE);
        boolean encoded = a.parts().stream().anyMatch(p -> p.isLeaf() && !TransferEncodings.isIdentity(
                p.transferEncoding()));
        Statistics.label("split into body parts").collect(split);
        Statistics.label("embedded message").collect(embedded);
        Statistics.label("encoded leaf").collect(encoded);
        Statistics.label("split into body parts").coverage(c -> c.check(true).percentage(p -> p >= 20));
        Statistics.label("embedded message").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("encoded leaf").coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    @Property(tries = 300)
    void damagedSamplesAreAnalysed(@ForAll("damagedSamples") byte[] input) throws IOException {
        checkAnalysis(input);
    }

    @Provide
    Arbitrary<byte[]> mimeShaped() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(FRAGMENTS), Arbitraries.of(ENDINGS))
                .as((fragment, ending) -> fragment + ending);
        // half the inputs start as a multipart or an embedded message, so random lines land inside them
        Arbitrary<String> start = Arbitraries.of("", "", "Content-Type: multipart/mixed; boundary=b\r\n",
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n",
                "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n",
                "Content-Type: message/rfc822\r\n\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n");
        Arbitrary<Boolean> latin1 = Arbitraries.of(true, false);
        return Combinators.combine(start, line.list().ofMaxSize(80), latin1).as((first, lines, useLatin1) ->
                (first + String.join("", lines))
                        .getBytes(useLatin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> damagedSamples() {
        Arbitrary<byte[]> sample = Arbitraries.of(SampleMessages.list()).map(SampleMessages.Sample::bytes);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 4000).list().ofMaxSize(6);
        Arbitrary<List<Byte>> values = Arbitraries.of((byte) '\r', (byte) '\n', (byte) '-', (byte) '=',
                (byte) ':', (byte) 0xE9, (byte) 0, (byte) ' ').list().ofSize(6);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 4000);
        return Combinators.combine(sample, positions, values, cut).as((bytes, at, with, cutAt) -> {
            byte[] damaged = bytes.clone();
            for (int i = 0; i < at.size(); i++) {
                damaged[at.get(i) % damaged.length] = with.get(i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(damaged, 0, Math.min(damaged.length, cutAt));
            return out.toByteArray();
        });
    }

    static MessageAnalysis checkAnalysis(byte[] input) throws IOException {
        MessageAnalysis a = MessageAnalyzer.analyze(input);
        ByteRange all = ByteRange.of(0, input.length);

        assertThat(a.root().range()).isEqualTo(all);
        for (PartNode part : a.parts()) {
            assertThat(all.contains(part.range())).as(part.label()).isTrue();
            assertThat(part.headerRange().end()).isEqualTo(part.bodyRange().start());
            for (PartNode child : part.children()) {
                assertThat(part.range().contains(child.range())).as(child.label()).isTrue();
            }
            for (HeaderField h : part.headers()) {
                assertThat(part.headerRange().contains(h.range())).as(h.name()).isTrue();
            }
            if (part.embedded() != null) {
                assertThat(part.bodyRange().contains(part.embedded().headerRange())).isTrue();
            }
            // decoding may meet data its encoding cannot decode (an IOException), never a crash
            try {
                a.decodedBytes(part);
                a.text(part);
            } catch (IOException expectedForUndecodableData) {
                assertThat(part.transferEncoding()).contains("uu");
            }
        }
        for (Problem p : a.problems()) {
            assertThat(p.offset()).isBetween(0L, (long) input.length);
            assertThat(p.line()).isPositive();
            assertThat(a.part(p.partPath())).as(p.toString()).isPresent();
        }
        assertThat(a.toJson()).startsWith("{");
        assertThat(a.toText()).startsWith(a.notAMessage().map(verdict -> verdict + "\n\n").orElse("")
                + "Message: " + input.length + " bytes");
        return a;
    }
}
