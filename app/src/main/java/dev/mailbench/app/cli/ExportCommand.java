package dev.mailbench.app.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import dev.mailbench.app.export.Handout;
import dev.mailbench.app.export.HtmlToPdf;
import dev.mailbench.app.export.LadderDrawing;
import dev.mailbench.app.export.LadderDrawings;
import dev.mailbench.app.ladder.LadderPng;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.ladder.LadderSvg;
import dev.mailbench.reproduce.ReproductionFormat;
import dev.mailbench.reproduce.Reproductions;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionProblem;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.ServerAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailbench export FILE.mbsession --as FORMAT [-o OUT]}: a saved session turned into a handout or into the
 * swaks, curl or openssl commands that reproduce it, for scripts and for people without a display. Exit 0 when
 * written, 1 when the session cannot be read or written, 2 on a usage error (an unknown format among them). A
 * session file with problems is still exported, with what could be read; the problems are printed on standard
 * error.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Turns a saved session (.mbsession) into a handout (html, pdf), its ladder (svg, png) or into "
                + "the commands that reproduce it (swaks, curl, openssl).",
            "With several connections, svg and png stack their ladders in one picture, in the order they were made.",
            "What a tool cannot express is named in a # comment. A password the file does not keep is written "
                + "as $MAILBENCH_PASSWORD, for you to set."})
public final class ExportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.mbsession", description = "the saved session")
    Path file;

    @Option(names = "--as", required = true, paramLabel = "FORMAT", converter = ExportFormat.Converter.class,
            completionCandidates = ExportFormat.Names.class,
            description = "what to write: ${COMPLETION-CANDIDATES}")
    ExportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "the file to write; without it, text goes to standard output and a PDF next to FILE")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("mailbench export: no such file: " + file);
            return 1;
        }
        SessionRecord session;
        try {
            session = SessionFile.read(file);
        } catch (IOException e) {
            LOG.warn("Cannot read the session {}", file, e);
            err.println("mailbench export: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        for (SessionProblem problem : session.problems()) {
            err.println("mailbench export: " + file + ": " + problem);
        }
        if (session.connections().isEmpty()) {
            err.println("mailbench export: " + file + " holds no connection to export");
            return 1;
        }
        try {
            byte[] written = render(session);
            if (output == null && format.isText()) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(new String(written, StandardCharsets.UTF_8));
                out.flush();
                return CommandLine.ExitCode.OK;
            }
            Path target = output != null ? output : beside(file, format);
            Files.write(target, written);
            err.println("mailbench export: wrote " + target);
            return CommandLine.ExitCode.OK;
        } catch (IOException e) {
            LOG.warn("Cannot export {} as {}", file, format.id(), e);
            err.println("mailbench export: cannot write " + format.id() + ": " + e.getMessage());
            return 1;
        }
    }

    private byte[] render(SessionRecord session) throws IOException {
        return switch (format) {
            case HTML -> handout(LadderDrawings.SVG).html(session).getBytes(StandardCharsets.UTF_8);
            case PDF -> {
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                // the PDF renderer reads no SVG: the ladder goes in as images, a page's worth of rows each
                HtmlToPdf.write(handout(LadderDrawings.PNG).html(session), pdf);
                yield pdf.toByteArray();
            }
            case SVG -> ladderSvg(session).getBytes(StandardCharsets.UTF_8);
            case PNG -> {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(ladderPng(session), "png", png);
                yield png.toByteArray();
            }
            case SWAKS -> commands(session, ReproductionFormat.SWAKS).getBytes(StandardCharsets.UTF_8);
            case CURL -> commands(session, ReproductionFormat.CURL).getBytes(StandardCharsets.UTF_8);
            case OPENSSL -> commands(session, ReproductionFormat.OPENSSL).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Handout handout(LadderDrawing ladder) {
        return new Handout(Catalogue.english(), ZoneId.systemDefault(), Theme.LIGHT, ladder);
    }

    private static final Pattern SIZE = Pattern.compile("<svg [^>]*?width=\"(\\d+)\" height=\"(\\d+)\"");

    /**
     * Every connection's ladder in one SVG document: one connection's is the ladder as drawn; several are stacked
     * from the top, each a nested {@code <svg>} whose marker ids carry the connection's number.
     */
    static String ladderSvg(SessionRecord session) {
        List<SessionConnection> connections = session.connections();
        if (connections.size() == 1) {
            SessionConnection only = connections.get(0);
            return LadderSvg.write(LadderDrawings.ladderOf(only), LadderDrawings.titleOf(only));
        }
        StringBuilder inner = new StringBuilder();
        int width = 0;
        int y = 0;
        for (int i = 0; i < connections.size(); i++) {
            SessionConnection connection = connections.get(i);
            String svg = LadderSvg.write(LadderDrawings.ladderOf(connection),
                    "Connection " + (i + 1) + ": " + LadderDrawings.titleOf(connection));
            svg = svg.substring(svg.indexOf("<svg "));
            Matcher size = SIZE.matcher(svg);
            if (!size.find()) {
                throw new IllegalStateException("a ladder without a size");
            }
            String prefix = "c" + (i + 1) + "-";
            inner.append("<svg y=\"").append(y).append('"').append(svg.substring(4)
                    .replace("id=\"head-", "id=\"" + prefix + "head-").replace("url(#head-", "url(#" + prefix + "head-"));
            width = Math.max(width, Integer.parseInt(size.group(1)));
            y += Integer.parseInt(size.group(2));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
                + " width=\"" + width + "\" height=\"" + y + "\" viewBox=\"0 0 " + width + " " + y + "\">\n"
                + inner + "</svg>\n";
    }

    /** Every connection's ladder in one image, stacked from the top as in {@link #ladderSvg}. */
    static BufferedImage ladderPng(SessionRecord session) {
        List<SessionConnection> connections = session.connections();
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            SessionConnection connection = connections.get(i);
            images.add(LadderPng.render(LadderDrawings.ladderOf(connection), (connections.size() > 1
                    ? "Connection " + (i + 1) + ": " : "") + LadderDrawings.titleOf(connection)));
        }
        if (images.size() == 1) {
            return images.get(0);
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage stacked = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stacked.createGraphics();
        try {
            int y = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, 0, y, null);
                y += image.getHeight();
            }
        } finally {
            g.dispose();
        }
        return stacked;
    }

    /**
     * Each connection of the session as the commands that reproduce it, one after the other; when there are several,
     * each under a comment naming it.
     */
    static String commands(SessionRecord session, ReproductionFormat format) {
        StringBuilder out = new StringBuilder();
        List<SessionConnection> connections = session.connections();
        for (int i = 0; i < connections.size(); i++) {
            SessionSettings settings = connections.get(i).settings();
            ServerAddress address = new ServerAddress(settings.host(), settings.port(), settings.protocol(),
                    settings.tlsMode());
            if (connections.size() > 1) {
                out.append(i == 0 ? "" : "\n").append("# ---- Connection ").append(i + 1).append(" of ")
                        .append(connections.size()).append(": ").append(address.toUri()).append(" ----\n");
            }
            out.append(Reproductions.render(format, connections.get(i).events(), address));
        }
        return out.toString();
    }

    /** {@code talk.mbsession} → {@code talk.pdf}, in the same directory. */
    static Path beside(Path session, ExportFormat format) {
        String name = session.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return session.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "." + format.id());
    }
}
