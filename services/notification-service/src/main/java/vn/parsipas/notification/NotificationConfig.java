package vn.parsipas.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.notification")
public interface NotificationConfig {
    /** A rules file (YAML) seeding the routing rules instead of the bundled defaults. */
    Optional<String> rulesFile();

    /** Supervising agency of task alerts when the directory names none. */
    @WithDefault("VP-UBND-TINH")
    String taskSupervisor();

    /** Supervising agency of PAR and SIPAS target alerts when the directory names none. */
    @WithDefault("SO-NOI-VU")
    String targetSupervisor();

    /** The agency console, where people read their alerts: links in e-mails and webhooks point to its alert pages. */
    @WithDefault("http://127.0.0.1:8085")
    String publicUrl();

    Passes passes();

    Email email();

    Webhook webhook();

    interface Passes {
        /** How often the repeat and escalation passes run (a Quarkus scheduler interval, or off). */
        @WithDefault("1m")
        String every();

        @WithDefault("10s")
        String delay();
    }

    interface Email {
        /** How often the e-mail dispatcher looks for due notifications. */
        @WithDefault("10s")
        String poll();

        @WithDefault("canhbao@parsipas.daklak.gov.vn")
        String from();

        /** Notifications of one agency that fall due within this window go out as one digest. */
        @WithDefault("PT1M")
        Duration digestWindow();

        @WithDefault("5")
        int maxAttempts();

        @WithDefault("PT30S")
        Duration backoffBase();

        @WithDefault("PT30M")
        Duration backoffMax();
    }

    interface Webhook {
        /** Safety-net polling; the dispatcher is woken as soon as deliveries are committed. */
        @WithDefault("5s")
        String poll();

        /** After this many failed attempts a delivery is dead-lettered. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first failure; doubles with each further failure. */
        @WithDefault("PT10S")
        Duration backoffBase();

        @WithDefault("PT1H")
        Duration backoffMax();

        @WithDefault("PT10S")
        Duration timeout();

        /** Deliveries one pass claims and sends concurrently. */
        @WithDefault("200")
        int batchSize();
    }
}
