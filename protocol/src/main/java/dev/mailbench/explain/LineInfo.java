package dev.mailbench.explain;

/**
 * What a view needs to draw one transcript line.
 *
 * @param sequence   the event's position in its transcript
 * @param lineClass  how it reads at a glance (its colour)
 * @param role       what part it plays in the conversation
 * @param leadingDot whether the line's first dot is a transparency dot, added by dot-stuffing and removed
 *                   by the receiver (RFC 5321 §4.5.2, RFC 1939 §3)
 */
public record LineInfo(long sequence, LineClass lineClass, LineRole role, boolean leadingDot) {
}
