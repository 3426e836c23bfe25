package dev.mailbench.lesson;

import dev.mailbench.store.MailStore;
import dev.mailbench.store.StoredMessage;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The practice server's mailboxes as a lesson reads them: the header section of each stored message. */
public final class StoreMailboxes implements MailboxView {

    private final MailStore store;
    private final Map<String, Map<String, List<String>>> read = new ConcurrentHashMap<>();

    public StoreMailboxes(MailStore store) {
        this.store = store;
    }

    @Override
    public List<Map<String, List<String>>> headers(String user) throws IOException {
        if (!store.users().contains(user)) {
            return List.of();
        }
        List<Map<String, List<String>>> all = new ArrayList<>();
        for (StoredMessage message : store.listMessages(user)) {
            // a stored message never changes: its header section is read once (a class's view asks often)
            Map<String, List<String>> headers = read.get(message.user() + "/" + message.uid());
            if (headers == null) {
                try (InputStream in = message.open()) {
                    headers = headerSection(in);
                } catch (NoSuchFileException deleted) {
                    continue;   // deleted between listing and reading
                }
                read.put(message.user() + "/" + message.uid(), headers);
            }
            all.add(headers);
        }
        return all;
    }

    /** The header section as Jakarta Mail reads it (up to the first empty line), folded lines unfolded. */
    static Map<String, List<String>> headerSection(InputStream in) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try {
            Enumeration<Header> all = new InternetHeaders(in).getAllHeaders();
            while (all.hasMoreElements()) {
                Header field = all.nextElement();
                fields.computeIfAbsent(field.getName(), n -> new ArrayList<>())
                        .add(MimeUtility.unfold(field.getValue()).strip());
            }
        } catch (MessagingException e) {
            throw new IOException("unreadable header section: " + e.getMessage(), e);
        }
        fields.replaceAll((n, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(fields);
    }
}
