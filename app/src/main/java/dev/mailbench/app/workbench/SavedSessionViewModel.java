package dev.mailbench.app.workbench;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.mailbench.app.session.SessionServices;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionProblem;
import dev.mailbench.session.SessionRecord;

/**
 * A read-only tab's state: a session read from a file, its transcript drawn and explained as the live tab drew it
 * (the same {@link TranscriptViewModel}, an explainer per connection fed the same events), and what the banner
 * says about where it comes from and what was wrong with the file.
 */
public final class SavedSessionViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Path file;
    private final SessionRecord session;
    private final TranscriptViewModel transcript;
    private final ZoneId zone;

    public SavedSessionViewModel(SessionServices services, Path file, SessionRecord session) {
        this(services, file, session, ZoneId.systemDefault());
    }

    public SavedSessionViewModel(SessionServices services, Path file, SessionRecord session, ZoneId zone) {
        this.file = Objects.requireNonNull(file);
        this.session = Objects.requireNonNull(session);
        this.zone = zone;
        this.transcript = new TranscriptViewModel(services.executor(), zone);
        for (SessionConnection connection : session.connections()) {
            transcript.follow(connection.transcript(),
                    new EventExplainer(connection.settings().protocol(), services.catalogue()));
        }
    }

    public Path file() {
        return file;
    }

    public SessionRecord session() {
        return session;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    /** The tab's title: the file's name. */
    public String title() {
        return String.valueOf(file.getFileName());
    }

    /** {@code Saved session from 2026-12-07 05:00, 127.0.0.1:2525 — read-only}. */
    public String banner() {
        String where = session.connections().stream().map(c -> c.settings().address()).distinct()
                .collect(Collectors.joining(", "));
        return "Saved session from " + WHEN.format(session.saved().atZone(zone))
                + (where.isEmpty() ? "" : ", " + where) + " — read-only";
    }

    /** {@code At line 74, column 98: the file ends too soon ….} */
    private static String sentence(SessionProblem problem) {
        String text = problem.line() > 0 ? "At " + problem
                : problem.message().substring(0, 1).toUpperCase(Locale.ROOT) + problem.message().substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** What was wrong with the file, a sentence a problem; empty when it was read whole. */
    public String problems() {
        if (session.sound()) {
            return "";
        }
        return "This file is not whole, so what could be read is shown. "
                + session.problems().stream().map(SavedSessionViewModel::sentence).collect(Collectors.joining(" "));
    }
}
