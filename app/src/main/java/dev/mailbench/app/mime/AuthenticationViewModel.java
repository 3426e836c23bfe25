package dev.mailbench.app.mime;

import dev.mailbench.authenticity.Verdict;
import dev.mailbench.authenticity.DkimResult;
import java.util.ArrayList;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.authenticity.SignatureField;
import dev.mailbench.authenticity.AuthenticationCheck;
import dev.mailbench.authenticity.AuthenticationReport;
import dev.mailbench.authenticity.DnsKeys;
import dev.mailbench.authenticity.KeySource;
import dev.mailbench.authenticity.ZoneFileKeys;
import dev.mailbench.mime.MessageAnalysis;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The MIME viewer's Authentication section: checks the open message's DKIM signatures, ARC chain,
 * Authentication-Results and Received timeline, offline with a pasted key record, or with the DNS when the user
 * asks. Every check runs off the UI thread (it reads the message's bytes; the DNS may be slow).
 */
public final class AuthenticationViewModel {

    private final TaskExecutor executor;
    private final Supplier<KeySource> dns;
    private final ReadOnlyObjectWrapper<AuthenticationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final StringProperty pastedRecord = new SimpleStringProperty(this, "pastedRecord", "");
    private final StringProperty trustedIds = new SimpleStringProperty(this, "trustedIds", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private MessageAnalysis analysis;
    private final Catalogue catalogue;
    private long request;

    /** The DNS as the system names it; the tags explained in English. */
    public AuthenticationViewModel(TaskExecutor executor) {
        this(executor, Catalogue.english(), DnsKeys::system);
    }

    /**
     * {@code catalogue}: what each signature tag means, in the user's language; {@code dns}: where "Look up in DNS"
     * asks, e.g. a test's server on the loopback interface.
     */
    public AuthenticationViewModel(TaskExecutor executor, Catalogue catalogue, Supplier<KeySource> dns) {
        this.executor = executor;
        this.catalogue = catalogue;
        this.dns = dns;
        trustedIds.addListener((observable, old, now) -> check());
    }

    /** What a tag of this signature field means (the catalogue's sentence). */
    public String tagMeaning(SignatureField field, String tag) {
        return catalogue.signatureTag(field.kind() != SignatureField.Kind.DKIM, tag);
    }

    /** A new message: its checks, offline, with the pasted record if there is one. */
    public void show(MessageAnalysis newAnalysis) {
        this.analysis = newAnalysis;
        report.set(null);
        check();
    }

    /** Checks again offline, with the pasted record as the key of every signature it suits. */
    public void check() {
        run(false);
    }

    /** Checks again, looking up in the DNS the keys the pasted record does not give. */
    public void lookUpInDns() {
        run(true);
    }

    private void run(boolean withDns) {
        MessageAnalysis current = analysis;
        if (current == null) {
            return;
        }
        long mine = ++request;
        String pasted = pastedRecord.get();
        KeySource keys = pasted == null || pasted.isBlank() ? KeySource.NONE
                : ZoneFileKeys.parse(pasted, "the pasted record");
        if (withDns) {
            keys = keys.orElse(dns.get());
        }
        KeySource chosen = keys;
        List<String> trusted = trusted();
        busy.set(true);
        status.set(withDns ? "Looking up keys in the DNS…" : "");
        executor.execute(BackgroundTask.of(() -> AuthenticationCheck.check(current, chosen, trusted))
                .onSuccess(found -> {
                    if (mine == request) {
                        report.set(found);
                        status.set(found.dnsUsed() ? "Keys were looked up in the DNS." : "");
                    }
                })
                .onFailure(e -> {
                    if (mine == request) {
                        status.set("The check failed: " + e.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (mine == request) {
                        busy.set(false);
                    }
                }));
    }

    private List<String> trusted() {
        return Arrays.stream(trustedIds.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public ReadOnlyObjectProperty<AuthenticationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /**
     * The tab's title, short enough for a narrow pane: what the checks came to, so that a failure shows before the
     * tab is opened ("Authentication ✗ DKIM, ARC"); a signature without its key is no failure, and says so.
     */
    public static String title(AuthenticationReport report) {
        Outcome o = Outcome.of(report);
        if (o.failed()) {
            return "Authentication ✗ " + String.join(", ", o.failures(false));
        }
        if (o.signatures == 0) {
            return o.arc == null ? "Authentication" : "Authentication (ARC " + o.arc + ")";
        }
        return o.passes == o.signatures ? "Authentication ✓ DKIM" : "Authentication (no key)";
    }

    /** The same in full, for the tab's tooltip and a screen reader: "DKIM: 1 of 2 signatures fail; ARC: chain broken". */
    public static String description(AuthenticationReport report) {
        Outcome o = Outcome.of(report);
        if (o.failed()) {
            return String.join("; ", o.failures(true));
        }
        if (o.signatures == 0) {
            return o.arc == null ? "No DKIM signature and no ARC set" : "ARC: " + o.arc;
        }
        return o.passes == o.signatures ? "DKIM: " + (o.signatures == 1 ? "the signature verifies" : "all "
                + o.signatures + " signatures verify") : "DKIM: " + (o.signatures - o.passes) + " of " + o.signatures
                + " signatures not checked: no key";
    }

    /** Whether {@link #title} reports a failure: the tab is then styled as a warning. */
    public static boolean fails(AuthenticationReport report) {
        return Outcome.of(report).failed();
    }

    private record Outcome(long signatures, long fails, long passes, String arc) {
        static Outcome of(AuthenticationReport report) {
            if (report == null) {
                return new Outcome(0, 0, 0, null);
            }
            return new Outcome(report.dkim().size(),
                    report.dkim().stream().filter(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR
                            || r.verdict() == Verdict.REVOKED).count(),
                    report.dkim().stream().filter(DkimResult::passes).count(),
                    report.arc().sets().isEmpty() ? null : report.arc().status());
        }

        boolean failed() {
            return fails > 0 || "fail".equals(arc);
        }

        List<String> failures(boolean full) {
            List<String> what = new ArrayList<>();
            if (fails > 0) {
                what.add(full ? "DKIM: " + fails + " of " + signatures + (signatures == 1 ? " signature fails"
                        : " signatures fail") : "DKIM");
            }
            if ("fail".equals(arc)) {
                what.add(full ? "ARC: chain broken" : "ARC");
            }
            return what;
        }
    }

    /** A DKIM key record pasted by the user: a TXT record's text, or lines in zone-file form. */
    public StringProperty pastedRecordProperty() {
        return pastedRecord;
    }

    /** The authserv-ids the user trusts, separated by commas or blanks (RFC 8601 §5). */
    public StringProperty trustedIdsProperty() {
        return trustedIds;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
