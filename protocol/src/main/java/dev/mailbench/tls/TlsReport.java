package dev.mailbench.tls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completed TLS handshake established, including the verdict on the peer's certificate chain. The
 * connection is up whatever the verdict: the report is shown to the user, who decides what to make of it.
 *
 * @param protocol the negotiated protocol, e.g. {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite, e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param chain the peer's certificates, its own first; empty if it presented none
 * @param chainTrusted whether the chain leads to a trusted certificate and every certificate is valid now
 * @param trustProblem why the chain is not trusted ("self-signed", "expired on 2020-01-01", ...); empty when
 *        it is trusted
 * @param hostNameMatches whether the peer's certificate names the host the user connected to
 */
public record TlsReport(String protocol, String cipherSuite, List<CertificateSummary> chain, boolean chainTrusted,
        String trustProblem, boolean hostNameMatches) {

    public TlsReport {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        chain = List.copyOf(chain);
        trustProblem = trustProblem == null ? "" : trustProblem;
    }

    /**
     * What is wrong with the peer's certificate, in the words a badge shows after "TLS, ": {@code certificate
     * expired}, {@code certificate not yet valid}, {@code certificate for another host} or {@code certificate
     * not trusted}; empty when the chain is trusted and names the host. The most specific reason wins: a
     * self-signed certificate that has also expired is shown as expired (the note gives every reason).
     */
    public Optional<String> warning(Instant now) {
        if (chainTrusted && hostNameMatches) {
            return Optional.empty();
        }
        if (chain.stream().anyMatch(certificate -> certificate.notAfter().isBefore(now))) {
            return Optional.of("certificate expired");
        }
        if (chain.stream().anyMatch(certificate -> certificate.notBefore().isAfter(now))) {
            return Optional.of("certificate not yet valid");
        }
        if (!chain.isEmpty() && !hostNameMatches) {
            return Optional.of("certificate for another host");
        }
        return Optional.of("certificate not trusted");
    }

    /** {@link #warning(Instant)} now. */
    public Optional<String> warning() {
        return warning(Instant.now());
    }

    /**
     * The one-line note for a transcript, leading with the verdict, e.g. {@code TLS established, certificate not
     * trusted: TLSv1.3, cipher TLS_AES_256_GCM_SHA384, certificate CN=mail.example.test, issuer
     * CN=mail.example.test, valid from 2026-11-23 until 2036-11-23, chain trusted: no (self-signed), host name
     * matches: yes}. Both dates are given: a certificate not yet valid (a server's clock set wrong) is as
     * untrusted as an expired one, and the dates show which it is.
     */
    public String describe() {
        return describe(Instant.now());
    }

    /** {@link #describe()} as judged at {@code now}. */
    public String describe(Instant now) {
        StringBuilder note = new StringBuilder("TLS established, ")
                .append(warning(now).orElse("certificate trusted")).append(": ")
                .append(protocol).append(", cipher ").append(cipherSuite);
        if (chain.isEmpty()) {
            note.append(", no certificate");
        } else {
            CertificateSummary peer = chain.get(0);
            note.append(", certificate ").append(peer.subject())
                    .append(", issuer ").append(peer.issuer())
                    .append(", valid from ").append(peer.notBefore().atOffset(ZoneOffset.UTC).toLocalDate())
                    .append(" until ").append(peer.notAfter().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        note.append(", chain trusted: ").append(chainTrusted ? "yes" : "no");
        if (!chainTrusted && !trustProblem.isEmpty()) {
            note.append(" (").append(trustProblem).append(')');
        }
        note.append(", host name matches: ").append(hostNameMatches ? "yes" : "no");
        return note.toString();
    }
}
