package dev.mailbench.lesson;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the dialogues read so far show, over every connection of a lesson in the order lines arrived: the
 * exchanges, the AUTH attempts, whether message text had a dot-stuffed line, where TLS started. Filled by
 * {@link SessionFacts}, one per connection; read by the checks. Not thread-safe: one thread feeds it.
 */
final class Facts {

    /** An AUTH exchange as it ended: the mechanism, whether it succeeded, and how the responses came. */
    record AuthAttempt(String mechanism, boolean succeeded, boolean initialResponse, int responses) { }

    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<AuthAttempt> authAttempts = new ArrayList<>();
    private final List<Exchange> tlsStarts = new ArrayList<>();
    private boolean dottedLine;
    private long next;
    private int sessions;
    private int changes;
    private Exchange lastAnswered;

    int newSession() {
        return sessions++;
    }

    Exchange add(Exchange.Kind kind, SessionFacts from, String verb, String argument, boolean tls) {
        Exchange exchange = new Exchange(next++, from.id(), from.protocol(), kind, verb, argument, tls);
        exchanges.add(exchange);
        changes++;
        return exchange;
    }

    void replied(Exchange exchange, Exchange.Reply reply) {
        exchange.replied(reply);
        // QUIT's answer ends the conversation and says nothing of the step: the mistake before it stays the last word
        // (a telnet student always says goodbye)
        String quit = exchange.protocol == MailProtocol.SMTP ? SmtpVerb.QUIT.keyword() : Pop3Verb.QUIT.keyword();
        if (!quit.equals(exchange.verb)) {
            lastAnswered = exchange;
        }
        changes++;
    }

    void authEnded(AuthAttempt attempt) {
        authAttempts.add(attempt);
        changes++;
    }

    void dottedLine() {
        if (!dottedLine) {
            dottedLine = true;
            changes++;
        }
    }

    /** TLS began after {@code upgrade} (STARTTLS or STLS) was answered positively. */
    void tlsStarted(Exchange upgrade) {
        tlsStarts.add(upgrade);
        changes++;
    }

    List<Exchange> exchanges() {
        return Collections.unmodifiableList(exchanges);
    }

    List<AuthAttempt> authAttempts() {
        return Collections.unmodifiableList(authAttempts);
    }

    boolean hadDottedLine() {
        return dottedLine;
    }

    boolean tlsStartedInSession(int session) {
        return tlsStarts.stream().anyMatch(e -> e.session == session);
    }

    boolean anyTlsStarted() {
        return !tlsStarts.isEmpty();
    }

    /** Grows whenever something a check reads changed: a cheap way to skip evaluating after a text line. */
    int changes() {
        return changes;
    }

    /** The exchange whose reply came last, or null. */
    Exchange lastAnswered() {
        return lastAnswered;
    }
}
