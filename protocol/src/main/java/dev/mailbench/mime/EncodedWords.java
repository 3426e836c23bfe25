package dev.mailbench.mime;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 2047 encoded words in header values, decoded by Jakarta Mail, with unknown charsets noted. */
final class EncodedWords {

    // RFC 2047 §2: encoded-word = "=?" charset "?" encoding "?" encoded-text "?="
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    record Result(String text, List<String> unknownCharsets) {
    }

    private EncodedWords() {
    }

    static Result decode(String value) {
        if (!value.contains("=?")) {
            return new Result(value, List.of());
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = WORD.matcher(value);
        while (m.find()) {
            String charset = m.group(1);
            if (Charsets.lookup(charset) == null && !unknown.contains(charset)) {
                unknown.add(charset);
            }
        }
        try {
            return new Result(MimeUtility.decodeText(value), List.copyOf(unknown));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return new Result(decodeWordByWord(value), List.copyOf(unknown));
        }
    }

    /**
     * Jakarta Mail gives up on the whole value when one word has an unknown charset; this decodes the
     * words it can and leaves the others as written. White space between two encoded words is dropped
     * (RFC 2047 §6.2).
     */
    private static String decodeWordByWord(String value) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(value);
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = value.substring(last, m.start());
            if (!(previousWasWord && between.isBlank())) {
                out.append(between);
            }
            out.append(decodeOne(m.group()));
            last = m.end();
            previousWasWord = true;
        }
        out.append(value.substring(last));
        return out.toString();
    }

    private static String decodeOne(String word) {
        try {
            return MimeUtility.decodeWord(word);
        } catch (Exception e) {
            return word;
        }
    }
}
