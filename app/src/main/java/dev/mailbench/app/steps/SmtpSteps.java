package dev.mailbench.app.steps;

import static dev.mailbench.app.steps.Steps.values;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mailbench.smtp.SmtpCommandLines;

/** The SMTP step buttons, in the order of {@link dev.mailbench.smtp.SmtpVerb}: a normal dialogue's order. */
final class SmtpSteps {

    static final String DOMAIN = "domain";
    static final String ADDRESS = "address";
    static final String PARAMETERS = "parameters";
    static final String ARGUMENT = "argument";

    private SmtpSteps() {
    }

    static List<StepDefinition> all() {
        return List.of(
                Steps.line("HELO", "HELO", List.of(StepField.text(DOMAIN, "Your host name")),
                        (prefill, driver) -> values(DOMAIN, prefill.clientDomain()),
                        v -> SmtpCommandLines.helo(v.get(DOMAIN)), DOMAIN),
                Steps.line("EHLO", "EHLO", List.of(StepField.text(DOMAIN, "Your host name")),
                        (prefill, driver) -> values(DOMAIN, prefill.clientDomain()),
                        v -> SmtpCommandLines.ehlo(v.get(DOMAIN)), DOMAIN),
                Steps.bare("STARTTLS", "STARTTLS"),
                Steps.auth(),
                Steps.line("MAIL", "MAIL FROM",
                        List.of(StepField.text(ADDRESS, "Sender"), StepField.text(PARAMETERS, "Parameters (optional)")),
                        (prefill, driver) -> values(ADDRESS, prefill.sender(), PARAMETERS, ""),
                        v -> SmtpCommandLines.mailFrom(v.get(ADDRESS), v.get(PARAMETERS))),
                Steps.line("RCPT", "RCPT TO", List.of(StepField.text(ADDRESS, "Recipient")),
                        (prefill, driver) -> values(ADDRESS, prefill.recipient()),
                        v -> SmtpCommandLines.rcptTo(v.get(ADDRESS)), ADDRESS),
                data(),
                Steps.bare("RSET", "RSET"),
                Steps.line("VRFY", "VRFY", List.of(StepField.text(ARGUMENT, "User or mailbox")),
                        (prefill, driver) -> values(ARGUMENT, prefill.user()),
                        v -> SmtpCommandLines.vrfy(v.get(ARGUMENT)), ARGUMENT),
                Steps.line("EXPN", "EXPN", List.of(StepField.text(ARGUMENT, "Mailing list")),
                        (prefill, driver) -> values(ARGUMENT, prefill.mailingList()),
                        v -> SmtpCommandLines.expn(v.get(ARGUMENT)), ARGUMENT),
                Steps.line("HELP", "HELP", List.of(StepField.text(ARGUMENT, "Topic (optional)")),
                        (prefill, driver) -> values(ARGUMENT, ""),
                        v -> SmtpCommandLines.help(v.get(ARGUMENT))),
                Steps.bare("NOOP", "NOOP"),
                Steps.line("ETRN", "ETRN", List.of(StepField.text(ARGUMENT, "Domain")),
                        (prefill, driver) -> values(ARGUMENT, Steps.domainOf(prefill.sender())),
                        v -> SmtpCommandLines.etrn(v.get(ARGUMENT)), ARGUMENT),
                Steps.quit());
    }

    /** DATA opens the composer, which sends DATA, the message and the final dot itself. */
    private static StepDefinition data() {
        return new StepDefinition("DATA", "DATA", driver -> List.of(), (prefill, driver) -> Map.of(),
                (values, driver) -> List.of(PreviewLine.of("DATA")),
                (values, driver) -> Optional.empty(),
                values -> driver -> driver.send("DATA"), true);
    }
}
