package dev.mailbench.app.session;

import java.time.ZoneOffset;
import java.util.stream.Collectors;

import dev.mailbench.tls.CertificateSummary;
import dev.mailbench.tls.TlsReport;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The certificate behind the TLS badge, one click away: the verdict first, then for each certificate of the
 * chain who it is for, who issued it, when it is valid, the names it covers and its SHA-256 fingerprint, and
 * the PEM text with a button that copies it (for a trust store, or a ticket to the server's admin).
 */
final class CertificateDialog {

    private CertificateDialog() {
    }

    /** Opens the dialog over {@code owner}, without waiting for it to close. */
    static Dialog<ButtonType> show(Window owner, TlsReport report) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Server certificate");
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content(report));
        dialog.getDialogPane().setId("certificate-dialog");
        if (owner != null && owner.getScene() != null) {
            // the window's theme (and its warning colour) for the dialog too
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.show();
        return dialog;
    }

    static VBox content(TlsReport report) {
        Label verdict = new Label(report.warning()
                .map(warning -> "TLS, " + warning + (report.trustProblem().isEmpty() ? "" : ": " + report.trustProblem())
                        + (report.hostNameMatches() ? "" : (report.trustProblem().isEmpty() ? ": " : "; ")
                                + "the certificate does not name the host you connected to"))
                .orElse("TLS, certificate trusted and for this host"));
        verdict.setId("certificate-verdict");
        verdict.getStyleClass().add("certificate-verdict");
        if (report.warning().isEmpty()) {
            verdict.getStyleClass().add("trusted");
        }
        verdict.setWrapText(true);
        Label session = new Label(report.protocol() + ", cipher " + report.cipherSuite());

        VBox box = new VBox(verdict, session);
        box.getStyleClass().add("certificate-details");
        int index = 0;
        for (CertificateSummary certificate : report.chain()) {
            GridPane facts = new GridPane();
            facts.setHgap(8);
            facts.setVgap(2);
            int row = 0;
            Label heading = new Label(index == 0 ? "Server certificate" : "Issuer certificate " + index);
            heading.getStyleClass().add("certificate-heading");
            facts.add(heading, 0, row++, 2, 1);
            row = fact(facts, row, "Subject", certificate.subject());
            row = fact(facts, row, "Issuer", certificate.issuer());
            row = fact(facts, row, "Valid", certificate.notBefore().atOffset(ZoneOffset.UTC).toLocalDate() + " until "
                    + certificate.notAfter().atOffset(ZoneOffset.UTC).toLocalDate());
            Label names = selectable(certificate.subjectAltNames().isEmpty() ? "(none)"
                    : String.join(", ", certificate.subjectAltNames()));
            facts.addRow(row++, new Label("Names"), names);
            Label fingerprint = selectable(certificate.sha256Fingerprint());
            facts.addRow(row, new Label("SHA-256"), fingerprint);
            if (index == 0) {
                names.setId("certificate-names");
                fingerprint.setId("certificate-fingerprint");
            }
            box.getChildren().add(facts);
            index++;
        }
        if (report.chain().isEmpty()) {
            box.getChildren().add(new Label("The server presented no certificate."));
        } else {
            String pemText = report.chain().stream().map(CertificateSummary::pem).collect(Collectors.joining());
            TextArea pem = new TextArea(pemText);
            pem.setId("certificate-pem");
            pem.getStyleClass().add("certificate-pem");
            pem.setEditable(false);
            pem.setPrefRowCount(8);
            pem.setPrefColumnCount(66);
            Button copy = new Button("Copy PEM");
            copy.setId("copy-pem");
            copy.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(pemText);
                Clipboard.getSystemClipboard().setContent(content);
            });
            box.getChildren().addAll(pem, copy);
        }
        return box;
    }

    private static int fact(GridPane facts, int row, String name, String value) {
        facts.addRow(row, new Label(name), selectable(value));
        return row + 1;
    }

    private static Label selectable(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
