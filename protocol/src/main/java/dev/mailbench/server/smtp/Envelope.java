package dev.mailbench.server.smtp;

import dev.mailbench.server.Accounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One mail transaction (RFC 5321 §3.3): the reverse-path from MAIL, the recipients RCPT accepted, and the
 * MAIL parameters. It lives from MAIL to the end of DATA; RSET, HELO/EHLO and STARTTLS throw it away.
 */
public final class Envelope {

    /** A recipient RCPT accepted, with where it leads. */
    public record Recipient(String address, Accounts.Destination destination) {
        public Recipient {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(destination, "destination");
        }

        public boolean isRemote() {
            return destination instanceof Accounts.Remote;
        }
    }

    private final String reversePath;
    private final OptionalLong declaredSize;
    private final String bodyType;
    private final List<Recipient> recipients = new ArrayList<>();

    /**
     * @param reversePath  the sender's address without angle brackets; empty for the null reverse-path
     *                     {@code <>} of bounces (RFC 5321 §4.5.5)
     * @param declaredSize the SIZE= parameter (RFC 1870), if given
     * @param bodyType     the BODY= parameter (RFC 6152): {@code 7BIT} or {@code 8BITMIME}
     */
    public Envelope(String reversePath, OptionalLong declaredSize, String bodyType) {
        this.reversePath = Objects.requireNonNull(reversePath, "reversePath");
        this.declaredSize = Objects.requireNonNull(declaredSize, "declaredSize");
        this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
    }

    public String reversePath() {
        return reversePath;
    }

    public OptionalLong declaredSize() {
        return declaredSize;
    }

    public String bodyType() {
        return bodyType;
    }

    void addRecipient(Recipient recipient) {
        recipients.add(recipient);
    }

    public List<Recipient> recipients() {
        return Collections.unmodifiableList(recipients);
    }

    public boolean hasRecipients() {
        return !recipients.isEmpty();
    }

    /** The local mailboxes the message goes to, after aliases and lists, each once. */
    public List<String> localUsers() {
        LinkedHashSet<String> users = new LinkedHashSet<>();
        for (Recipient r : recipients) {
            if (r.destination() instanceof Accounts.Local local) {
                users.addAll(local.users());
            }
        }
        return List.copyOf(users);
    }

    /** The recipients in other domains: relayed, held in the outbox. */
    public List<String> remoteAddresses() {
        LinkedHashSet<String> remote = new LinkedHashSet<>();
        for (Recipient r : recipients) {
            if (r.isRemote()) {
                remote.add(r.address());
            }
        }
        return List.copyOf(remote);
    }
}
