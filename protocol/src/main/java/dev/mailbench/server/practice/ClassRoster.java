package dev.mailbench.server.practice;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.PasswordHash;
import dev.mailbench.store.UserNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A class's accounts: one per student ({@code student01} … or the names of a list, made safe for a mailbox and
 * shown as given), each with a generated {@link ReadablePasswords readable password}, and the teacher's own
 * account, which is not a student's. Kept in the data directory's {@code class.csv}, readable by its owner only
 * (it holds the passwords the teacher prints); running a class again keeps every account it already has, with
 * its password and its mail.
 *
 * <pre>{@code
 * ClassRoster roster = ClassRoster.load(data).withStudents(ClassRoster.numbered(30), random);
 * roster.save(data);
 * ServerConfig config = roster.applyTo(data.loadOrCreateConfig());
 * }</pre>
 */
public final class ClassRoster {

    /** The teacher's account: not a student, so no student's limits apply to it. */
    public static final String TEACHER = "teacher";
    /** The mailing list every student belongs to (EXPN class, the lesson ehlo-and-help). */
    public static final String CLASS_LIST = "class";

    private static final String HEADER = "role,account,name,password,hash";
    /** Connections kept per student at least (each a transcript file), so that progress is not dropped. */
    static final int KEPT_PER_STUDENT = 150;
    static final long BYTES_PER_STUDENT = 2L * 1024 * 1024;

    /**
     * One account of the class.
     *
     * @param account  the mailbox name (also the login and the address's local part)
     * @param name     the name as the teacher gave it
     * @param password the generated password, in clear: the teacher prints it
     * @param hash     its salted hash ({@link PasswordHash}), kept so a start need not compute it again
     */
    public record Member(String account, String name, String password, String hash) {
        public Member {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(hash, "hash");
        }
    }

    private final Member teacher;
    private final List<Member> students;

    private ClassRoster(Member teacher, List<Member> students) {
        this.teacher = teacher;
        this.students = List.copyOf(students);
    }

    /** No class yet. */
    public static ClassRoster empty() {
        return new ClassRoster(null, List.of());
    }

    /** The students in order, without the teacher. */
    public List<Member> students() {
        return students;
    }

    /** The teacher's account, once the class has one. */
    public Optional<Member> teacher() {
        return Optional.ofNullable(teacher);
    }

    public boolean isEmpty() {
        return students.isEmpty();
    }

    /** The students' account names. */
    public Set<String> studentAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        students.forEach(student -> accounts.add(student.account()));
        return accounts;
    }

    /** {@code student01} … {@code studentNN} (two digits at least, more for a class of a hundred or more). */
    public static List<String> numbered(int count) {
        if (count < 1 || count > 999) {
            throw new IllegalArgumentException("a class has 1 to 999 students: " + count);
        }
        int digits = Math.max(2, String.valueOf(count).length());
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("student" + String.format(Locale.ROOT, "%0" + digits + "d", i));
        }
        return names;
    }

    /**
     * The students' names in a CSV file: the first field of each line, one student a line; blank lines and a
     * header line ({@code name}, {@code student}) are skipped. Quotes as RFC 4180 §2 has them.
     */
    public static List<String> namesFromCsv(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line0 = line.startsWith("\uFEFF") ? line.substring(1) : line;
            List<String> fields = csvFields(line0);
            String name = fields.isEmpty() ? "" : fields.get(0).strip();
            if (name.isEmpty() || names.isEmpty() && List.of("name", "student", "names", "students")
                    .contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IOException(file + " names no student (one name a line)");
        }
        return names;
    }

    /**
     * A name made safe for a mailbox: accents dropped, lower case, anything but letters and digits a dot
     * ({@code "María José O'Neil"} → {@code maria.jose.o.neil}); {@code student} when nothing is left.
     */
    public static String mailboxName(String given) {
        String plain = Normalizer.normalize(given, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String safe = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (safe.length() > 40) {
            safe = safe.substring(0, 40).replaceAll("\\.+$", "");
        }
        return safe.isEmpty() ? "student" : safe;
    }

    /**
     * This roster with an account for each name not in it yet (by name as given, then by account); the accounts
     * it has keep their passwords. A name whose mailbox name is taken gets a number ({@code ana.2}). The teacher's
     * account is made on the first call.
     */
    public ClassRoster withStudents(List<String> names, SecureRandom random) {
        ReadablePasswords passwords = new ReadablePasswords(random);
        Member newTeacher = teacher != null ? teacher : member(TEACHER, "Teacher", passwords.next());
        List<Member> all = new ArrayList<>(students);
        Set<String> taken = new LinkedHashSet<>(List.of(TEACHER, CLASS_LIST, "postmaster"));
        Set<String> givenNames = new LinkedHashSet<>();
        for (Member student : students) {
            taken.add(student.account());
            givenNames.add(student.name());
        }
        for (String name : names) {
            if (givenNames.contains(name)) {
                continue;   // already in the class: keeps its account, password and mail
            }
            String base = mailboxName(name);
            String account = base;
            for (int n = 2; taken.contains(account); n++) {
                account = base + "." + n;
            }
            taken.add(account);
            givenNames.add(name);
            all.add(member(account, name, passwords.next()));
        }
        return new ClassRoster(newTeacher, all);
    }

    private static Member member(String account, String name, String password) {
        return new Member(UserNames.canonical(account), name, password, PasswordHash.hashGenerated(password));
    }

    /**
     * The configuration with the class in it: the teacher's and the students' accounts beside those it has (an
     * account of the same name is replaced), the list {@code class} of the students, and the students as the
     * accounts the class's limits apply to; at least {@link #KEPT_PER_STUDENT} transcripts kept per student, the
     * record of their progress.
     */
    public ServerConfig applyTo(ServerConfig config) {
        if (teacher == null) {
            return config;
        }
        Accounts existing = config.accounts();
        Accounts.Builder accounts = Accounts.builder();
        existing.domains().forEach(accounts::domain);
        existing.users().values().forEach(accounts::account);
        // APOP and CRAM-MD5 work too: the password is kept in clear in class.csv anyway, for the teacher's sheet.
        accounts.account(new Accounts.Account(teacher.account(), teacher.name(), teacher.hash(), teacher.password()));
        for (Member student : students) {
            accounts.account(new Accounts.Account(student.account(), student.name(), student.hash(), student.password()));
        }
        existing.aliases().forEach(accounts::alias);
        existing.lists().forEach(accounts::list);
        accounts.list(CLASS_LIST, List.copyOf(studentAccounts()));
        // progress is read from the kept transcripts: keep enough of them for a whole class's afternoon
        TranscriptRetention kept = config.transcripts();
        TranscriptRetention forClass = new TranscriptRetention(Math.max(kept.keep(), KEPT_PER_STUDENT * students.size()),
                Math.max(kept.maxBytes(), BYTES_PER_STUDENT * students.size()));
        return config.withAccounts(accounts.build()).withClassroom(config.classroom().withStudents(studentAccounts()))
                .withTranscripts(kept.enabled() ? forClass : kept);
    }

    /** The roster kept in the data directory; an empty one when there is none. */
    public static ClassRoster load(DataDirectory data) throws IOException {
        Path file = data.classFile();
        if (!Files.exists(file)) {
            return empty();
        }
        Member teacher = null;
        List<Member> students = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            List<String> f = csvFields(line);
            if (f.size() < 4) {
                throw new IOException(file + ":" + (i + 1) + ": expected " + HEADER);
            }
            String hash = f.size() > 4 && PasswordHash.looksLikeHash(f.get(4)) ? f.get(4) : PasswordHash.hashGenerated(f.get(3));
            Member member = new Member(UserNames.canonical(f.get(1)), f.get(2), f.get(3), hash);
            if (f.get(0).equals(TEACHER)) {
                teacher = member;
            } else {
                students.add(member);
            }
        }
        return new ClassRoster(teacher, students);
    }

    /**
     * Writes the roster to the data directory, readable and writable by its owner only (POSIX {@code 0600}):
     * written beside and moved into place in one step, so a crash leaves the old file or the new one.
     */
    public void save(DataDirectory data) throws IOException {
        Files.createDirectories(data.root());
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        if (teacher != null) {
            text.append(row(TEACHER, teacher));
        }
        students.forEach(student -> text.append(row("student", student)));
        // createTempFile makes the file readable by its owner only on POSIX systems.
        Path temporary = Files.createTempFile(data.root(), DataDirectory.CLASS_FILE, ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            ownerOnly(temporary);
            Files.move(temporary, data.classFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Starts the class over: its roster, the students' and the teacher's mailboxes, and the kept transcripts (the
     * students' progress) are deleted. The configuration and the other accounts stay.
     *
     * @return what was deleted, in words
     */
    public static List<String> reset(DataDirectory data) throws IOException {
        ClassRoster roster = load(data);
        List<String> deleted = new ArrayList<>();
        List<String> accounts = new ArrayList<>(roster.studentAccounts());
        roster.teacher().ifPresent(t -> accounts.add(t.account()));
        for (String account : accounts) {
            Path mailbox = data.mailStore().resolve(account);
            if (Files.exists(mailbox)) {
                deleteTree(mailbox);
                deleted.add("mailbox " + account);
            }
        }
        if (Files.exists(data.transcripts())) {
            deleteTree(data.transcripts());
            deleted.add("the kept transcripts");
        }
        if (Files.deleteIfExists(data.classFile())) {
            deleted.add(DataDirectory.CLASS_FILE + " (" + roster.students().size() + " accounts)");
        }
        return deleted;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String row(String role, Member member) {
        return String.join(",", role, member.account(), csv(member.name()), member.password(), member.hash()) + "\n";
    }

    /** A CSV field, quoted when it needs to be (RFC 4180 §2). */
    public static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** The fields of one CSV line (RFC 4180 §2: quoted fields, "" for a quote inside). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
