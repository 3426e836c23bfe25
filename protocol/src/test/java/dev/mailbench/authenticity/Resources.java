package dev.mailbench.authenticity;

import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The signed test messages and key files beside this package's tests (see their README). */
final class Resources {

    private Resources() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    static ZoneFileKeys keys(String zoneFile) {
        return ZoneFileKeys.parse(new String(bytes(zoneFile), StandardCharsets.UTF_8), zoneFile);
    }

    static AuthenticationReport check(String message, KeySource keys) {
        return check(text(message).getBytes(StandardCharsets.ISO_8859_1), keys);
    }

    static AuthenticationReport check(byte[] message, KeySource keys) {
        MessageAnalysis analysis = MessageAnalyzer.analyze(message);
        return AuthenticationCheck.check(analysis, keys, List.of());
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
