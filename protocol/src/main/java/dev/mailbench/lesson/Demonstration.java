package dev.mailbench.lesson;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What "Show me" does for a step: the moves its check names, in the order the check names them, for those of its
 * conditions the dialogues have not met yet. A move is a verb to send (with the argument the check's pattern
 * spells out, when the pattern is a plain text such as {@code alice@example\.test}), the connection itself
 * ({@link Check#GREETING}) or a whole message ({@link Check#END_OF_DATA}). Who performs the moves (the lesson panel,
 * through the step buttons' actions) decides how; the lesson only says what.
 */
public final class Demonstration {

    /** Characters that make a pattern more than a plain text. */
    private static final Pattern SPECIAL = Pattern.compile("[\\[\\](){}*+?^$|.\\\\]");

    /**
     * One move.
     *
     * @param target   a verb's keyword ({@code RCPT}), {@link Check#GREETING} or {@link Check#END_OF_DATA}
     * @param argument what the check's pattern spells out for the argument, if it is plain text
     */
    public record Move(String target, Optional<String> argument) {
        public Move {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(argument, "argument");
        }

        static Move of(String target) {
            return new Move(target, Optional.empty());
        }

        /** The protocol only this move's verb belongs to; empty for one both have (QUIT, AUTH) or no verb. */
        public Optional<MailProtocol> protocol() {
            boolean smtp = SmtpVerb.of(target).isPresent() || Check.END_OF_DATA.equals(target);
            boolean pop3 = Pop3Verb.of(target).isPresent();
            return smtp == pop3 ? Optional.empty() : Optional.of(smtp ? MailProtocol.SMTP : MailProtocol.POP3);
        }
    }

    private Demonstration() {
    }

    /** The moves of {@code conditions}, which are those not met yet, in order, each target once. */
    static List<Move> of(List<Condition> conditions) {
        List<Move> moves = new ArrayList<>();
        for (Condition condition : conditions) {
            for (Move move : movesOf(condition)) {
                add(moves, move);
            }
        }
        return List.copyOf(moves);
    }

    private static void add(List<Move> moves, Move move) {
        if (move.target().equals(Pop3Verb.PASS.keyword())
                && moves.stream().noneMatch(m -> m.target().equals(Pop3Verb.USER.keyword()))) {
            moves.add(Move.of(Pop3Verb.USER.keyword()));   // RFC 1939 §7: PASS follows a USER
        }
        for (int i = 0; i < moves.size(); i++) {
            if (moves.get(i).target().equals(move.target())) {
                if (moves.get(i).argument().isEmpty() && move.argument().isPresent()) {
                    moves.set(i, move);
                }
                return;
            }
        }
        moves.add(move);
    }

    private static List<Move> movesOf(Condition condition) {
        if (condition instanceof Condition.Sent sent) {
            return List.of(new Move(sent.verb(), sent.argument().flatMap(Demonstration::plain)));
        } else if (condition instanceof Condition.ReplyCame reply) {
            return List.of(new Move(reply.target(), reply.argument().flatMap(Demonstration::plain)));
        } else if (condition instanceof Condition.Order order) {
            return order.sequence().stream().map(Move::of).toList();
        } else if (condition instanceof Condition.Authenticated auth) {
            return List.of(new Move(SmtpVerb.AUTH.keyword(), Optional.of(auth.mechanism())));
        } else if (condition instanceof Condition.Retrieved retrieved) {
            return List.of(new Move(retrieved.verb().orElse(Pop3Verb.RETR.keyword()),
                    Optional.of(Integer.toString(retrieved.message()))));
        } else if (condition instanceof Condition.TlsStarted) {
            return List.of(Move.of(SmtpVerb.STARTTLS.keyword()));
        } else if (condition instanceof Condition.AfterTls after) {
            return List.of(Move.of(after.verb()));
        }
        // a dot-stuffed line, a delivery: a whole message
        return List.of(Move.of(Check.END_OF_DATA));
    }

    /** The text a pattern matches when it is plain text, its escaped dots read as dots. */
    static Optional<String> plain(Pattern pattern) {
        String text = pattern.pattern().replace("\\.", "\u0000");
        if (SPECIAL.matcher(text).find()) {
            return Optional.empty();
        }
        return Optional.of(text.replace('\u0000', '.'));
    }
}
