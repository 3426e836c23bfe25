package dev.mailbench.app.mime;

import dev.mailbench.authenticity.ArcResult;
import dev.mailbench.authenticity.ArcSet;
import dev.mailbench.authenticity.AuthenticationReport;
import dev.mailbench.authenticity.AuthenticationResults;
import dev.mailbench.authenticity.DkimResult;
import dev.mailbench.authenticity.Finding;
import dev.mailbench.authenticity.ReceivedTimeline;
import dev.mailbench.authenticity.SignatureField;
import dev.mailbench.authenticity.Tag;
import dev.mailbench.authenticity.Verdict;
import dev.mailbench.mime.ByteRange;
import dev.mailbench.mime.ReceivedHop;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The MIME viewer's Authentication section: each DKIM signature with its body hash and signature verdict, the ARC
 * chain by instance, the Authentication-Results grouped by who wrote them, the Received timeline. Each result is
 * a link that marks its field's bytes in the raw source.
 */
final class AuthenticationView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AuthenticationViewModel viewModel;
    private final Consumer<ByteRange> select;
    private final VBox results = new VBox();
    private final Label dnsStatement = new Label();

    AuthenticationView(AuthenticationViewModel viewModel, Consumer<ByteRange> select) {
        this.viewModel = viewModel;
        this.select = select;
        setId("mime-authentication");
        getStyleClass().addAll("mime-section", "auth-section");
        Label title = wrapping(new Label("Authentication"));
        title.getStyleClass().add("mime-section-title");

        dnsStatement.setId("auth-dns-statement");
        dnsStatement.getStyleClass().add("auth-dns");
        wrapping(dnsStatement);

        results.setId("auth-results");
        results.getStyleClass().add("auth-results");
        VBox content = new VBox(dnsStatement, keyControls(), results);
        content.setMinWidth(0);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // everything wraps to the section's width; a long base64 value breaks rather than widen the section
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("auth-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(title, scroll);

        viewModel.reportProperty().addListener((observable, old, report) -> show(report));
        show(viewModel.reportProperty().get());
    }

    private Node keyControls() {
        TextArea pasted = new TextArea();
        pasted.setId("auth-pasted-key");
        pasted.setPromptText("Paste a DKIM key record: v=DKIM1; k=rsa; p=…  (or lines in zone-file form)");
        pasted.setPrefRowCount(2);
        pasted.setPrefColumnCount(20);
        pasted.setMinWidth(0);
        pasted.setWrapText(true);
        pasted.textProperty().bindBidirectional(viewModel.pastedRecordProperty());
        Button check = new Button("Check with this key");
        check.setId("auth-check");
        check.setOnAction(e -> viewModel.check());
        Button dns = new Button("Look up in DNS");
        dns.setId("auth-dns-lookup");
        dns.setTooltip(new Tooltip("Asks the DNS for the keys of the signatures' selectors and domains"));
        dns.setOnAction(e -> viewModel.lookUpInDns());
        dns.disableProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.setId("auth-status");
        status.getStyleClass().add("auth-note");
        status.textProperty().bind(viewModel.statusProperty());
        TextField trusted = new TextField();
        trusted.setId("auth-trusted");
        trusted.setPromptText("your servers' authserv-ids, e.g. mx.example.org");
        trusted.setPrefColumnCount(10);
        trusted.setMinWidth(0);
        trusted.textProperty().bindBidirectional(viewModel.trustedIdsProperty());
        Label trustedLabel = new Label("Trusted authserv-ids:");
        trustedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(trusted, Priority.ALWAYS);
        HBox trustRow = new HBox(trustedLabel, trusted);
        trustRow.setAlignment(Pos.CENTER_LEFT);
        trustRow.getStyleClass().add("auth-row");
        FlowPane buttons = new FlowPane(check, dns, status);
        buttons.getStyleClass().add("auth-buttons");
        VBox box = new VBox(pasted, buttons, trustRow);
        box.getStyleClass().add("auth-keys");
        box.setMinWidth(0);
        return box;
    }

    private void show(AuthenticationReport report) {
        results.getChildren().clear();
        if (report == null) {
            dnsStatement.setText("");
            return;
        }
        dnsStatement.setText(report.dnsUsed()
                ? "Keys were looked up in the DNS."
                : "No DNS was used: only keys you pasted were checked. The body hashes need no key.");
        results.getChildren().add(heading("DKIM signatures"));
        if (report.dkim().isEmpty()) {
            results.getChildren().add(note("This message has no DKIM-Signature field."));
        }
        int n = 0;
        for (DkimResult r : report.dkim()) {
            results.getChildren().add(dkim(r, ++n));
        }
        results.getChildren().add(arc(report.arc()));
        results.getChildren().add(heading("Authentication-Results"));
        if (report.authenticationResults().isEmpty()) {
            results.getChildren().add(note("No Authentication-Results field."));
        }
        for (AuthenticationResults.Group g : report.authenticationResults()) {
            results.getChildren().add(group(g));
        }
        results.getChildren().add(heading("Received timeline (oldest first)"));
        if (report.receivedTimeline().hops().isEmpty()) {
            results.getChildren().add(note("No Received field."));
        }
        for (ReceivedTimeline.Hop hop : report.receivedTimeline().hops()) {
            results.getChildren().add(hop(hop));
        }
    }

    private Node dkim(DkimResult r, int n) {
        SignatureField s = r.signature();
        Hyperlink link = link("DKIM d=" + s.domain() + " s=" + s.selector() + " (" + s.algorithmText() + ")",
                s.field().range());
        link.setId("auth-dkim-" + n);
        Label body = verdict("body hash " + r.bodyHash().word(), r.bodyHash().passes() ? "auth-pass" : "auth-fail");
        body.setId("auth-dkim-" + n + "-body");
        Label signature = verdict("signature " + r.verdict().word(), style(r.verdict()));
        signature.setId("auth-dkim-" + n + "-signature");
        FlowPane line = new FlowPane(body, signature);
        line.getStyleClass().add("auth-row");
        VBox box = new VBox(link, line);
        box.getStyleClass().add("auth-entry");
        box.getChildren().add(hash("claimed  bh=" + r.bodyHash().claimed()));
        box.getChildren().add(hash("computed bh=" + (r.bodyHash().computed() == null ? "—" : r.bodyHash().computed())));
        box.getChildren().add(note(r.bodyHash().hashedLength() + " bytes of the canonicalised body hashed"
                + (r.bodyHash().problem() == null ? "" : ": " + r.bodyHash().problem())));
        box.getChildren().add(note(r.reason()));
        for (Finding f : r.findings()) {
            box.getChildren().add(finding(f));
        }
        VBox tags = new VBox();
        for (Tag t : s.tags().tags()) {
            Hyperlink tag = link(t.name() + "=" + clip(t.value()) + "   " + viewModel.tagMeaning(s, t.name()), t.range());
            tag.getStyleClass().add("auth-tag");
            tags.getChildren().add(tag);
        }
        TitledPane tagPane = narrow(new TitledPane("Tags, each linked to its bytes", tags));
        tagPane.setExpanded(false);
        tagPane.setId("auth-dkim-" + n + "-tags");
        box.getChildren().add(tagPane);
        if (r.bodyHash().canonicalBody() != null) {
            TextArea canonical = new TextArea(visible(r.bodyHash().canonicalBody(), r.bodyHash().hashedLength()));
            canonical.setId("auth-dkim-" + n + "-canonical");
            canonical.getStyleClass().add("auth-canonical");
            canonical.setEditable(false);
            canonical.setPrefRowCount(6);
            canonical.setMinWidth(0);
            canonical.setPrefColumnCount(20);
            TitledPane canonicalPane = narrow(new TitledPane("Canonicalised body (" + s.bodyCanonicalization().word()
                    + "): · is a space, → a tab, ¶ a CRLF", canonical));
            canonicalPane.setExpanded(false);
            canonicalPane.setId("auth-dkim-" + n + "-canonical-pane");
            box.getChildren().add(canonicalPane);
        }
        return box;
    }

    private Node arc(ArcResult arc) {
        VBox box = new VBox(heading("ARC chain"));
        Label status = verdict("chain " + arc.status(), switch (arc.status()) {
            case "pass" -> "auth-pass";
            case "fail" -> "auth-fail";
            default -> "auth-neutral";
        });
        status.setId("auth-arc-status");
        box.getChildren().addAll(status, note(arc.reason()));
        for (ArcSet set : arc.sets()) {
            FlowPane row = new FlowPane();
            row.getStyleClass().add("auth-row");
            row.getChildren().add(new Label("i=" + set.instance() + (set.chainValidation() == null ? ""
                    : " cv=" + set.chainValidation())));
            if (set.seal() != null) {
                row.getChildren().addAll(link("ARC-Seal", set.seal().field().range()),
                        verdict(set.sealVerdict().word(), style(set.sealVerdict())));
            }
            if (set.messageSignature() != null) {
                row.getChildren().addAll(link("ARC-Message-Signature", set.messageSignature().field().range()),
                        verdict(set.messageVerdict().word(), style(set.messageVerdict())));
            }
            if (set.results() != null) {
                row.getChildren().add(link("ARC-Authentication-Results", set.results().range()));
            }
            row.setId("auth-arc-" + set.instance());
            box.getChildren().add(row);
        }
        for (Finding f : arc.findings()) {
            box.getChildren().add(finding(f));
        }
        return box;
    }

    private Node group(AuthenticationResults.Group g) {
        VBox box = new VBox();
        box.getStyleClass().addAll("auth-entry", g.trusted() ? "auth-trusted" : "auth-claim");
        Label id = new Label(g.authservId().isEmpty() ? "(no authserv-id)" : g.authservId());
        id.getStyleClass().add("auth-authserv");
        Label note = note(g.note());
        note.getStyleClass().add(g.trusted() ? "auth-pass" : "auth-claim-note");
        box.getChildren().addAll(id, note);
        for (AuthenticationResults.Field f : g.fields()) {
            for (AuthenticationResults.Result r : f.results()) {
                StringBuilder text = new StringBuilder(r.method()).append('=').append(r.result());
                if (r.reason() != null) {
                    text.append(" reason=\"").append(r.reason()).append('"');
                }
                for (AuthenticationResults.Property p : r.properties()) {
                    text.append(' ').append(p.type()).append('.').append(p.name()).append('=').append(p.value());
                }
                box.getChildren().add(link(text.toString(), f.field().range()));
            }
            for (Finding finding : f.findings()) {
                box.getChildren().add(finding(finding));
            }
        }
        return box;
    }

    private Node hop(ReceivedTimeline.Hop h) {
        ReceivedHop hop = h.hop();
        String when = hop.timestamp() == null ? "(no time)" : TIME.format(hop.timestamp());
        String delay = hop.delay() == null ? "" : "  " + ReceivedTimeline.describe(hop.delay());
        VBox box = new VBox(link(when + delay + "  by " + hop.by() + (hop.from() == null ? "" : "  from " + hop.from()),
                hop.field().range()));
        for (String w : h.warnings()) {
            Label warning = wrapping(new Label("⚠ " + w));
            warning.getStyleClass().add("auth-warning");
            box.getChildren().add(warning);
        }
        return box;
    }

    private Hyperlink link(String text, ByteRange range) {
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("auth-link");
        link.setWrapText(true);
        link.setMinHeight(Region.USE_PREF_SIZE);
        link.setTooltip(new Tooltip("bytes " + range.start() + " to " + range.end() + ": click to mark them in the raw source"));
        link.setOnAction(e -> {
            select.accept(range);
            link.setVisited(false);
        });
        return link;
    }

    private Node finding(Finding f) {
        String text = "⚠ " + f.message() + " (" + f.rule() + ")";
        if (f.range() != null) {
            Hyperlink link = link(text, f.range());
            link.getStyleClass().add("auth-warning");
            return link;
        }
        Label label = wrapping(new Label(text));
        label.getStyleClass().add("auth-warning");
        return label;
    }

    private static TitledPane narrow(TitledPane pane) {
        pane.setMinWidth(0);
        pane.setMaxWidth(Double.MAX_VALUE);
        return pane;
    }

    private static Label heading(String text) {
        Label label = wrapping(new Label(text));
        label.getStyleClass().add("auth-heading");
        return label;
    }

    private static Label note(String text) {
        Label label = wrapping(new Label(text));
        label.getStyleClass().add("auth-note");
        return label;
    }

    /** A hash on one line: where the section is narrow its middle gives way, so both ends stay comparable. */
    private static Label hash(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("auth-note", "auth-hash");
        label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        label.setMinWidth(0);
        label.setTooltip(new Tooltip(text));
        return label;
    }

    private static Label verdict(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().addAll("auth-verdict", style);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String style(Verdict v) {
        return switch (v) {
            case PASS -> "auth-pass";
            case FAIL, ERROR, REVOKED -> "auth-fail";
            case NO_KEY -> "auth-neutral";
        };
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The canonical body with its white space made visible, and a mark where l= stops the signed part. */
    static String visible(byte[] canonical, long hashed) {
        String text = new String(canonical, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (i == hashed && hashed < text.length()) {
                out.append("\n——— l= ends here: what follows is not signed ———\n");
            }
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                out.append("¶\n");
                i++;
            } else if (c == ' ') {
                out.append('·');
            } else if (c == '\t') {
                out.append('→');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
