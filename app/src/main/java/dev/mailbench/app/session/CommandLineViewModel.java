package dev.mailbench.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.mailbench.explain.VerbInfo;
import dev.mailbench.wire.RawInput;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The command line under the transcript, as in telnet: Enter sends the line (with CRLF added), Up and Down
 * walk the history. In raw mode exactly what is typed is sent, nothing added; a bare CR or LF is typed as
 * its mark {@code ⟨CR⟩} or {@code ⟨LF⟩} (see {@link RawInput}).
 *
 * <p>While a command is typed, a {@linkplain #hintProperty() hint} shows the syntax of the verbs its first word
 * starts (Tab completes the word), or, for a word that is no verb, the verb it most likely meant.
 */
public final class CommandLineViewModel {

    private final Predicate<String> sendLine;
    private final Predicate<byte[]> sendRaw;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty raw = new SimpleBooleanProperty(this, "raw", false);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final CommandVerbs verbs;
    private final List<String> history = new ArrayList<>();
    private int position;

    /**
     * @param sendLine sends a line, returning false when it cannot be sent now (nothing then changes here)
     * @param sendRaw  sends raw bytes, likewise
     */
    public CommandLineViewModel(Predicate<String> sendLine, Predicate<byte[]> sendRaw) {
        this(sendLine, sendRaw, CommandVerbs.NONE);
    }

    /** As above, with the session's verbs for the hints and Tab completion. */
    public CommandLineViewModel(Predicate<String> sendLine, Predicate<byte[]> sendRaw, CommandVerbs verbs) {
        this.sendLine = sendLine;
        this.sendRaw = sendRaw;
        this.verbs = verbs;
        text.addListener((observable, old, now) -> refreshHint());
        raw.addListener((observable, old, now) -> refreshHint());
    }

    /**
     * What the command line says about the command being typed: {@code MAIL FROM:<reverse-path> …} for the
     * verb (or verbs) its first word starts, {@code Did you mean RCPT? …} for a word that is no verb; empty
     * in raw mode, for an empty line, and when the session takes no command (inside DATA).
     */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Reads the hint again, as the session's state changes what may be typed. */
    public void refreshHint() {
        hint.set(hintFor(text.get() == null ? "" : text.get()));
    }

    /**
     * Tab: completes the first word to the verb it starts, or as far as the verbs it starts agree
     * ({@code HE} → {@code HEL}); a verb with arguments gets its space. False when there is nothing to complete.
     */
    public boolean complete() {
        String typed = text.get() == null ? "" : text.get();
        if (raw.get() || typed.isBlank() || typed.strip().contains(" ") || typed.endsWith(" ")) {
            return false;
        }
        List<VerbInfo> started = startedBy(typed.strip());
        if (started.isEmpty()) {
            return false;
        }
        String common = started.get(0).name();
        for (VerbInfo verb : started) {
            int same = 0;
            while (same < common.length() && same < verb.name().length() && common.charAt(same) == verb.name().charAt(same)) {
                same++;
            }
            common = common.substring(0, same);
        }
        String completed = started.size() == 1 && !started.get(0).syntax().equals(common) ? common + " " : common;
        if (completed.equals(typed)) {
            return false;
        }
        text.set(completed);
        return true;
    }

    private String hintFor(String typed) {
        String word = typed.strip();
        if (raw.get() || word.isEmpty()) {
            return "";
        }
        int end = word.indexOf(' ');
        String first = (end < 0 ? word : word.substring(0, end)).toUpperCase(Locale.ROOT);
        List<VerbInfo> now = verbs.now();
        for (VerbInfo verb : now) {
            if (verb.name().equals(first) || first.startsWith(verb.name() + ":")) {
                return verb.syntax();
            }
        }
        boolean wordFinished = end >= 0 || typed.endsWith(" ");
        if (!wordFinished) {
            List<VerbInfo> started = startedBy(word);
            if (!started.isEmpty()) {
                return "Tab: " + String.join("   ", started.stream().map(VerbInfo::syntax).toList());
            }
        }
        if (now.isEmpty()) {
            return "";
        }
        return verbs.nearest(typed).map(verb -> "Did you mean " + verb.name() + "?   " + verb.syntax()).orElse("");
    }

    private List<VerbInfo> startedBy(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return verbs.now().stream().filter(verb -> verb.name().startsWith(upper)).toList();
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty rawProperty() {
        return raw;
    }

    /** Sends what is typed; an empty line is a line too (inside DATA it separates header and body). */
    public boolean submit() {
        String typed = text.get() == null ? "" : text.get();
        boolean sent = raw.get() ? sendRaw.test(RawInput.toBytes(typed)) : sendLine.test(typed);
        if (sent) {
            if (!typed.isEmpty() && (history.isEmpty() || !history.get(history.size() - 1).equals(typed))) {
                history.add(typed);
            }
            position = history.size();
            text.set("");
        }
        return sent;
    }

    /** Up: the line sent before the one shown. */
    public void previous() {
        if (position > 0) {
            position--;
            text.set(history.get(position));
        }
    }

    /** Down: the line sent after the one shown, or an empty line past the newest. */
    public void next() {
        if (position < history.size() - 1) {
            position++;
            text.set(history.get(position));
        } else {
            position = history.size();
            text.set("");
        }
    }

    public List<String> history() {
        return List.copyOf(history);
    }
}
