package dev.mailbench.app.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.session.SmtpDriver;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.smtp.SmtpVerb;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The DATA step's composer: the header fields, the body and an optional attachment, and, live, the message
 * as DATA will put it on the wire (dot-stuffed, every line ended by CRLF, the final dot). Send gives DATA,
 * then the message, then the lone dot.
 */
public final class ComposerViewModel {

    /** How many wire lines the preview shows; a large attachment has many more. */
    public static final int PREVIEW_LINES = 400;
    static final String BODY = String.join("\n",
            "Hello,",
            "",
            "this message was written in Mailbench.",
            ".A line that starts with a dot goes on the wire with a second dot in front.",
            "",
            "Regards");

    private final SessionViewModel session;
    private final TaskExecutor executor;
    private final StringProperty from = new SimpleStringProperty(this, "from");
    private final StringProperty to = new SimpleStringProperty(this, "to");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "Hello from Mailbench");
    private final StringProperty date = new SimpleStringProperty(this, "date");
    private final StringProperty messageId = new SimpleStringProperty(this, "messageId");
    private final StringProperty body = new SimpleStringProperty(this, "body", BODY);
    private final ObjectProperty<MessageDraft.Attachment> attachment = new SimpleObjectProperty<>(this, "attachment");
    private final ReadOnlyStringWrapper wire = new ReadOnlyStringWrapper(this, "wire", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend", false);
    private final AtomicLong generation = new AtomicLong();

    public ComposerViewModel(SessionViewModel session, ZonedDateTime now) {
        this.session = session;
        this.executor = session.services().executor();
        from.set(rememberedPath(session, SmtpVerb.MAIL).orElse(session.services().prefill().sender()));
        to.set(rememberedPath(session, SmtpVerb.RCPT).orElse(session.services().prefill().recipient()));
        date.set(MessageDraft.dateOf(now));
        messageId.set(MessageDraft.newMessageId(from.get()));
        for (var property : List.of(from, to, subject, date, messageId, body)) {
            property.addListener((observable, old, value) -> update());
        }
        attachment.addListener((observable, old, value) -> update());
        update();
    }

    /** The composer's heading: the verb it sends, as its step button names it. */
    public String title() {
        return SmtpVerb.DATA.label();
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty messageIdProperty() {
        return messageId;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObjectProperty<MessageDraft.Attachment> attachmentProperty() {
        return attachment;
    }

    /** The wire form, CR and LF visible: what DATA sends after the server's 354. */
    public ReadOnlyStringProperty wireProperty() {
        return wire.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    public MessageDraft draft() {
        return new MessageDraft(from.get(), to.get(), subject.get(), date.get(), messageId.get(), body.get(),
                attachment.get());
    }

    /** Reads a file to attach, off the UI thread. */
    public void attach(Path file) {
        executor.execute(BackgroundTask.of(() -> {
            String type = Files.probeContentType(file);
            return new MessageDraft.Attachment(file.getFileName().toString(),
                    type == null ? "application/octet-stream" : type, Files.readAllBytes(file));
        }).onSuccess(attachment::set).onFailure(e -> problem.set("Cannot attach " + file + ": " + e.getMessage())));
    }

    public void removeAttachment() {
        attachment.set(null);
    }

    /** Sends DATA, the message and the final dot; false when it cannot be sent now. */
    public boolean send() {
        if (!canSend.get() || !(session.driver() instanceof SmtpDriver)) {
            return false;
        }
        MessageDraft draft = draft();
        return session.run("the reply to the message", driver -> ((SmtpDriver) driver).sendMessage(draft.toBytes()));
    }

    /** Builds the message off the UI thread (an attachment may be large); the newest edit wins. */
    private void update() {
        long mine = generation.incrementAndGet();
        MessageDraft draft = draft();
        executor.execute(BackgroundTask.of(() -> {
            byte[] bytes = draft.toBytes();
            List<String> lines = WireForm.lines(bytes, PREVIEW_LINES);
            int total = WireForm.lineCount(bytes);
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line).append('\n'));
            if (total > lines.size()) {
                text.append("… and ").append(total - lines.size()).append(" more lines\n");
            }
            return text.toString();
        }).onSuccess(text -> {
            if (generation.get() == mine) {
                wire.set(text);
                problem.set("");
                canSend.set(true);
            }
        }).onFailure(e -> {
            if (generation.get() == mine) {
                wire.set("");
                problem.set("The message cannot be built: " + e.getMessage());
                canSend.set(false);
            }
        }));
    }

    /** The path last sent in the verb's form (MAIL's sender, RCPT's recipient), if any. */
    private static Optional<String> rememberedPath(SessionViewModel session, SmtpVerb verb) {
        return verb.pathArgument().flatMap(path -> session.remembered(verb, path.name()));
    }
}
