package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How replies compare: the worst difference of a row, marked by server. */
class ReplyComparisonTest {

    @Test
    void aCodeThatDiffersOutranksItsText() {
        SeenReply ok = new SeenReply(0, "250", "2.1.5", List.of("250 2.1.5 Ok"), null);
        SeenReply denied = new SeenReply(0, "550", "5.7.1", List.of("550 5.7.1 Relaying denied"), null);
        SeenReply okWorded = new SeenReply(0, "250", "2.1.5", List.of("250 2.1.5 Recipient ok"), null);
        ServerAddress address = new ServerAddress("a.example", 25, MailProtocol.SMTP, TlsMode.NONE);
        RunResult a = run(address, List.of(ok, ok));
        RunResult b = run(address, List.of(denied, okWorded));
        RunResult c = run(address, List.of(ok));

        ReplyComparison comparison = ReplyComparison.of(List.of(a, b, c));

        assertThat(comparison.rows().get(0).differences()).containsExactly(ReplyComparison.Difference.SAME,
                ReplyComparison.Difference.CODE, ReplyComparison.Difference.MISSING);
        assertThat(comparison.toText()).contains("≠ B: code differs, C: reply missing");
    }

    private static RunResult run(ServerAddress address, List<SeenReply> replies) {
        return new RunResult(address, List.of(), List.of(new RunResult.Exchange(3, "RCPT TO:<x@y>", replies)),
                List.of(), Optional.empty());
    }
}
