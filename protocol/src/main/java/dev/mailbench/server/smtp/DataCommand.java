package dev.mailbench.server.smtp;

import dev.mailbench.server.Faults;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.DotStuffing;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import java.io.IOException;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DATA (RFC 5321 §4.1.1.4): after {@code 354}, the message text until a line holding a single dot, streamed
 * into the store with trace headers in front (§4.4), dot-stuffing undone (§4.5.2). {@code 250} is sent only
 * once the message is durable.
 *
 * <p>Only CRLF.CRLF ends the message. A bare LF or CR anywhere in the text (RFC 5321 §2.3.8 forbids them
 * outside CRLF) is how SMTP smuggling hides a second message behind a fake end of data that some servers
 * honour and others do not; here such a message is read to its real end and refused whole with
 * {@code 550 5.6.0}, as Postfix and Exim now do, so nothing behind a fake end is ever taken as commands or as
 * a message of its own.
 *
 * <p>A message over the SIZE limit ({@code 552 5.3.4}, RFC 1870 §6.3) or with a line over the line limit
 * ({@code 500 5.5.2}, RFC 5321 §4.5.3.1.6) is read to its end and discarded; a connection lost in the middle
 * leaves nothing behind.
 */
final class DataCommand implements SmtpCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);


    private enum Problem { BARE_LINE_ENDING, LINE_TOO_LONG, TOO_BIG, WRITE_FAILED }

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        if (!argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SmtpVerb.DATA.syntax());
        }
        Session session = connection.session();
        Envelope envelope = session.envelope().orElseThrow();
        SmtpServerContext context = connection.context();
        try {
            IncomingMessage message;
            try {
                message = IncomingMessage.begin(context.backend(), envelope);
            } catch (IOException e) {
                connection.note("The store cannot take the message: " + e.getMessage());
                LOG.warn("The store cannot take a message", e);
                return connection.reply(SmtpReplies.S451_LOCAL_ERROR);
            }
            try (message) {
                try {
                    String received = TraceHeaders.received(session, envelope, context.hostName(),
                            connection.personality().text(SmtpReplies.KEY_PREFIX + "received.software", connection.values()),
                            message.id(), ZonedDateTime.now());
                    message.writeCopyHeaders(TraceHeaders.returnPath(envelope),
                            TraceHeaders.heldFor(envelope.remoteAddresses()));
                    message.body().write(TraceHeaders.bytes(received));
                } catch (IOException e) {
                    connection.note("The store cannot take the message: " + e.getMessage());
                    LOG.warn("The store cannot take a message", e);
                    return connection.reply(SmtpReplies.S451_LOCAL_ERROR);
                }
                connection.send(connection.reply(SmtpReplies.S354_START_INPUT));
                Problem problem = receive(connection, message);
                return verdict(connection, message, problem);
            }
        } finally {
            // RFC 5321 §4.1.1.4: whatever the outcome, the transaction is over.
            session.endTransaction();
        }
    }

    /** Reads the text up to the end-of-data line, writing it to the message while nothing is wrong. */
    private Problem receive(SmtpCommandContext connection, IncomingMessage message) throws IOException {
        long max = connection.context().limits().maxMessageSize();
        Faults faults = connection.context().faults();
        MessageTextReader text = new MessageTextReader(connection);
        try {
            return receive(connection, message, text, max, faults);
        } finally {
            text.noteHidden();
        }
    }

    private Problem receive(SmtpCommandContext connection, IncomingMessage message, MessageTextReader text, long max,
                            Faults faults) throws IOException {
        Problem problem = null;
        long size = 0;
        boolean atLineStart = true;
        boolean first = true;
        while (true) {
            Line line = text.next();
            if (first && faults.dropConnectionMidData()) {
                message.abort();
                connection.messageInput().drop("Fault injected: connection dropped in the middle of DATA; the message is discarded");
                throw new ConnectionClosedException("connection dropped by an injected fault");
            }
            first = false;
            if (atLineStart && line.isTerminator()) {
                return problem;
            }
            if (line.has(LineIssue.UNTERMINATED)) {
                // The client left before the end of data: the message is incomplete and must not be delivered.
                throw new ConnectionClosedException("connection closed in the middle of DATA");
            }
            if (problem == null && (line.has(LineIssue.BARE_LF) || line.has(LineIssue.BARE_CR))) {
                problem = Problem.BARE_LINE_ENDING;
                connection.note("Bare CR or LF in the message text: a possible SMTP smuggling attempt; "
                        + "the message will be refused at its real end (CRLF.CRLF)");
            }
            if (problem == null && line.has(LineIssue.OVERLONG)) {
                problem = Problem.LINE_TOO_LONG;
            }
            // RFC 5321 §4.5.2: a leading dot is removed, but only at the start of a line (not of a split piece).
            byte[] octets = atLineStart ? DotStuffing.unstuff(line) : line.raw();
            size += octets.length;
            if (problem == null && max > 0 && size > max) {
                problem = Problem.TOO_BIG;
            }
            if (problem == null) {
                try {
                    message.body().write(octets);
                } catch (IOException e) {
                    connection.note("Writing the message failed: " + e.getMessage());
                    LOG.warn("Writing a message to the store failed", e);
                    problem = Problem.WRITE_FAILED;
                }
            }
            if (problem != null) {
                message.abort(); // stop writing; keep reading to the end of data
            }
            atLineStart = line.ending() != LineEnding.NONE;
        }
    }

    private SmtpReply verdict(SmtpCommandContext connection, IncomingMessage message, Problem problem) {
        if (problem != null) {
            return switch (problem) {
                case BARE_LINE_ENDING -> connection.reply(SmtpReplies.S550_BARE_LINE_ENDING_IN_DATA);
                case LINE_TOO_LONG -> connection.reply(SmtpReplies.S500_TEXT_LINE_TOO_LONG,
                        "max", Integer.toString(connection.context().limits().maxLineLength()));
                case TOO_BIG -> connection.reply(SmtpReplies.S552_TOO_BIG);
                case WRITE_FAILED -> connection.reply(SmtpReplies.S451_LOCAL_ERROR);
            };
        }
        int fault = connection.context().faults().dataTemporaryFailure();
        if (fault != 0) {
            message.abort();
            connection.note("Fault injected: temporary failure " + fault + " at the end of DATA; nothing delivered");
            return connection.reply(fault == 451 ? SmtpReplies.S451_LOCAL_ERROR : SmtpReplies.S452_INSUFFICIENT_STORAGE);
        }
        String id = message.id();
        try {
            message.commit();
        } catch (IOException e) {
            connection.note("The store could not make the message durable: " + e.getMessage());
            LOG.warn("The store could not make a message durable", e);
            return connection.reply(SmtpReplies.S451_LOCAL_ERROR);
        }
        connection.note("Delivered as " + id
                + (message.localUsers().isEmpty() ? "" : " to " + String.join(", ", message.localUsers()))
                + (message.isHeld() ? (message.localUsers().isEmpty() ? "" : ";") + " held in "
                        + RelayPolicy.OUTBOX_MAILBOX + " for the remote recipients" : ""));
        return connection.reply(SmtpReplies.S250_QUEUED, "id", id);
    }
}
