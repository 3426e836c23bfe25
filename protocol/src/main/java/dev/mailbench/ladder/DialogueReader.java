package dev.mailbench.ladder;

import dev.mailbench.explain.LineClass;
import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3LineReading;
import dev.mailbench.pop3.Pop3Turn;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.smtp.SmtpLineReading;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpTurn;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TranscriptEvent;

/** A protocol's dialogue reader, read for what a ladder draws. */
interface DialogueReader {

    Reading read(TranscriptEvent event);

    static DialogueReader of(MailProtocol protocol, boolean implicitTls) {
        return protocol == MailProtocol.SMTP ? new Smtp(new SmtpDialogue(implicitTls)) : new Pop3(new Pop3Dialogue(implicitTls));
    }

    /** RFC 5321 as {@link SmtpDialogue} reads it. */
    final class Smtp implements DialogueReader {
        private final SmtpDialogue dialogue;
        private boolean inReply;

        Smtp(SmtpDialogue dialogue) {
            this.dialogue = dialogue;
        }

        @Override
        public Reading read(TranscriptEvent event) {
            SmtpLineReading reading = dialogue.accept(event);
            return switch (reading.role()) {
                case NOTE -> Reading.of(Reading.Part.NOTE);
                case PARTIAL -> Reading.command(Reading.Part.PARTIAL, SmtpVerb.firstWord(event.line()));
                case COMMAND -> Reading.command(Reading.Part.COMMAND, verb(SmtpVerb.firstWord(event.line())));
                case AUTH_RESPONSE -> Reading.command(Reading.Part.AUTH_RESPONSE, SmtpVerb.AUTH.keyword());
                case MESSAGE_TEXT -> Reading.of(Reading.Part.MESSAGE_TEXT);
                case END_OF_DATA -> Reading.of(Reading.Part.END_OF_MESSAGE);
                case REPLY -> reply(event, reading);
            };
        }

        /** The verb as written on the wire when the word is one ({@code X-EXPS}), else the word itself. */
        private static String verb(String word) {
            return SmtpVerb.of(word).map(SmtpVerb::keyword).orElse(word);
        }

        private Reading reply(TranscriptEvent event, SmtpLineReading reading) {
            boolean start = reading.replyStart() || !inReply;
            inReply = !reading.completesReply();
            SmtpTurn turn = reading.answers();
            long answers = turn == null ? Reading.UNSOLICITED
                    : turn.kind() == SmtpTurn.Kind.CONNECTION ? Reading.CONNECTION : turn.sequence();
            SmtpReply reply = reading.reply();
            String code = "";
            LineClass lineClass = LineClass.MALFORMED;
            if (reply != null) {
                code = reply.isMalformed() ? leadingWord(event.line())
                        : reply.code() + reply.enhancedStatus().map(status -> " " + status).orElse("");
                lineClass = reply.isMalformed() ? LineClass.MALFORMED : LineClass.ofSmtpCode(reply.code());
            }
            return new Reading(start ? Reading.Part.REPLY_START : Reading.Part.REPLY_MORE, "", answers,
                    reply != null, code, lineClass, reply != null && dialogue.tlsDue());
        }
    }

    /** RFC 1939 as {@link Pop3Dialogue} reads it. */
    final class Pop3 implements DialogueReader {
        private final Pop3Dialogue dialogue;
        private boolean inResponse;
        private String status = "";
        private LineClass statusClass = LineClass.MALFORMED;

        Pop3(Pop3Dialogue dialogue) {
            this.dialogue = dialogue;
        }

        @Override
        public Reading read(TranscriptEvent event) {
            Pop3LineReading reading = dialogue.accept(event);
            return switch (reading.role()) {
                case NOTE -> Reading.of(Reading.Part.NOTE);
                case PARTIAL -> Reading.command(Reading.Part.PARTIAL, Pop3Verb.firstWord(event.line()));
                case COMMAND -> Reading.command(Reading.Part.COMMAND, Pop3Verb.firstWord(event.line()));
                case AUTH_RESPONSE -> Reading.command(Reading.Part.AUTH_RESPONSE, Pop3Verb.AUTH.keyword());
                case STATUS, RESPONSE_TEXT, RESPONSE_END -> response(event, reading);
            };
        }

        private Reading response(TranscriptEvent event, Pop3LineReading reading) {
            boolean start = !inResponse;
            if (start) {
                status = leadingWord(event.line());
                statusClass = LineClass.MALFORMED;
            }
            if (reading.status() != null) {
                status = reading.status().status().indicator()
                        + reading.status().code().map(code -> " [" + code + "]").orElse("");
                statusClass = LineClass.ofPop3Status(reading.status().status());
            }
            boolean completes = reading.completesResponse();
            inResponse = !completes;
            Pop3Turn turn = reading.answers();
            long answers = turn == null ? Reading.UNSOLICITED
                    : turn.kind() == Pop3Turn.Kind.CONNECTION ? Reading.CONNECTION : turn.sequence();
            // a response cut short or whose text breaks its rules is not one to trust (RFC 1939 §3, §5)
            LineClass lineClass = completes && dialogue.malformedResponse().isPresent() ? LineClass.MALFORMED : statusClass;
            return new Reading(start ? Reading.Part.REPLY_START : Reading.Part.REPLY_MORE, "", answers, completes,
                    completes ? status : "", lineClass, completes && dialogue.tlsDue());
        }
    }

    /** The first word of a line, for a reply whose code cannot be trusted ({@code 250OK}). */
    private static String leadingWord(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        return word.length() > 12 ? word.substring(0, 12) + "…" : word;
    }
}
