package dev.mailbench.server.smtp;

import dev.mailbench.server.ClassPolicy;
import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;
import java.util.Optional;

/**
 * MAIL as a class's student sends it: the connection counts against the student (the authenticated user, or
 * the sender's local part when it is a student's, as a telnet lesson sends mail), and the student's messages of
 * the last minute are limited ({@code 451 4.7.1}). Others' mail goes straight to the command.
 */
final class StudentMail implements SmtpCommand {
    private final SmtpCommand command;

    StudentMail(SmtpCommand command) {
        this.command = command;
    }

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        ClassPolicy policy = connection.context().classPolicy();
        Session session = connection.session();
        Optional<PathArgument> path = PathArgument.parse(argument, "FROM", true).path();
        Optional<String> student = session.authenticatedUser().flatMap(policy::student)
                .or(() -> path.flatMap(p -> policy.student(p.address())));
        if (student.isEmpty() || path.isEmpty()) {
            return command.execute(connection, argument);
        }
        Optional<SmtpReply> over = countConnection(connection, student.get());
        if (over.isPresent()) {
            return over.get();
        }
        if (policy.messageOf(student.get()).isPresent()) {
            connection.note(student.get() + " has started " + policy.limits().messagesPerMinute()
                    + " messages in the last minute: this one must wait");
            return connection.reply(SmtpReplies.S451_STUDENT_RATE, "address", path.get().address(),
                    "user", student.get());
        }
        return command.execute(connection, argument);
    }

    /**
     * Counts the connection against the student the first time it says who it is; a student over the limit of
     * connections at once gets {@code 421 4.7.0}, and the connection closes.
     */
    static Optional<SmtpReply> countConnection(SmtpCommandContext connection, String student) {
        Session session = connection.session();
        if (session.student().isPresent()) {
            return Optional.empty();
        }
        ClassPolicy policy = connection.context().classPolicy();
        if (policy.connectionOf(student).isPresent()) {
            connection.note(student + " already has " + policy.limits().connectionsAtOnce()
                    + " connections open: closing this one");
            return Optional.of(connection.reply(SmtpReplies.S421_STUDENT_CONNECTIONS, "user", student));
        }
        session.countsAgainst(student);
        return Optional.empty();
    }
}
