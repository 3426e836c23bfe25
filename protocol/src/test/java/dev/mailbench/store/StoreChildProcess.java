package dev.mailbench.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.file.Path;
import java.util.List;

/**
 * A second process working on the same store, for {@link CrossProcessTest}: {@code hold-lock} keeps a
 * POP3 session open until its standard input closes; {@code crash-mid-delivery} dies without warning
 * halfway through a delivery.
 */
public final class StoreChildProcess {

    private StoreChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        MailStore store = MailStore.open(Path.of(args[1]));
        String user = args[2];
        switch (mode) {
            case "hold-lock" -> {
                try (MailboxSession session = store.openForPop3(user)) {
                    System.out.println("LOCKED " + session.messageCount());
                    System.out.flush();
                    while (System.in.read() != -1) {
                        // wait until the parent closes our standard input
                    }
                }
            }
            case "crash-mid-delivery" -> {
                Delivery delivery = store.beginDelivery(List.of(user, "bob"));
                delivery.body().write("Subject: cut off\r\n\r\nhalf of the".getBytes(US_ASCII));
                delivery.body().flush();
                System.out.println("WRITTEN " + delivery.uniqueName());
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }
}
