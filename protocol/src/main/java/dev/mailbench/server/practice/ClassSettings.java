package dev.mailbench.server.practice;

import dev.mailbench.server.StudentLimits;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The practice server in class mode: which accounts are students' ({@link ClassRoster}), and what each may use.
 *
 * @param students the students' account names, in the class's order; empty when the server is not serving a class
 * @param limits   what each student may use ({@code class.*} keys of {@code server.properties})
 */
public record ClassSettings(Set<String> students, StudentLimits limits) {

    /** Not a class: no students. */
    public static final ClassSettings NONE = new ClassSettings(Set.of(), StudentLimits.DEFAULTS);

    public ClassSettings {
        students = Collections.unmodifiableSet(new LinkedHashSet<>(students));   // in the class's order
        Objects.requireNonNull(limits, "limits");
    }

    public boolean isClass() {
        return !students.isEmpty();
    }

    public ClassSettings withStudents(Set<String> names) {
        return new ClassSettings(names, limits);
    }
}
