package dev.mailbench.lesson;

import dev.mailbench.wire.MailProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Reads a lesson file: CommonMark, parsed by commonmark-java, in this shape (the README's "Writing a lesson"):
 *
 * <pre>
 * # Title
 * ```lesson
 * id: first-smtp
 * level: beginner
 * protocols: SMTP, POP3
 * minutes: 20
 * walkthrough: 000 fig. 3, 003
 * ```
 * Introduction …
 * ## A step's title
 * Instructions …
 * ```check
 * sent: HELO
 * ```
 * ### Hint            (up to three)
 * ### What you just saw
 * </pre>
 *
 * A translation ({@code first-smtp_de.md}) has the same headings (the two {@code ###} headings stay in English:
 * they are structure, not text) and may leave out the {@code lesson} and {@code check} blocks: those are data and
 * come from the English file; any text it leaves out is taken from English too.
 */
public final class LessonParser {

    static final String LESSON_BLOCK = "lesson";
    static final String CHECK_BLOCK = "check";
    static final String HINT = "Hint";
    static final String SEEN = "What you just saw";
    static final List<String> FIELDS = List.of("id", "level", "protocols", "minutes", "walkthrough");

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private LessonParser() {
    }

    /** The id a lesson file's name gives: {@code first-smtp.md} and {@code first-smtp_de.md} are {@code first-smtp}. */
    public static String idOf(String fileName) {
        String name = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        int underscore = name.indexOf('_');
        return underscore > 0 ? name.substring(0, underscore) : name;
    }

    /** Reads an English (base) lesson file. */
    public static ParsedLesson parse(String fileName, String text) {
        Reader reader = new Reader(fileName, text, false);
        reader.read();
        return reader.result();
    }

    /**
     * Reads {@code english} and its translation: the translated text where it has some, English elsewhere. A
     * problem in the translation is reported (with the translation's file name) and the English lesson kept.
     */
    public static ParsedLesson parse(String fileName, String text, String translationName, String translation) {
        ParsedLesson base = parse(fileName, text);
        if (base.isBroken()) {
            return base;
        }
        Reader reader = new Reader(translationName, translation, true);
        reader.read();
        Lesson english = base.lesson().orElseThrow();
        List<LessonProblem> problems = new ArrayList<>(reader.problems);
        if (reader.steps.size() > english.steps().size()) {
            problems.add(new LessonProblem(translationName, reader.steps.get(english.steps().size()).line,
                    "the translation has " + reader.steps.size() + " steps, the English lesson "
                            + english.steps().size()));
        }
        if (!problems.isEmpty()) {
            return new ParsedLesson(base.id(), base.lesson(), problems);
        }
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 0; i < english.steps().size(); i++) {
            LessonStep step = english.steps().get(i);
            if (i >= reader.steps.size()) {
                steps.add(step);
                continue;
            }
            StepDraft t = reader.steps.get(i);
            List<LessonText> hints = new ArrayList<>();
            for (int h = 0; h < step.hints().size(); h++) {
                hints.add(h < t.hints.size() ? t.hints.get(h).or(step.hints().get(h)) : step.hints().get(h));
            }
            steps.add(new LessonStep(t.title.isEmpty() ? step.title() : t.title, t.instructions.or(step.instructions()),
                    hints, step.check(), t.seen.or(step.seen()), step.needs(), step.line()));
        }
        return new ParsedLesson(base.id(), Optional.of(new Lesson(english.id(),
                reader.title.isEmpty() ? english.title() : reader.title, english.level(), english.protocols(),
                english.minutes(), english.walkthrough(), reader.introduction.or(english.introduction()), steps)),
                List.of());
    }

    /** A step as it is being read. */
    private static final class StepDraft {
        final String title;
        final int line;
        LessonText instructions = LessonText.EMPTY;
        final List<LessonText> hints = new ArrayList<>();
        LessonText seen = LessonText.EMPTY;
        CheckParser check;

        StepDraft(String title, int line) {
            this.title = title;
            this.line = line;
        }
    }

    /** Where the blocks being read go. */
    private enum Section { PREAMBLE, INTRODUCTION, INSTRUCTIONS, HINT, SEEN }

    private static final class Reader {
        private final String file;
        private final String[] lines;
        private final boolean translation;
        private final List<LessonProblem> problems = new ArrayList<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, Integer> fieldLines = new LinkedHashMap<>();
        private final List<StepDraft> steps = new ArrayList<>();
        private String title = "";
        private int lessonBlockLine;
        private LessonText introduction = LessonText.EMPTY;
        private Section section = Section.PREAMBLE;
        private final List<Node> pending = new ArrayList<>();

        Reader(String file, String text, boolean translation) {
            this.file = file;
            this.lines = text.split("\r?\n", -1);
            this.translation = translation;
        }

        void problem(int line, String message) {
            problems.add(new LessonProblem(file, line, message));
        }

        void read() {
            Node document = PARSER.parse(String.join("\n", lines));
            for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
                block(node);
            }
            flush();
        }

        private void block(Node node) {
            int line = lineOf(node);
            if (node instanceof Heading heading) {
                String text = PLAIN.render(heading).strip();
                switch (heading.getLevel()) {
                    case 1 -> {
                        flush();
                        if (!title.isEmpty() || !steps.isEmpty()) {
                            problem(line, "a lesson has one title (# heading); this one is a second");
                        }
                        title = text;
                        section = Section.INTRODUCTION;
                    }
                    case 2 -> {
                        flush();
                        steps.add(new StepDraft(text, line));
                        section = Section.INSTRUCTIONS;
                    }
                    case 3 -> {
                        flush();
                        if (steps.isEmpty()) {
                            problem(line, "\"### " + text + "\" comes before the first step (## heading)");
                        } else if (text.equalsIgnoreCase(HINT)) {
                            section = Section.HINT;
                            StepDraft step = steps.get(steps.size() - 1);
                            if (step.hints.size() == LessonStep.MAX_HINTS) {
                                problem(line, "a step has at most " + LessonStep.MAX_HINTS + " hints");
                            }
                            step.hints.add(LessonText.EMPTY);
                        } else if (text.equalsIgnoreCase(SEEN)) {
                            section = Section.SEEN;
                        } else {
                            problem(line, "unknown section \"### " + text + "\" (a step has \"### " + HINT
                                    + "\" and \"### " + SEEN + "\")");
                        }
                    }
                    default -> pending.add(node);
                }
                return;
            }
            if (node instanceof FencedCodeBlock code && code.getInfo() != null) {
                String info = code.getInfo().strip().toLowerCase(Locale.ROOT);
                if (info.equals(LESSON_BLOCK)) {
                    flush();
                    lessonBlock(code, line);
                    return;
                }
                if (info.equals(CHECK_BLOCK)) {
                    flush();
                    checkBlock(code, line);
                    return;
                }
            }
            if (section == Section.PREAMBLE) {
                problem(line, "text before the title: a lesson starts with its title (# heading)");
                section = Section.INTRODUCTION;
            }
            pending.add(node);
        }

        private void lessonBlock(FencedCodeBlock code, int line) {
            if (lessonBlockLine > 0) {
                problem(line, "a second lesson block; the first is at line " + lessonBlockLine);
                return;
            }
            lessonBlockLine = line;
            String[] body = code.getLiteral().split("\n", -1);
            for (int i = 0; i < body.length; i++) {
                String text = body[i].strip();
                int at = line + 1 + i;
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int colon = text.indexOf(':');
                String key = colon < 0 ? text : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (colon < 0 || !FIELDS.contains(key)) {
                    problem(at, "unknown field \"" + key + "\" (a lesson block has " + String.join(", ", FIELDS) + ")");
                } else if (fields.containsKey(key)) {
                    problem(at, "field " + key + " given twice");
                } else {
                    fields.put(key, text.substring(colon + 1).strip());
                    fieldLines.put(key, at);
                }
            }
        }

        private void checkBlock(FencedCodeBlock code, int line) {
            if (steps.isEmpty()) {
                problem(line, "a check block before the first step (## heading)");
                return;
            }
            StepDraft step = steps.get(steps.size() - 1);
            if (step.check != null) {
                problem(line, "a second check block in step \"" + step.title + "\"");
                return;
            }
            step.check = new CheckParser(this::problem);
            String[] body = code.getLiteral().split("\n", -1);
            for (int i = 0; i < body.length; i++) {
                step.check.line(body[i], line + 1 + i);
            }
        }

        /** The blocks read since the last heading or data block become the text of the current section. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            int first = lineOf(pending.get(0));
            Node lastNode = pending.get(pending.size() - 1);
            List<SourceSpan> spans = lastNode.getSourceSpans();
            int last = spans.isEmpty() ? first : spans.get(spans.size() - 1).getLineIndex() + 1;
            pending.clear();
            StringBuilder text = new StringBuilder();
            for (int i = first; i <= last && i <= lines.length; i++) {
                text.append(lines[i - 1]).append('\n');
            }
            LessonText read = new LessonText(text.toString());
            StepDraft step = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            switch (section) {
                case PREAMBLE, INTRODUCTION -> introduction = new LessonText(introduction.markdown() + "\n\n" + read.markdown());
                case INSTRUCTIONS -> step.instructions = new LessonText(step.instructions.markdown() + "\n\n" + read.markdown());
                case HINT -> step.hints.set(step.hints.size() - 1, read);
                case SEEN -> step.seen = read;
            }
        }

        private static int lineOf(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
        }

        ParsedLesson result() {
            String id = idOf(file);
            if (title.isEmpty()) {
                problem(1, "missing field: the title (a # heading)");
            }
            for (String field : FIELDS) {
                if (!fields.containsKey(field) || fields.get(field).isEmpty()) {
                    problem(lessonBlockLine > 0 ? lessonBlockLine : 1, "missing field " + field
                            + (lessonBlockLine > 0 ? " in the lesson block" : " (no lesson block)"));
                }
            }
            if (fields.containsKey("id") && !fields.get("id").isEmpty() && !fields.get("id").equals(id)) {
                problem(fieldLines.get("id"), "id " + fields.get("id") + " is not the file's name, " + id);
            }
            Lesson.Level level = null;
            if (fields.containsKey("level")) {
                try {
                    level = Lesson.Level.valueOf(fields.get("level").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem(fieldLines.get("level"), "bad level \"" + fields.get("level")
                            + "\" (beginner, intermediate or advanced)");
                }
            }
            List<MailProtocol> protocols = new ArrayList<>();
            if (fields.containsKey("protocols")) {
                for (String p : fields.get("protocols").split("\\s*,\\s*")) {
                    try {
                        protocols.add(MailProtocol.valueOf(p.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        problem(fieldLines.get("protocols"), "unknown protocol \"" + p + "\" (SMTP, POP3)");
                    }
                }
            }
            int minutes = 0;
            if (fields.containsKey("minutes")) {
                String m = fields.get("minutes");
                if (m.matches("[1-9]\\d{0,2}")) {
                    minutes = Integer.parseInt(m);
                } else {
                    problem(fieldLines.get("minutes"), "bad number of minutes \"" + m + "\"");
                }
            }
            if (steps.isEmpty()) {
                problem(Math.max(1, lines.length), "missing field: the lesson has no step (## heading)");
            }
            List<LessonStep> built = new ArrayList<>();
            for (StepDraft step : steps) {
                if (step.check == null) {
                    problem(step.line, "missing field: step \"" + step.title + "\" has no check block");
                } else if (step.check.conditions().isEmpty() && !step.check.problemFound()) {
                    problem(step.line, "missing field: the check block of step \"" + step.title
                            + "\" checks nothing");
                } else if (!step.check.conditions().isEmpty()) {
                    built.add(new LessonStep(step.title, step.instructions, step.hints,
                            new Check(step.check.conditions()), step.seen, step.check.needs(), step.line));
                }
                if (step.instructions.isEmpty()) {
                    problem(step.line, "missing field: step \"" + step.title + "\" has no instructions");
                }
            }
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            if (!problems.isEmpty()) {
                return new ParsedLesson(id, Optional.empty(), problems);
            }
            return new ParsedLesson(id, Optional.of(new Lesson(id, title, level, protocols, minutes,
                    fields.get("walkthrough"), introduction, built)), List.of());
        }
    }
}
