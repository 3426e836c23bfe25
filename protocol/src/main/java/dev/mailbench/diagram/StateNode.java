package dev.mailbench.diagram;

import dev.mailbench.wire.Verb;
import java.util.List;
import java.util.Objects;

/**
 * One state of a protocol's state diagram.
 *
 * @param phase      the protocol's own value for it ({@code SmtpPhase.READY}, {@code Pop3Phase.TRANSACTION}), which a
 *                   session's state is compared with
 * @param title      its short name, as the protocol's phase describes it ("ready", "TRANSACTION")
 * @param summary    what it means and what comes next, the phase's own sentence
 * @param verbs      the verbs legal in it, in the order of a normal dialogue, as the verb specification says
 * @param forward    of those, the ones that move a normal dialogue on from it
 * @param mainPath   whether it lies on the path of a normal dialogue (not a side state such as an AUTH exchange)
 */
public record StateNode(Enum<?> phase, String title, String summary, List<Verb> verbs, List<Verb> forward,
                        boolean mainPath) {

    public StateNode {
        Objects.requireNonNull(phase, "phase");
        verbs = List.copyOf(verbs);
        forward = List.copyOf(forward);
    }
}
