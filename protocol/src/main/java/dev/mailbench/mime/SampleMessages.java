package dev.mailbench.mime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The sample messages shipped in the resources module, for the viewer's "Open sample" menu and for
 * tests: {@code dev/mailbench/samples/index.properties} lists them, in menu order, one
 * {@code file.eml = description} per line.
 */
public final class SampleMessages {

    static final String DIRECTORY = "/dev/mailbench/samples/";

    /** One sample: its file name and a one-line description. */
    public record Sample(String fileName, String description) {

        /** The message's exact bytes. */
        public byte[] bytes() {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public InputStream open() throws IOException {
            InputStream in = SampleMessages.class.getResourceAsStream(DIRECTORY + fileName);
            if (in == null) {
                throw new IOException("sample " + fileName + " is not on the class path");
            }
            return in;
        }

        public boolean isBroken() {
            return fileName.startsWith("broken-");
        }
    }

    private SampleMessages() {
    }

    public static List<Sample> list() {
        InputStream index = SampleMessages.class.getResourceAsStream(DIRECTORY + "index.properties");
        if (index == null) {
            throw new IllegalStateException("no sample index on the class path");
        }
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                    continue;
                }
                Properties one = new Properties();
                one.load(new StringReader(line));
                for (String name : one.stringPropertyNames()) {
                    samples.add(new Sample(name, one.getProperty(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(samples);
    }

    public static Sample get(String fileName) {
        return list().stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + fileName));
    }
}
