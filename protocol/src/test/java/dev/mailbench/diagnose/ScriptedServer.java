package dev.mailbench.diagnose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A server made in the test: each connection is handed to a script on a thread of its own. Scripts write exactly
 * the bytes they mean (a bare LF included) and read the client's lines.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server does with one connection. */
    interface Script {
        void run(Connection connection) throws IOException;
    }

    /** One connection as a script sees it. */
    static final class Connection {
        final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
        }

        /** Sends {@code text} exactly as given. */
        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The client's next line, or null at the end. */
        String read() throws IOException {
            return in.readLine();
        }

        /** The next command's verb, upper-cased, with the line kept in {@link #last}; null at the end. */
        String verb() throws IOException {
            last = read();
            if (last == null) {
                return null;
            }
            String word = last.split("[ :]")[0];
            return word.toUpperCase(Locale.ROOT);
        }

        String last;
    }

    private final ServerSocket listener;
    private final Thread acceptor;

    ScriptedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (IOException closed) {
                    return;
                }
                Thread connection = new Thread(() -> {
                    try (socket) {
                        script.run(new Connection(socket));
                    } catch (IOException e) {
                        // the client went away: the script's business ends there
                    }
                }, "scripted-connection");
                connection.setDaemon(true);
                connection.start();
            }
        }, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
