package dev.mailbench.server;

import dev.mailbench.sasl.CredentialsCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the practice server knows: local domains, users with their credentials, aliases and mailing lists.
 * Immutable; build one with {@link #builder()}.
 *
 * <p>Passwords are kept as salted hashes for USER/PASS, PLAIN and LOGIN. APOP (RFC 1939 §7) and CRAM-MD5
 * (RFC 2195) prove knowledge of a shared secret without sending it, so the server must be able to recover
 * that secret: an account that allows them keeps it in clear. That trade-off is shown to the user.
 */
public final class Accounts implements CredentialsCheck {

    /**
     * A user.
     *
     * @param name             the mailbox name, lower case (also the local part of the user's address)
     * @param fullName         a display name for VRFY
     * @param passwordHash     see {@link PasswordHash}
     * @param recoverableSecret the clear secret for APOP and CRAM-MD5, or null when those are not allowed
     */
    public record Account(String name, String fullName, String passwordHash, String recoverableSecret) {
        public boolean allowsSharedSecretMechanisms() {
            return recoverableSecret != null;
        }
    }

    /** Where a recipient address leads. */
    public sealed interface Destination permits Local, UnknownLocal, Remote {
    }

    /** A local address: the mailboxes (users) it delivers to, after alias and list expansion. */
    public record Local(List<String> users) implements Destination {
    }

    /** A local domain, but no such user, alias or list (550 5.1.1, RFC 3463 X.1.1). */
    public record UnknownLocal(String address) implements Destination {
    }

    /** Another domain: delivering there is relaying. */
    public record Remote(String domain) implements Destination {
    }

    private final Set<String> domains;
    private final Map<String, Account> users;
    private final Map<String, String> aliases;
    private final Map<String, List<String>> lists;

    private Accounts(Builder b) {
        this.domains = Collections.unmodifiableSet(new LinkedHashSet<>(b.domains));
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(b.aliases));
        this.lists = Collections.unmodifiableMap(new LinkedHashMap<>(b.lists));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The classroom defaults: domain example.test, alice/alice-pass and bob/bob-pass, postmaster, a list. */
    public static Accounts defaults() {
        return builder()
                .domain("example.test")
                .user("alice", "Alice Example", "alice-pass", true)
                .user("bob", "Bob Example", "bob-pass", true)
                .alias("postmaster", "alice")
                .list("class", List.of("alice", "bob"))
                .build();
    }

    public Set<String> domains() {
        return domains;
    }

    /** The first local domain, used in greetings and generated addresses. */
    public String primaryDomain() {
        return domains.iterator().next();
    }

    public boolean isLocalDomain(String domain) {
        return domains.contains(domain.toLowerCase(Locale.ROOT));
    }

    public Optional<Account> account(String user) {
        return Optional.ofNullable(users.get(user.toLowerCase(Locale.ROOT)));
    }

    public Map<String, Account> users() {
        return users;
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    public Map<String, List<String>> lists() {
        return lists;
    }

    /**
     * Checks a password for USER/PASS, PLAIN and LOGIN. The user may be given as a bare name or as a local
     * address. An unknown user costs as much time as a wrong password, so the answer leaks nothing.
     */
    @Override
    public boolean verifyPassword(String user, String password) {
        Optional<Account> account = account(stripLocalDomain(user));
        if (account.isEmpty()) {
            PasswordHash.verify(password, DummyHash.VALUE);
            return false;
        }
        return PasswordHash.verify(password, account.get().passwordHash());
    }

    /** The shared secret for APOP / CRAM-MD5, if the account allows those mechanisms. */
    @Override
    public Optional<String> sharedSecret(String user) {
        return account(stripLocalDomain(user)).map(Account::recoverableSecret);
    }

    /** The mailbox name for a login name ("alice" or "alice@example.test"), if it is a user here. */
    @Override
    public Optional<String> mailboxOf(String login) {
        return account(stripLocalDomain(login)).map(Account::name);
    }

    /** Resolves a recipient address (without angle brackets). Local parts are case-insensitive here. */
    public Destination resolve(String address) {
        int at = address.lastIndexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
        String domain = at < 0 ? primaryDomain() : address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!isLocalDomain(domain)) {
            return new Remote(domain);
        }
        List<String> expanded = expand(local, new LinkedHashSet<>());
        return expanded.isEmpty() ? new UnknownLocal(address) : new Local(expanded);
    }

    /** VRFY (RFC 5321 §3.5.1): the user's full name and address, if the string names a user or alias. */
    public Optional<String> verify(String query) {
        String local = stripLocalDomain(query.trim().replaceAll("^<|>$", "")).toLowerCase(Locale.ROOT);
        String user = aliases.getOrDefault(local, local);
        Account account = users.get(user);
        if (account == null) {
            return Optional.empty();
        }
        return Optional.of(account.fullName() + " <" + account.name() + "@" + primaryDomain() + ">");
    }

    /** EXPN (RFC 5321 §3.5.2): the members of a mailing list as "Full Name <address>". */
    public Optional<List<String>> expand(String listName) {
        String local = stripLocalDomain(listName.trim().replaceAll("^<|>$", "")).toLowerCase(Locale.ROOT);
        List<String> members = lists.get(local);
        if (members == null) {
            return Optional.empty();
        }
        List<String> shown = new ArrayList<>();
        for (String member : members) {
            shown.add(verify(member).orElse("<" + member + ">"));
        }
        return Optional.of(shown);
    }

    private List<String> expand(String local, Set<String> seen) {
        if (!seen.add(local)) {
            return List.of(); // a loop in aliases or lists
        }
        if (users.containsKey(local)) {
            return List.of(local);
        }
        if (aliases.containsKey(local)) {
            return expand(aliases.get(local), seen);
        }
        if (lists.containsKey(local)) {
            LinkedHashSet<String> all = new LinkedHashSet<>();
            for (String member : lists.get(local)) {
                all.addAll(expand(stripLocalDomain(member).toLowerCase(Locale.ROOT), seen));
            }
            return List.copyOf(all);
        }
        return List.of();
    }

    private String stripLocalDomain(String login) {
        int at = login.lastIndexOf('@');
        if (at >= 0 && isLocalDomain(login.substring(at + 1))) {
            return login.substring(0, at);
        }
        return login;
    }

    /**
     * What an unknown user's password is checked against, so that a wrong user name costs the same time as a wrong
     * password. Made at the first unknown name, not when the class loads: a full-strength hash is a tenth of a
     * second of a cold start.
     */
    private static final class DummyHash {
        static final String VALUE = PasswordHash.hash("not a password anyone has");
    }

    /** Builds {@link Accounts}. */
    public static final class Builder {
        private final Set<String> domains = new LinkedHashSet<>();
        private final Map<String, Account> users = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Map<String, List<String>> lists = new LinkedHashMap<>();

        public Builder domain(String domain) {
            domains.add(domain.toLowerCase(Locale.ROOT));
            return this;
        }

        /** A user from a clear password, hashed here; {@code allowSharedSecret} keeps it for APOP/CRAM-MD5. */
        public Builder user(String name, String fullName, String password, boolean allowSharedSecret) {
            return account(new Account(name.toLowerCase(Locale.ROOT), fullName, PasswordHash.hash(password),
                    allowSharedSecret ? password : null));
        }

        public Builder account(Account account) {
            users.put(account.name(), account);
            return this;
        }

        public Builder alias(String alias, String target) {
            aliases.put(alias.toLowerCase(Locale.ROOT), target.toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder list(String name, List<String> members) {
            lists.put(name.toLowerCase(Locale.ROOT), List.copyOf(members));
            return this;
        }

        public Accounts build() {
            if (domains.isEmpty()) {
                throw new IllegalStateException("at least one local domain is needed");
            }
            return new Accounts(this);
        }
    }
}
