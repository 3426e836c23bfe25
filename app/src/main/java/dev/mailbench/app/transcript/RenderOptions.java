package dev.mailbench.app.transcript;

/**
 * How the transcript is drawn.
 *
 * @param showLineEndings CR, LF and control octets visible, and transparency dots marked
 * @param revealSecrets   passwords in clear
 */
public record RenderOptions(boolean showLineEndings, boolean revealSecrets) {
    public static final RenderOptions DEFAULT = new RenderOptions(false, false);
}
