package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The corpus and its index, as the viewer's "Open sample" menu reads them. */
class SampleMessagesTest {

    @Test
    void theIndexListsEverySampleOnceWithADescription() throws IOException, URISyntaxException {
        List<SampleMessages.Sample> samples = SampleMessages.list();
        List<String> files = sampleFiles();

        assertThat(samples).extracting(SampleMessages.Sample::fileName).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(files);
        assertThat(samples).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        assertThat(samples.get(0).fileName()).as("menu order is file order").isEqualTo("plain-text.eml");
        assertThat(samples).filteredOn(SampleMessages.Sample::isBroken).hasSizeGreaterThanOrEqualTo(6);
    }

    /** The .eml files beside the index, whether the resources are a directory (test) or a jar (verify). */
    private static List<String> sampleFiles() throws IOException, URISyntaxException {
        URI index = SampleMessages.class.getResource(SampleMessages.DIRECTORY + "index.properties").toURI();
        if (index.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(index, Map.of())) {
                return emlFiles(jar.provider().getPath(index).getParent());
            }
        }
        return emlFiles(Path.of(index).getParent());
    }

    private static List<String> emlFiles(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void brokenSamplesHaveProblemsAndTheOthersNone() {
        for (SampleMessages.Sample sample : SampleMessages.list()) {
            List<Problem> problems = MessageAnalyzer.analyze(sample.bytes()).problems();
            if (sample.isBroken()) {
                assertThat(problems).as(sample.fileName()).isNotEmpty();
            } else {
                assertThat(problems).as(sample.fileName()).isEmpty();
            }
        }
    }

    @Test
    void onlyTheBareLineEndSampleHasLineEndsOtherThanCrlf() {
        for (SampleMessages.Sample sample : SampleMessages.list()) {
            boolean odd = MessageAnalyzer.analyze(sample.bytes()).problems().stream()
                    .anyMatch(p -> p.kind() == ProblemKind.BARE_LF || p.kind() == ProblemKind.BARE_CR);
            assertThat(odd).as(sample.fileName()).isEqualTo(sample.fileName().equals("broken-bare-lf.eml"));
        }
    }
}
