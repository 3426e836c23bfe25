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

    /**
     * @param unknownCharsets the charsets named that this reader does not know
     * @param badWords        encoded words whose text is not what their encoding allows: kept as written
     */
    record Result(String text, List<String> unknownCharsets, List<String> badWords) {
        Result(String text, List<String> unknownCharsets) {
            this(text, unknownCharsets, List.of());
        }
    }

    // RFC 2047 §4.1 (B: base64 as RFC 2045 §6.8, in whole groups) and §4.2 (Q: printable ASCII but ?, = and _
    // stand for themselves only as =XX and space)
    private static final Pattern B_TEXT = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final Pattern Q_TEXT = Pattern.compile("(?:=[0-9A-Fa-f]{2}|[!-<>@-~&&[^?=]])*");

    private EncodedWords() {
    }

    static Result decode(String value) {
        if (!value.contains("=?")) {
            return new Result(value, List.of());
        }
        List<String> unknown = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Matcher m = WORD.matcher(value);
        while (m.find()) {
            String charset = m.group(1);
            if (Charsets.lookup(charset) == null && !unknown.contains(charset)) {
                unknown.add(charset);
            }
            if (!isWellFormed(m.group(2), m.group(3))) {
                bad.add(m.group());
            }
        }
        if (!bad.isEmpty()) {
            // Jakarta Mail would decode such a word to nothing, or to noise: each word the reader can, the rest as written
            return new Result(decodeWordByWord(value), List.copyOf(unknown), List.copyOf(bad));
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
            // a word its encoding cannot have stays as written (decode reports it)
            out.append(isWellFormed(m.group(2), m.group(3)) ? decodeOne(m.group()) : m.group());
            last = m.end();
            previousWasWord = true;
        }
        out.append(value.substring(last));
        return out.toString();
    }

    private static boolean isWellFormed(String encoding, String text) {
        return (encoding.equalsIgnoreCase("B") ? B_TEXT : Q_TEXT).matcher(text).matches();
    }

    private static String decodeOne(String word) {
        try {
            return MimeUtility.decodeWord(word);
        } catch (Exception e) {
            return word;
        }
    }
}
