package dev.mailbench.app.steps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mailbench.app.session.SessionDriver;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.explain.VerbInfo;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The small form a step button opens: its inputs, prefilled (with what the user typed last time, else
 * with the classroom defaults), and, live, the exact lines that Send will put on the wire.
 */
public final class StepFormViewModel {

    private final StepDefinition step;
    private final SessionViewModel session;
    private final SessionDriver driver;
    private final List<StepField> fields;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final BooleanProperty reveal = new SimpleBooleanProperty(this, "reveal", false);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend", false);
    private final Optional<VerbInfo> info;

    public StepFormViewModel(StepDefinition step, SessionViewModel session) {
        this.step = step;
        this.session = session;
        this.driver = session.driver();
        this.fields = step.fields(driver);
        Map<String, String> defaults = step.defaults(session.services().prefill(), driver);
        for (StepField field : fields) {
            String initial = session.remembered(step.verb(), field.key())
                    .orElse(defaults.getOrDefault(field.key(), ""));
            if (field.kind() == StepField.Kind.CHOICE && !field.choices().contains(initial)) {
                initial = field.choices().get(0);
            }
            StringProperty value = new SimpleStringProperty(this, field.key(), initial);
            value.addListener((observable, old, now) -> update());
            values.put(field.key(), value);
        }
        reveal.addListener((observable, old, now) -> update());
        this.info = session.services().catalogue().verb(step.verb());
        update();
    }

    public StepDefinition step() {
        return step;
    }

    public List<StepField> fields() {
        return fields;
    }

    public StringProperty value(String key) {
        StringProperty value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(step.label() + " has no field " + key);
        }
        return value;
    }

    /**
     * The password field to retype in, when this form was sent before and the password it sent is back in it:
     * the server most likely refused it (a successful login makes the step illegal), so the next thing to do is
     * type it again.
     */
    public Optional<StepField> retypedSecret() {
        return fields.stream()
                .filter(field -> field.kind() == StepField.Kind.SECRET)
                .filter(field -> session.remembered(step.verb(), field.key()).filter(sent -> !sent.isEmpty()).isPresent())
                .findFirst();
    }

    /** Why the value typed in {@code field} cannot be sent (blank where required, not an address), if so. */
    public Optional<String> problem(StepField field, String value) {
        return field.problem(value);
    }

    /** Show passwords in the preview and in their fields. */
    public BooleanProperty revealProperty() {
        return reveal;
    }

    /** The lines Send will put on the wire, one a line, secrets masked unless revealed. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why it cannot be sent as filled in; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    /** What the verb is for, from the catalogue. */
    public String purpose() {
        return info.map(VerbInfo::purpose).orElse("");
    }

    /** The verb's syntax and where it is defined: {@code MAIL FROM:<reverse-path> … (RFC 5321 §4.1.1.2)}. */
    public String syntax() {
        return info.map(verb -> verb.syntax() + "   (" + verb.rfcSection() + ")").orElse("");
    }

    /**
     * What the user should know before sending a password, from the catalogue: that it goes out in clear text
     * (no TLS), or that TLS is up with a certificate that is not trusted (saying why); empty otherwise.
     */
    public String securityWarning() {
        if (!step.carriesCredentials(driver)) {
            return "";
        }
        if (!session.tlsProperty().get()) {
            return session.services().catalogue().eventSentence("credentials.cleartext");
        }
        String untrusted = session.tlsWarningProperty().get();
        return untrusted.isEmpty() ? ""
                : session.services().catalogue().eventSentence("credentials.untrusted").replace("{0}", untrusted);
    }

    /** Whether a correct client would send this now; if not, it can still be sent, to see the server refuse. */
    public boolean legalNow() {
        return session.legalVerbs().contains(step.verb());
    }

    /** Sends the previewed lines; false when nothing was sent (a problem, or the tab is busy). */
    public boolean send() {
        if (!canSend.get()) {
            return false;
        }
        Map<String, String> snapshot = snapshot();
        fields.forEach(field -> session.remember(step.verb(), field.key(), snapshot.get(field.key())));
        return session.run("the reply to " + step.label(), step.action(snapshot));
    }

    private void update() {
        Map<String, String> snapshot = snapshot();
        Optional<String> wrong = step.problem(snapshot, driver);
        problem.set(wrong.orElse(""));
        canSend.set(wrong.isEmpty());
        preview.set(step.preview(snapshot, driver).stream()
                .map(line -> line.shown(reveal.get()))
                .collect(Collectors.joining("\n")));
    }

    private Map<String, String> snapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        values.forEach((key, value) -> snapshot.put(key, value.get() == null ? "" : value.get()));
        return snapshot;
    }
}
