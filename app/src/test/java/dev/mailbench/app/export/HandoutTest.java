package dev.mailbench.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeColours;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The handout page: the ladder where one is given, the theme's colours, kinds in words for black and white. */
class HandoutTest {

    private static SessionRecord pop3Session() {
        Transcript transcript = new Transcript();
        for (String line : List.of("S+OK ready", "CUSER alice", "S+OK", "CPASS alice-pass", "S-ERR [AUTH] no")) {
            transcript.record(line.charAt(0) == 'C' ? Direction.CLIENT : Direction.SERVER,
                    (line.substring(1) + "\r\n").getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        }
        return SessionRecord.of(new SessionConnection(new SessionSettings(MailProtocol.POP3, "127.0.0.1", 1110,
                TlsMode.NONE, Optional.empty()), transcript), "test");
    }

    @Test
    void aLadderGivenIsPlacedAboveItsConnectionsTranscript() {
        String page = new Handout(Catalogue.english(), ZoneOffset.UTC, Theme.LIGHT,
                connection -> Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"ladder-"
                        + connection.settings().port() + "\"></svg>")).html(pop3Session());

        Document document = Jsoup.parse(page);
        assertThat(document.select("section.connection > div.ladder > svg#ladder-1110")).hasSize(1);
        assertThat(document.select("section.connection > div.ladder + table.transcript")).hasSize(1);
    }

    @Test
    void withoutALadderThePageHasNoPlaceForOneAndReadsInBlackAndWhite() {
        Document document = Jsoup.parse(new Handout(Catalogue.english(), ZoneOffset.UTC, Theme.LIGHT, LadderDrawing.NONE)
                .html(pop3Session()));

        assertThat(document.select("div.ladder")).isEmpty();
        assertThat(document.select("td.kind").eachText()).containsExactly("success", "client", "success", "client",
                "permanent");
        assertThat(document.select("td.line").eachText()).contains("C: PASS ••••••").noneMatch(l -> l.contains("alice-pass"));
        assertThat(document.select("h2").text()).isEqualTo("Connection 1: POP3 to 127.0.0.1:1110, no TLS, user alice");
        String css = document.select("style").html();
        assertThat(css).contains(".reply-5xx { color: " + ThemeColours.of(Theme.LIGHT).get("reply-5xx") + "; }",
                "tr.reply-5xx td.kind { border-left: 3px dotted", "tr.reply-2xx td.kind { border-left: 3px solid");
    }
}
