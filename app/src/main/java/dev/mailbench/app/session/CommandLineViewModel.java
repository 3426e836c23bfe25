package dev.mailbench.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The command line under the transcript, as in telnet: Enter sends the line (with CRLF added), Up and Down
 * walk the history. In raw mode exactly what is typed is sent, nothing added; a bare CR or LF is typed as
 * its mark {@code ⟨CR⟩} or {@code ⟨LF⟩} (see {@link RawInput}).
 */
public final class CommandLineViewModel {

    private final Predicate<String> sendLine;
    private final Predicate<byte[]> sendRaw;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty raw = new SimpleBooleanProperty(this, "raw", false);
    private final List<String> history = new ArrayList<>();
    private int position;

    /**
     * @param sendLine sends a line, returning false when it cannot be sent now (nothing then changes here)
     * @param sendRaw  sends raw bytes, likewise
     */
    public CommandLineViewModel(Predicate<String> sendLine, Predicate<byte[]> sendRaw) {
        this.sendLine = sendLine;
        this.sendRaw = sendRaw;
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
