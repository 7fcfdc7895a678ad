package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import vn.parsipas.devstack.ServiceJvm;
import vn.parsipas.devstack.Suite;

/**
 * The console's figures (docs/benchmarks/console.md), from one run: idle memory of the console process;
 * the inbox page of an agency holding 10,000 alerts, rendered by the console (first page, a later
 * page, a filtered view) against notification-service's own list call it is built on; and the time
 * from a fact on Kafka to the alert visible in an open browser, against the same fact reaching a
 * direct subscriber of notification-service's stream. Runs only with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ConsoleBenchmarkIT {
    static final String AGENCY = "SO-TU-PHAP";
    static final int ALERTS = Integer.getInteger("bench.alerts", 10_000);
    static final int PAGE_CALLS = Integer.getInteger("bench.page-calls", 200);
    static final int LIVE_FACTS = Integer.getInteger("bench.live-facts", 40);

    final BenchmarkReport report = new BenchmarkReport("console-benchmark");

    @Test
    void figures() throws Exception {
        SystemUnderTest sut = SystemUnderTest.get();
        Suite.Instance console = sut.suite.instances(Suite.CONSOLE).get(0);
        Thread.sleep(20_000); // idle: started, no request yet
        report.add("console idle: %s (pid %d, %s)", Footprint.memory(console.process().pid()),
                console.process().pid(), String.join(" ", ServiceJvm.options(sut.repo)));

        String bootstrap = sut.engines.addresses().get("kafka.bootstrap.servers");
        String staff = sut.client.userToken("staff.stp");
        long before = holding(sut, staff);
        try (ExternalProducer kafka = new ExternalProducer(bootstrap, sut.repo)) {
            for (int i = 0; i < ALERTS; i++) {
                overdue(kafka, "bench-" + UUID.randomUUID(), "Nhiệm vụ đo tải số " + i);
            }
            kafka.flush();
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> holding(sut, sut.client.userToken("staff.stp")) >= before + ALERTS);
        report.add("agency %s holds %d alerts", AGENCY, holding(sut, sut.client.userToken("staff.stp")));

        try (ConsoleBrowser browser = new ConsoleBrowser(sut.url(Suite.CONSOLE), sut.repo.resolve("deploy/system-tests/target/console-screenshots"))) {
            BrowserContext context = browser.context(ConsoleBrowser.DESKTOP);
            Page page = browser.open(context, "/canh-bao", "staff.stp");
            String cookies = context.cookies().stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; "));
            HttpClient http = HttpClient.newHttpClient();
            String next = page.locator("a[rel=next]").getAttribute("href");

            // interleaved, one call of each in turn: a change of load on the machine hits all four alike
            String bearer = "Bearer " + sut.client.userToken("staff.stp");
            List<List<Long>> timed = time(PAGE_CALLS, List.of(
                    () -> call(http, HttpRequest.newBuilder(URI.create(sut.url("notification") + "/api/v1/agencies/" + AGENCY
                            + "/alerts?status=open&holding=own&limit=50"))
                            .header("Authorization", bearer).build()),
                    () -> call(http, HttpRequest.newBuilder(URI.create(browser.base + "/canh-bao")).header("Cookie", cookies).build()),
                    () -> call(http, HttpRequest.newBuilder(URI.create(browser.base + next)).header("Cookie", cookies).build()),
                    () -> call(http, HttpRequest.newBuilder(URI.create(browser.base
                            + "/canh-bao?tab=chua-tiep-nhan&muc-do=critical&loai=task-overdue")).header("Cookie", cookies).build())));
            List<Long> raw = timed.get(0);
            List<Long> first = timed.get(1);
            List<Long> later = timed.get(2);
            List<Long> filtered = timed.get(3);
            report.add("notification-service list call (50 of %d, the raw engine): %s", ALERTS, stats(raw));
            report.add("console inbox page, first page: %s — p95 ratio to raw %.1f", stats(first), ratio(first, raw));
            report.add("console inbox page, a later page (cursor): %s — p95 ratio to raw %.1f", stats(later), ratio(later, raw));
            report.add("console inbox page, filtered: %s — p95 ratio to raw %.1f", stats(filtered), ratio(filtered, raw));

            page.waitForSelector("body[data-live=open]");
            List<Long> visible = new ArrayList<>();
            List<Long> streamed = new ArrayList<>();
            ConcurrentHashMap<String, Long> heard = new ConcurrentHashMap<>();
            try (SseListener direct = new SseListener(sut.url("notification") + "/api/v1/agencies/" + AGENCY + "/alerts/stream",
                    sut.client.userToken("staff.stp"), heard);
                    ExternalProducer kafka = new ExternalProducer(bootstrap, sut.repo)) {
                for (int i = 0; i < LIVE_FACTS; i++) {
                    String title = "Nhiệm vụ trực tiếp " + i + " " + UUID.randomUUID().toString().substring(0, 6);
                    String taskId = "live-" + UUID.randomUUID();
                    long sent = System.nanoTime();
                    overdue(kafka, taskId, title);
                    kafka.flush();
                    page.locator("#alerts li", new Page.LocatorOptions().setHasText(title)).first()
                            .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
                    visible.add((System.nanoTime() - sent) / 1_000_000);
                    await().atMost(Duration.ofSeconds(30)).until(() -> heard.containsKey(taskId));
                    streamed.add((heard.get(taskId) - sent) / 1_000_000);
                    page.waitForTimeout(1000);
                }
            }
            report.add("fact on Kafka → raised event at a direct subscriber of notification-service's stream: %s", stats(streamed));
            report.add("fact on Kafka → alert visible in the open console page: %s — p95 ratio to the direct stream %.1f",
                    stats(visible), ratio(visible, streamed));
            context.close();
        }
        report.write(sut.repo.resolve("deploy/system-tests/target/console-benchmark.txt"));
    }

    private static long holding(SystemUnderTest sut, String token) {
        var counts = SystemUnderTest.json(sut.client.get(sut.url("notification") + "/api/v1/agencies/" + AGENCY + "/alerts/counts", token));
        return counts.path("open").asLong() + counts.path("acknowledged").asLong() + counts.path("resolved").asLong()
                + counts.path("escalated").asLong();
    }

    private static void overdue(ExternalProducer kafka, String taskId, String title) {
        ObjectNode data = kafka.example("task-overdue.v1");
        data.put("taskId", taskId).put("leadAgency", AGENCY).put("title", title).putNull("planId").putNull("criterionCode");
        data.putArray("coordinatingAgencies");
        kafka.send("tasks.deadlines.v1", taskId, kafka.envelope("overdue/" + taskId, "vn.parsipas.task.overdue.v1",
                "task-overdue.v1", "/parsipas/task-service", taskId, data));
    }

    static void call(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<Long>> time(int times, List<Runnable> calls) {
        for (int i = 0; i < 20; i++) {
            calls.forEach(Runnable::run); // warm-up
        }
        List<List<Long>> micros = new ArrayList<>();
        calls.forEach(call -> micros.add(new ArrayList<>()));
        for (int i = 0; i < times; i++) {
            for (int c = 0; c < calls.size(); c++) {
                long start = System.nanoTime();
                calls.get(c).run();
                micros.get(c).add((System.nanoTime() - start) / 1_000);
            }
        }
        return micros;
    }

    static long p(List<Long> values, double quantile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String stats(List<Long> values) {
        boolean micros = values.stream().mapToLong(Long::longValue).max().orElse(0) > 100_000 || values.size() >= 100;
        double unit = micros ? 1000.0 : 1.0;
        return String.format("n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms", values.size(), p(values, 0.5) / unit,
                p(values, 0.95) / unit, p(values, 1.0) / unit);
    }

    static double ratio(List<Long> values, List<Long> raw) {
        return (double) p(values, 0.95) / Math.max(1, p(raw, 0.95));
    }

    /** A direct subscriber of notification-service's stream, noting when each overdue task's alert is heard. */
    private static final class SseListener implements AutoCloseable {
        private final Thread reader;

        SseListener(String url, String token, ConcurrentHashMap<String, Long> heard) throws Exception {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String marker = "\"fingerprint\":\"task-overdue:";
                        int at = line.indexOf(marker);
                        if (line.startsWith("data:") && at >= 0) {
                            int from = at + marker.length();
                            heard.putIfAbsent(line.substring(from, line.indexOf('"', from)), System.nanoTime());
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the stream ended
                }
            }, "benchmark-sse");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }
}
