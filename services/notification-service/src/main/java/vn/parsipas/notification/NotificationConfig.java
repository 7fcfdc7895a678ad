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

    Stream stream();

    Retention retention();

    /** How often every replica reloads its routing rules and silences besides on NOTIFY and after each LISTEN reconnect. */
    @WithDefault("1m")
    String reloadEvery();

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

        /** The whole of one call: name lookup, connection, TLS, request and answer. The claim's lease is three times this. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Deliveries a replica sends at once. */
        @WithDefault("200")
        int batchSize();

        /** Deliveries to one agency in flight at once, all replicas together: a slow receiver holds only these. */
        @WithDefault("2")
        int perAgency();

        /** Bytes of a receiver's answer read at most; the rest is never read (the connection is closed). */
        @WithDefault("4096")
        int maxResponseBytes();

        /**
         * The AES-256 key (base64, 32 bytes) that encrypts webhook secrets at rest (AES-GCM). From a Kubernetes
         * Secret in production; the service does not start without it.
         */
        String secretKey();
    }

    interface Stream {
        /** Live streams one user may hold open at once. */
        @WithDefault("5")
        int maxPerUser();

        /** Live streams of one agency's inbox open at once, all its users together. */
        @WithDefault("50")
        int maxPerAgency();
    }

    interface Retention {
        /** Timeline, deliveries and webhook attempts of an alert resolved longer ago than this are deleted (the alert stays). */
        @WithDefault("P400D")
        Duration resolvedAlerts();

        /** Webhook attempt log entries older than this are deleted, whatever the alert. */
        @WithDefault("P90D")
        Duration webhookAttempts();
    }
}
