package dev.mailbench.app.logging;

import dev.mailbench.app.config.StateDirectory;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Gives {@code logback.xml} the state directory ({@code <define name="STATE_DIR" …>}), so that the log's
 * place is resolved where every other user directory is. A logging context's own property
 * {@value StateDirectory#OVERRIDE} comes first, then {@link StateDirectory#resolve()}.
 */
public final class StateDirectoryDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String override = getContext() == null ? null : getContext().getProperty(StateDirectory.OVERRIDE);
        return (override != null && !override.isBlank() ? override : StateDirectory.resolve().toString());
    }
}
