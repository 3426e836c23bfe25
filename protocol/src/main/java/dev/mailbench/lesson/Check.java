package dev.mailbench.lesson;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A step's check: the conditions of its {@code check} block, all of which must hold.
 */
public record Check(List<Condition> conditions) {

    /** What a check calls the reply that answers the connection (RFC 5321 §3.1, RFC 1939 §4). */
    public static final String GREETING = "greeting";
    /** What a check calls the lone "." that ends the message text (RFC 5321 §4.1.1.4). */
    public static final String END_OF_DATA = "end-of-data";

    public Check {
        conditions = List.copyOf(conditions);
    }

    boolean holds(Facts facts, MailboxView mailboxes) {
        return !conditions.isEmpty() && conditions.stream().allMatch(c -> c.holds(facts, mailboxes));
    }

    /** Whether the check reads the mail store, which a transcript alone cannot show. */
    boolean readsMailboxes() {
        return conditions.stream().anyMatch(c -> c instanceof Condition.Delivered
                || c instanceof Condition.DeliveredUnnamed);
    }

    Set<String> verbs() {
        Set<String> verbs = new LinkedHashSet<>();
        conditions.forEach(c -> verbs.addAll(c.verbs()));
        return verbs;
    }
}
