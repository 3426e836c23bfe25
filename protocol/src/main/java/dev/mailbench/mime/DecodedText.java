package dev.mailbench.mime;

import java.nio.charset.Charset;

/**
 * The text of a part, transfer encoding and charset both decoded.
 *
 * @param text            the characters
 * @param declaredCharset the charset the part declares, or null if it declares none
 * @param charset         the charset actually used
 * @param guessed         true when the declared charset was unknown and {@code charset} is a best guess
 *                        (UTF-8 if the bytes are valid UTF-8, else windows-1252)
 * @param truncated       true when only the first part of the body was decoded, as asked
 */
public record DecodedText(String text, String declaredCharset, Charset charset, boolean guessed,
        boolean truncated) {
}
