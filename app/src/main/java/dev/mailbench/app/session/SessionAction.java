package dev.mailbench.app.session;

/** Network work on a session, run off the UI thread. */
@FunctionalInterface
public interface SessionAction {
    void run(SessionDriver driver) throws Exception;
}
