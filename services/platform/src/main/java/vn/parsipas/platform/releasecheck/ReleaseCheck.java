package vn.parsipas.platform.releasecheck;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code helm test} runs in the chart's test pod after an install or upgrade: every service and the
 * console answer ready on {@code /q/health/ready}, and, when the release configures a test identity, a
 * CloudEvent makes it through Kafka and back. A plain {@code main} on a service image's class path (the
 * platform and kafka-clients are in every image): no Quarkus start, no database, nothing the services
 * read. Configured by environment variables, which the chart sets; exit status 0 when every check passed.
 * What people read (the pod's log, {@code helm test --logs}) is Vietnamese.
 */
public final class ReleaseCheck {
    /** {@code <name>=<url>,...}: the health endpoints that must answer ready. */
    static final String READY = "PARSIPAS_CHECK_READY";
    /** Seconds each check may take (pods of a rollout may still be starting). */
    static final String TIMEOUT = "PARSIPAS_CHECK_TIMEOUT_SECONDS";
    /** The topic of the Kafka round trip; unset = no round trip. The Kafka client's settings come from KAFKA_*. */
    static final String KAFKA_TOPIC = "PARSIPAS_CHECK_KAFKA_TOPIC";

    private ReleaseCheck() {
    }

    public static void main(String[] args) {
        int failed = run(System.getenv(), System.out);
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs every configured check, prints one line per check and a summary; returns how many failed. */
    static int run(Map<String, String> env, PrintStream out) {
        Duration timeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault(TIMEOUT, "120").trim()));
        List<Outcome> outcomes = new ArrayList<>();
        // All at once: with every service down the check still ends after one timeout, within helm test's own.
        List<CompletableFuture<Outcome>> asked = endpoints(env.getOrDefault(READY, "")).entrySet().stream()
                .map(endpoint -> CompletableFuture.supplyAsync(() -> Readiness.check(endpoint.getKey(), endpoint.getValue(), timeout),
                        runnable -> new Thread(runnable, "ready-" + endpoint.getKey()).start()))
                .toList();
        for (CompletableFuture<Outcome> answer : asked) {
            outcomes.add(answer.join());
            out.println(outcomes.get(outcomes.size() - 1).line());
        }
        String topic = env.getOrDefault(KAFKA_TOPIC, "").trim();
        if (!topic.isEmpty()) {
            outcomes.add(KafkaRoundTrip.check(KafkaRoundTrip.clientConfig(env), topic, timeout));
            out.println(outcomes.get(outcomes.size() - 1).line());
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        if (outcomes.isEmpty()) {
            out.println("KHÔNG ĐẠT: không có gì để kiểm tra (" + READY + " và " + KAFKA_TOPIC + " đều trống)");
            return 1;
        }
        out.printf("Kiểm tra bản phát hành: %d/%d đạt%s%n", outcomes.size() - failed, outcomes.size(),
                failed == 0 ? "" : ", " + failed + " không đạt");
        return (int) failed;
    }

    /** {@code task-service=http://…,console=http://…} in the given order. */
    static Map<String, String> endpoints(String list) {
        Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        for (String item : list.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(READY + ": expected <name>=<url>, got \"" + item.trim() + "\"");
            }
            endpoints.put(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
        }
        return endpoints;
    }

    /** One check's result and the line that tells an operator what happened. */
    record Outcome(boolean passed, String line) {
        static Outcome passed(String what, Instant since) {
            return new Outcome(true, "ĐẠT " + what + " (" + Duration.between(since, Instant.now()).toMillis() + " ms)");
        }

        static Outcome failed(String what) {
            return new Outcome(false, "KHÔNG ĐẠT " + what);
        }
    }
}
