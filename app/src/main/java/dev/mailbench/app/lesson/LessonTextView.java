package dev.mailbench.app.lesson;

import java.util.ArrayList;
import java.util.List;

import dev.mailbench.lesson.LessonText;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A lesson's Markdown as the panel shows it: paragraphs that wrap, {@code code} and code blocks in the monospaced
 * font of the transcript, emphasis; list items with a bullet. Each paragraph's accessible text is its plain text,
 * which a screen reader reads (and a test).
 */
final class LessonTextView {

    private static final Parser PARSER = Parser.builder().build();

    private LessonTextView() {
    }

    /** The text as a column of paragraphs, with the style class {@code lesson-text}. */
    static VBox render(LessonText text) {
        VBox box = new VBox();
        box.getStyleClass().add("lesson-text");
        PARSER.parse(text.markdown()).accept(new Blocks(box.getChildren()));
        box.setAccessibleText(text.plain());
        return box;
    }

    /** Makes a node per block. */
    private static final class Blocks extends AbstractVisitor {
        private final List<Node> into;
        private String bullet = "";

        Blocks(List<Node> into) {
            this.into = into;
        }

        @Override
        public void visit(Paragraph paragraph) {
            Inlines inlines = new Inlines();
            if (!bullet.isEmpty()) {
                inlines.add(bullet, "lesson-run");
                bullet = "";
            }
            paragraph.accept(inlines);
            TextFlow flow = new TextFlow(inlines.runs.toArray(Node[]::new));
            flow.getStyleClass().add("lesson-paragraph");
            flow.setAccessibleRole(AccessibleRole.TEXT);
            flow.setAccessibleText(inlines.plain.toString());
            into.add(flow);
        }

        @Override
        public void visit(ListItem item) {
            bullet = "• ";
            visitChildren(item);
        }

        @Override
        public void visit(FencedCodeBlock block) {
            into.add(codeBlock(block.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            into.add(codeBlock(block.getLiteral()));
        }

        private static Label codeBlock(String literal) {
            Label code = new Label(literal.stripTrailing());
            code.getStyleClass().add("lesson-code-block");
            code.setWrapText(true);
            return code;
        }
    }

    /** Makes a run of text per inline. */
    private static final class Inlines extends AbstractVisitor {
        private final List<Node> runs = new ArrayList<>();
        private final StringBuilder plain = new StringBuilder();
        private String style = "lesson-run";

        void add(String text, String styleClass) {
            runs.add(LessonRuns.run(text, styleClass));
            plain.append(text);
        }

        @Override
        public void visit(Text text) {
            add(text.getLiteral(), style);
        }

        @Override
        public void visit(Code code) {
            add(code.getLiteral(), "lesson-code");
        }

        @Override
        public void visit(Emphasis emphasis) {
            String before = style;
            style = "lesson-emphasis";
            visitChildren(emphasis);
            style = before;
        }

        @Override
        public void visit(StrongEmphasis strong) {
            String before = style;
            style = "lesson-strong";
            visitChildren(strong);
            style = before;
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            add(" ", style);
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            add("\n", style);
        }
    }
}
