package dev.mailbench.diagnose;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS server on a loopback UDP port of its own, answering from a fixed list of records: what the test put in it,
 * NXDOMAIN for the names it was told do not exist, an empty answer for anything else.
 */
final class LoopbackDns implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<Record> records;
    private final Set<Name> missing;
    /** Every question asked, as "name type", in order. */
    final List<String> questions = new CopyOnWriteArrayList<>();

    LoopbackDns(List<Record> records, Set<Name> missing) throws IOException {
        this.records = List.copyOf(records);
        this.missing = Set.copyOf(missing);
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "loopback-dns");
        thread.setDaemon(true);
        thread.start();
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                questions.add(question.getName() + " " + Type.string(question.getType()));
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.addRecord(question, Section.QUESTION);
                if (missing.contains(question.getName())) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                List<Record> found = new ArrayList<>();
                for (Record record : records) {
                    if (record.getName().equals(question.getName()) && record.getType() == question.getType()) {
                        found.add(record);
                    }
                }
                found.forEach(record -> answer.addRecord(record, Section.ANSWER));
                byte[] wire = answer.toWire(512);
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
