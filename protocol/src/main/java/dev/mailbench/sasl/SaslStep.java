package dev.mailbench.sasl;

import java.util.Objects;

/** What a server-side SASL mechanism answers to the client: another challenge, or a verdict. */
public sealed interface SaslStep permits SaslStep.Challenge, SaslStep.Authenticated, SaslStep.Rejected {

    /** Why an exchange failed; the protocol turns it into its reply ({@code 535 5.7.8}, {@code 501 5.5.2}, …). */
    enum Reason {
        /** Unknown user or wrong password / digest; the two are never told apart. */
        BAD_CREDENTIALS,
        /** The credentials were right, but the client asked to act as someone else (RFC 4616 §2 authzid). */
        AUTHORIZATION_DENIED,
        /** The account keeps only a password hash, so a shared-secret mechanism such as CRAM-MD5 cannot work. */
        NO_SHARED_SECRET,
        /** The client's message does not have the mechanism's form (RFC 4954 §4: answered with 501). */
        MALFORMED
    }

    /** The server needs more: send this (base64-encoded by the protocol) and wait for the next response. */
    record Challenge(byte[] challenge) implements SaslStep {
        public Challenge {
            challenge = challenge.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }
    }

    /** The client proved who it is; {@code user} is the canonical mailbox name. */
    record Authenticated(String user) implements SaslStep {
        public Authenticated {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The exchange failed; {@code explanation} is one sentence fit for the reply text and the transcript. */
    record Rejected(Reason reason, String explanation) implements SaslStep {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    static SaslStep rejected(Reason reason, String explanation) {
        return new Rejected(reason, explanation);
    }
}
