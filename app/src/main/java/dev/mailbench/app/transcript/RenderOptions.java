package dev.mailbench.app.transcript;

/**
 * How the transcript is drawn.
 *
 * @param showLineEndings CR, LF and control octets visible, and transparency dots marked
 * @param revealSecrets   passwords in clear
 * @param showTimes       the time and reply-latency columns (a projector may want the room)
 */
public record RenderOptions(boolean showLineEndings, boolean revealSecrets, boolean showTimes) {
    public static final RenderOptions DEFAULT = new RenderOptions(false, false, true);
}
