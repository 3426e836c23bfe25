package dev.mailbench.mime;

import java.nio.file.Path;

/**
 * Analyses a message file and saves part 2 in a JVM started with a small heap, for
 * {@link LargeMessageTest}. Prints one line per part and what it saved.
 */
public final class LargeMessageChild {

    private LargeMessageChild() {
    }

    public static void main(String[] args) throws Exception {
        MessageAnalysis analysis = MessageAnalyzer.analyze(Path.of(args[0]));
        for (PartNode part : analysis.parts()) {
            System.out.println("PART " + part.label() + " " + part.contentType() + " " + part.decodedSize() + " "
                    + part.bodyRange().start() + " " + part.bodyRange().end());
        }
        System.out.println("PROBLEMS " + analysis.problems().size());
        System.out.println("SAVED " + analysis.saveDecoded(analysis.part("2").orElseThrow(), Path.of(args[1])));
        System.out.println("HEAP " + Runtime.getRuntime().maxMemory());
    }
}
