package dev.mailbench.reproduce;

import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link Script} against a server through the client session a session tab uses (TLS upgrades, AUTH, DATA,
 * multi-line replies alike), printing the transcript as it grows and checking each {@code expect}.
 */
public final class ScriptRunner {

    /** After QUIT, how long the server has to close the connection (RFC 5321 §4.1.1.10, RFC 1939 §6). */
    private static final Duration CLOSE_AFTER_QUIT = Duration.ofSeconds(2);

    private final ClientOptions options;
    private final Consumer<String> out;

    /**
     * @param out receives the transcript as it grows, a line at a time, and each failed {@code expect}; called from
     *            the connection's thread too, so it must be thread-safe
     */
    public ScriptRunner(ClientOptions options, Consumer<String> out) {
        this.options = options;
        this.out = out;
    }

    public RunResult run(Script script, ServerAddress address) {
        return run(script, address, new Transcript());
    }

    /**
     * Runs a script recording into the caller's transcript, so that a window can follow it as it grows.
     *
     * @param transcript a new, empty transcript
     */
    public RunResult run(Script script, ServerAddress address, Transcript transcript) {
        ReplyWatcher watcher = new ReplyWatcher(address.protocol(), address.tlsMode() == TlsMode.IMPLICIT);
        transcript.addListener(watcher);
        transcript.addListener(new TranscriptPrinter(out));
        List<int[]> sent = new ArrayList<>(); // {line number, index of the first reply after it}
        List<String> commands = new ArrayList<>();
        List<RunResult.Failure> failures = new ArrayList<>();
        String error = null;
        try (ScriptClient client = ScriptClient.create(address, transcript, options)) {
            CountDownLatch ended = new CountDownLatch(1);
            client.onEnded(() -> {
                watcher.ended();
                ended.countDown();
            });
            sent.add(new int[] {0, 0});
            commands.add("(connect)");
            try {
                client.connect(address);
            } catch (IOException e) {
                error = e.getMessage(); // names host and port, and why (ConnectFailures)
            }
            int next = 0; // the reply the next expect checks
            for (ScriptStep step : error == null ? script.steps() : List.<ScriptStep>of()) {
                try {
                    if (step instanceof ScriptStep.Expect expect) {
                        Optional<SeenReply> reply = watcher.await(next, options.replyTimeout());
                        next++;
                        if (reply.isEmpty() || !expect.pattern().matches(reply.get())) {
                            RunResult.Failure failure = new RunResult.Failure(script.name(), step.lineNumber(),
                                    expect.pattern(), reply);
                            failures.add(failure);
                            out.accept("!! " + failure.message());
                        }
                    } else if (step instanceof ScriptStep.Wait wait) {
                        Thread.sleep(wait.duration().toMillis());
                    } else if (step instanceof ScriptStep.Raw raw) {
                        next = markSent(watcher, sent, commands, raw.lineNumber(), raw.text());
                        client.sendRaw(raw.bytes());
                    } else if (step instanceof ScriptStep.Send send) {
                        if (send.text().isEmpty() && !client.takesMessageText()) {
                            continue;
                        }
                        if (address.tlsMode() == TlsMode.STARTTLS && !client.isTls()
                                && client.carriesCredentials(send.text())) {
                            // the address asks for TLS: a password never crosses in clear text on the way to it
                            error = script.name() + ":" + send.lineNumber() + ": not sent: "
                                    + send.text().strip().split(" ")[0].toUpperCase(Locale.ROOT)
                                    + " before TLS, to a server given as " + address.scheme()
                                    + "://, would send the password in clear text; put "
                                    + (address.protocol() == MailProtocol.SMTP ? "STARTTLS (then EHLO again)" : "STLS")
                                    + " before it";
                            break;
                        }
                        boolean quit = client.isQuit(send.text());
                        next = markSent(watcher, sent, commands, send.lineNumber(), send.text());
                        client.send(send.text());
                        if (quit) {
                            ended.await(CLOSE_AFTER_QUIT.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    }
                } catch (ReplyTimeoutException e) {
                    error = script.name() + ":" + step.lineNumber() + ": no reply within "
                            + Durations.human(options.replyTimeout());
                } catch (ConnectionClosedException e) {
                    error = script.name() + ":" + step.lineNumber() + ": the connection ended"
                            + (watcher.inReply() ? " in the middle of a reply" : "") + " (" + e.getMessage() + ")";
                } catch (IOException e) {
                    error = script.name() + ":" + step.lineNumber() + ": " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = "interrupted";
                }
                if (error != null) {
                    break;
                }
            }
        }
        if (error != null) {
            out.accept("!! " + error);
        }
        List<SeenReply> replies = watcher.replies();
        List<RunResult.Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            int from = Math.min(sent.get(i)[1], replies.size());
            int to = i + 1 < sent.size() ? Math.min(sent.get(i + 1)[1], replies.size()) : replies.size();
            exchanges.add(new RunResult.Exchange(sent.get(i)[0], commands.get(i), replies.subList(from, to)));
        }
        return new RunResult(address, transcript.events(), exchanges, failures, Optional.ofNullable(error));
    }

    /** Notes a line about to be sent; the next {@code expect} checks the first reply after it. */
    private static int markSent(ReplyWatcher watcher, List<int[]> sent, List<String> commands, int lineNumber,
                                String text) {
        int first = watcher.count();
        sent.add(new int[] {lineNumber, first});
        commands.add(text);
        return first;
    }
}
