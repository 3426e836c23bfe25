import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends one message to a running practice server with Jakarta Mail's SMTP transport and reads it back with
 * its POP3 store: java -cp 'APP/lib/app/*' SmokeClient.java SMTP_PORT POP3_PORT
 */
public class SmokeClient {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", args[0]);
        props.put("mail.pop3.host", "127.0.0.1");
        props.put("mail.pop3.port", args[1]);
        Session session = Session.getInstance(props);

        String subject = "smoke test " + System.nanoTime();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("bob@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.test"));
        message.setSubject(subject);
        message.setText("sent by Jakarta Mail to the packaged practice server\n");
        Transport.send(message);
        System.out.println("sent: " + subject);

        Store store = session.getStore("pop3");
        store.connect("alice", "alice-pass");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        boolean found = false;
        for (Message m : inbox.getMessages()) {
            found |= subject.equals(m.getSubject());
        }
        inbox.close(false);
        store.close();
        if (!found) {
            throw new IllegalStateException("the message did not come back over POP3");
        }
        System.out.println("read back over POP3: " + subject);
    }
}
