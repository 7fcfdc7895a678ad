package vn.parsipas.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.ConfigProvider;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) in the test JVM, on the port the service's mailer is configured with. */
public final class Mailbox {
    private static GreenMail server;

    private Mailbox() {
    }

    /** A received message, decoded: its subject, recipients, plain text and HTML parts. */
    public record Mail(String subject, List<String> to, String text, String html) {
    }

    public static synchronized void start() {
        start(ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class));
    }

    /** The port of the running server, started on a free port if needed (replicas outside the test's Quarkus app). */
    public static synchronized int port() {
        if (server == null) {
            start(Replicas.freePort());
        }
        return server.getSmtp().getPort();
    }

    private static synchronized void start(int port) {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Every message received so far addressed to {@code address}. */
    public static synchronized List<Mail> to(String address) {
        if (server == null) {
            start();
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .map(Mailbox::decode)
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail decode(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    var part = multipart.getBodyPart(i);
                    if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                        for (int j = 0; j < inner.getCount(); j++) {
                            var alternative = inner.getBodyPart(j);
                            if (alternative.isMimeType("text/plain")) {
                                text = (String) alternative.getContent();
                            } else if (alternative.isMimeType("text/html")) {
                                html = (String) alternative.getContent();
                            }
                        }
                    } else if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = GreenMailUtil.getBody(message);
            }
            return new Mail(message.getSubject(), recipients(message), text, html);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
