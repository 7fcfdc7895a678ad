package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;

import vn.parsipas.devstack.Suite;

/**
 * The province overview's figures (docs/benchmarks/console.md, "Overview and reports"): the seed plan
 * plus 1,000,000 SIPAS responses and 100,000 observations, stored through the suite's public doors;
 * then the console's overview pages timed with the coordinator's session, interleaved with
 * indicator-service's own overview call (the raw engine) and the other engine calls the pages are
 * built on; then the year's report as XLSX and DOCX. Runs only with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OverviewBenchmarkIT {
    static final int RESPONSES = Integer.getInteger("bench.responses", 1_000_000);
    static final int OBSERVATIONS = Integer.getInteger("bench.observations", 100_000);
    static final int PAGE_CALLS = Integer.getInteger("bench.page-calls", 100);
    static final int REPORTS = Integer.getInteger("bench.reports", 10);
    static final String PLAN = ConsoleOverviewScenariosIT.PLAN;
    static final String COORDINATOR = "coordinator.snv";
    /** The agencies whose one-stop shops hand out receipts with the survey's QR code. */
    static final List<String> SURVEYED = List.of("SO-NOI-VU", "SO-TU-PHAP", "SO-TAI-CHINH", "SO-KHOA-HOC-CONG-NGHE", "SO-XAY-DUNG",
            "SO-NONG-NGHIEP-MOI-TRUONG", "THANH-TRA-TINH", "TT-PHUC-VU-HCC", "VP-UBND-TINH", "TT-PHAT-TRIEN-QUY-DAT");
    /** The overall question of every sub-index of questionnaire sipas-2025 (deploy/questionnaires). */
    static final List<String> QUESTIONS = List.of("2.2.1-q1", "2.2.2-q1", "2.2.3-q1", "2.2.4-q1", "2.2.5-q1", "2.2.6-q1",
            "2.1.1-q1", "2.1.2-q1", "2.1.3-q1", "2.1.4-q1");
    /** Every indicator the two systems with a Kafka door may report (deploy/indicators/catalogue.yaml): code, unit, producer. */
    static final List<List<String>> INDICATORS = List.of(
            List.of("online-end-to-end-dossier-rate", "percent", "igate"), List.of("online-payment-dossier-rate", "percent", "igate"),
            List.of("online-payment-enabled-procedure-rate", "percent", "igate"),
            List.of("online-payment-transacting-procedure-rate", "percent", "igate"), List.of("digitised-data-reuse-rate", "percent", "igate"),
            List.of("public-investment-disbursement-rate", "percent", "finance-system"),
            List.of("land-use-revenue", "billion-vnd", "finance-system"), List.of("psu-partial-self-financing-count", "count", "finance-system"),
            List.of("state-budget-revenue-growth", "percent-growth", "finance-system"));
    /** The suite's clock starts on this day (SystemUnderTest); values and answers are dated before it. */
    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    final BenchmarkReport report = new BenchmarkReport("overview-benchmark");
    final Random random = new Random(2025);

    @Test
    void figures() throws Exception {
        SystemUnderTest sut = SystemUnderTest.get();
        report.add("machine: %d cores, Java %s; suite ready in %d s; load average %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), sut.startTime.toSeconds(), load());
        String run = "OVB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String coordinator = sut.client.userToken(COORDINATOR);
        long responsesBefore = provinceResponses(sut, coordinator);
        try (ExternalProducer kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo)) {
            List<String> scopes = scopes(sut, coordinator);
            long begin = System.nanoTime();
            observations(kafka, run, scopes);
            String observed = "select count(*) from observation where reference like '" + run + "-%'";
            stored(sut, run, String.format("IndicatorObserved (%d indicators × %d scopes × days back from %s)", INDICATORS.size(),
                    scopes.size(), TODAY.minusDays(1)), () -> sut.count("indicator", observed), OBSERVATIONS, begin);
            begin = responses(sut, kafka, run);
            stored(sut, run, "SurveyResponseSubmitted with their receipt codes and PINs (counted in sub-index 2.2.1 of the province, 2025)",
                    () -> provinceResponses(sut, sut.client.userToken(COORDINATOR)) - responsesBefore, RESPONSES, begin);
        }

        try (ConsoleBrowser browser = new ConsoleBrowser(sut.url(Suite.CONSOLE), sut.repo.resolve("deploy/system-tests/target/console-screenshots"))) {
            pages(sut, browser);
            reports(browser);
        }
        report.add("console after the run: %s", Footprint.memory(sut.suite.instances(Suite.CONSOLE).get(0).process().pid()));
        report.write(sut.repo.resolve("deploy/system-tests/target/overview-benchmark.txt"));
    }

    /**
     * {@link #OBSERVATIONS} distinct keys: every indicator of {@link #INDICATORS} for the province and every
     * agency, one value a day, from yesterday backwards; a rate rising through the period as the plan wants.
     */
    private void observations(ExternalProducer kafka, String run, List<String> scopes) {
        Map<String, ObjectNode> envelopes = new LinkedHashMap<>();
        for (String system : List.of("igate", "finance-system")) {
            envelopes.put(system, tree(kafka.envelope("x", FaultsIT.OBSERVED, "indicator-observed.v1", "/" + system, "x",
                    kafka.example("indicator-observed.v1"))));
        }
        int sent = 0;
        for (LocalDate day = TODAY.minusDays(1); sent < OBSERVATIONS; day = day.minusDays(1)) {
            double progress = Math.max(0, 1 - (TODAY.toEpochDay() - day.toEpochDay()) / 730.0);
            for (List<String> indicator : INDICATORS) {
                String code = indicator.get(0);
                String system = indicator.get(2);
                for (int s = 0; s < scopes.size() && sent < OBSERVATIONS; s++, sent++) {
                    ObjectNode envelope = envelopes.get(system).deepCopy();
                    ((ObjectNode) envelope.get("data")).put("indicatorCode", code).put("scope", scopes.get(s)).put("period", day.toString())
                            .put("unit", indicator.get(1)).put("value", value(indicator.get(1), progress + (s % 5) * 0.01))
                            .put("observedAt", day + "T12:00:00Z").put("sourceSystem", system).remove("note");
                    envelope.put("id", run + "-" + sent).put("subject", code + "/" + scopes.get(s) + "/" + day);
                    kafka.send(ExternalProducer.topicOf("indicators.observations.v1", system), run + "|" + code + "|" + scopes.get(s),
                            envelope.toString());
                }
            }
        }
        kafka.flush();
    }

    private static double value(String unit, double progress) {
        double value = switch (unit) {
            case "percent" -> 40 + 45 * progress;
            case "billion-vnd" -> 100 + 2_000 * progress;
            case "count" -> Math.round(10 + 40 * progress);
            default -> 2 + 10 * progress;
        };
        return Math.round(value * 10) / 10.0;
    }

    /**
     * iGate registers the receipt codes of returned dossiers with their PINs, 1,000 a request, for the agencies of
     * {@link #SURVEYED} in turn; then the kiosks send a response for each on their Kafka topic: all ten overall
     * questions answered, the agency's own share of satisfied citizens, a day of 2025 before {@link #TODAY}
     * (every quarter). Returns when the first response was sent.
     */
    private long responses(SystemUnderTest sut, ExternalProducer kafka, String run) {
        int[] pins = new int[RESPONSES];
        long begin = System.nanoTime();
        String igate = null;
        for (int from = 0; from < RESPONSES; from += 1000) {
            igate = from % 100_000 == 0 ? sut.client.systemToken("igate") : igate; // a token lives 15 minutes
            ArrayNode receipts = SystemUnderTest.JSON.createArrayNode();
            for (int i = from; i < Math.min(RESPONSES, from + 1000); i++) {
                pins[i] = random.nextInt(1_000_000);
                receipts.addObject().put("receiptCode", run + "-" + i).put("agencyCode", SURVEYED.get(i % SURVEYED.size()))
                        .put("procedureCode", "1.001193").put("pin", String.format("%06d", pins[i]));
            }
            var answer = sut.client.post(sut.url("survey") + "/api/v1/receipt-codes", igate,
                    "{\"receiptCodes\":" + receipts + "}");
            assertThat(SystemUnderTest.json(answer).path("status").asText()).as(answer.body()).isEqualTo("OK");
        }
        report.add("registered: %,d receipt codes over REST, 1,000 a request, in %.0f s (%,.0f/s); load average %s", RESPONSES,
                BenchmarkReport.seconds(begin), RESPONSES / BenchmarkReport.seconds(begin), load());
        ObjectNode template = tree(kafka.envelope("x", FaultsIT.RESPONSE, "survey-response-submitted.v1", "/survey-kiosk", "x",
                kafka.example("survey-response-submitted.v1")));
        int days = (int) (TODAY.toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay());
        begin = System.nanoTime();
        for (int i = 0; i < RESPONSES; i++) {
            String code = run + "-" + i;
            ObjectNode envelope = template.deepCopy();
            ObjectNode data = ((ObjectNode) envelope.get("data")).put("responseId", UUID.randomUUID().toString()).put("receiptCode", code)
                    .put("receiptPin", String.format("%06d", pins[i])).put("agencyCode", SURVEYED.get(i % SURVEYED.size()))
                    .put("submittedAt", LocalDate.of(2025, 1, 1).plusDays(random.nextInt(days)) + "T03:00:00Z");
            ArrayNode answers = data.putArray("answers");
            double satisfied = 0.70 + 0.025 * (i % SURVEYED.size());
            for (String question : QUESTIONS) {
                answers.addObject().put("questionId", question)
                        .put("score", random.nextDouble() < satisfied ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
            }
            envelope.put("id", data.path("responseId").asText()).put("subject", code);
            kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), code, envelope.toString());
        }
        kafka.flush();
        return begin;
    }

    /** Waits until {@code count} reaches {@code expected}; on time-out, says why with the run's dead letters. */
    private void stored(SystemUnderTest sut, String run, String what, LongSupplier count, long expected, long begin) {
        try {
            await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(5)).until(() -> count.getAsLong() >= expected);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": " + count.getAsLong() + " of " + expected + " stored; dead letters: "
                    + sut.deadLetters(run, "sipas.responses.v1.dlq", "indicators.observations.v1.dlq").stream().limit(5).toList(), e);
        }
        report.add("stored: %,d %s through Kafka, %.0f s after the first was sent (%,.0f/s); load average %s", expected, what,
                BenchmarkReport.seconds(begin), expected / BenchmarkReport.seconds(begin), load());
    }

    /**
     * The five overview pages with the coordinator's session and, interleaved, the engine calls behind them
     * with the coordinator's bearer token: indicator-service's overview first (the raw engine the ratios use).
     */
    private void pages(SystemUnderTest sut, ConsoleBrowser browser) {
        String cookies = session(browser);
        String bearer = "Bearer " + sut.client.userToken(COORDINATOR);
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put("indicator-service GET /api/v1/overview?plan=" + PLAN + " (the raw engine)", sut.url("indicator") + "/api/v1/overview?plan=" + PLAN);
        engine.put("task-service GET /api/v1/plans/" + PLAN + "/criteria", sut.url("task") + "/api/v1/plans/" + PLAN + "/criteria");
        engine.put("task-service GET /api/v1/summaries/criteria", sut.url("task") + "/api/v1/summaries/criteria?planId=" + PLAN);
        engine.put("notification-service GET /api/v1/alerts?status=active (200)", sut.url("notification") + "/api/v1/alerts?status=active&limit=200");
        engine.put("survey-service GET /api/v1/indices (1,000)", sut.url("survey") + "/api/v1/indices?limit=1000");
        List<String> pages = List.of("/tong-quan", "/tong-quan/tieu-chi/1.16", "/tong-quan/sipas", "/tong-quan/co-quan",
                "/tong-quan/chi-so/" + AgencyScenariosIT.ONLINE_RATE);
        for (String path : pages) {
            String html = new String(get(http, browser.base + path, cookies), StandardCharsets.UTF_8);
            report.add("console %s: %,d bytes, %d table rows", path, html.length(), html.split("<tr").length - 1);
        }
        List<Runnable> calls = new ArrayList<>();
        engine.values().forEach(url -> calls.add(() -> ConsoleBenchmarkIT.call(http,
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).build())));
        pages.forEach(path -> calls.add(() -> get(http, browser.base + path, cookies)));
        report.add("timing %d rounds (after 20 for warm-up) of %d calls, one of each in turn; load average %s", PAGE_CALLS, calls.size(), load());
        List<List<Long>> timed = ConsoleBenchmarkIT.time(PAGE_CALLS, calls);
        List<Long> raw = timed.get(0);
        List<String> names = new ArrayList<>(engine.keySet());
        for (int i = 0; i < names.size(); i++) {
            report.add("%s: %s", names.get(i), stats(timed.get(i)));
        }
        for (int i = 0; i < pages.size(); i++) {
            List<Long> page = timed.get(names.size() + i);
            report.add("console %s: %s — p95 ratio to raw %.1f", pages.get(i), stats(page), ConsoleBenchmarkIT.ratio(page, raw));
        }
        report.add("load average after the pages %s", load());
    }

    /** The year's report as XLSX and DOCX, interleaved, with a fresh session: the first of each, then {@link #REPORTS} more timed. */
    private void reports(ConsoleBrowser browser) {
        String cookies = session(browser);
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i <= REPORTS; i++) {
            for (String format : List.of("xlsx", "docx")) {
                long start = System.nanoTime();
                byte[] file = get(http, browser.base + "/tong-quan/bao-cao." + format + "?ke-hoach=" + PLAN + "&ky=nam", cookies);
                assertThat(new String(file, 0, 2, StandardCharsets.US_ASCII)).as("an OOXML (ZIP) file").isEqualTo("PK");
                sizes.put(format, (long) file.length);
                long took = (System.nanoTime() - start) / 1_000_000;
                if (i == 0) {
                    report.add("year report .%s, the first since the start: %d ms", format, took);
                } else {
                    millis.computeIfAbsent(format, f -> new ArrayList<>()).add(took);
                }
            }
        }
        millis.forEach((format, values) -> report.add("year report .%s (ky=nam): n=%d p50 %d ms, max %d ms; %,d bytes", format,
                values.size(), ConsoleBenchmarkIT.p(values, 0.5), ConsoleBenchmarkIT.p(values, 1.0), sizes.get(format)));
        report.add("load average after the reports %s", load());
    }

    /** The body of a 200 answer to a GET with the session's cookies (anything else fails the benchmark). */
    private static byte[] get(HttpClient http, String url, String cookies) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(url, e);
        }
    }

    /** The province and every agency of the directory that is not a collective of agencies. */
    private static List<String> scopes(SystemUnderTest sut, String token) {
        JsonNode agencies = SystemUnderTest.json(sut.client.get(sut.url("task") + "/api/v1/agencies?limit=200", token));
        List<String> scopes = new ArrayList<>(List.of("PROVINCE"));
        agencies.path("items").forEach(a -> {
            if (!"collective".equals(a.path("kind").asText()) && a.path("active").asBoolean()) {
                scopes.add(a.path("code").asText());
            }
        });
        return scopes;
    }

    /** Responses counted in sub-index 2.2.1 of the province for 2025 (every response here answers it). */
    private static long provinceResponses(SystemUnderTest sut, String token) {
        var answer = sut.client.get(sut.url("survey") + "/api/v1/indices/2.2.1/PROVINCE/2025", token);
        return answer.status() == 200 ? SystemUnderTest.json(answer).path("responses").asLong() : 0;
    }

    /** An envelope built once, copied for every record (building it reads the contract's files). */
    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) SystemUnderTest.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The coordinator signed in on Keycloak's page in a fresh browser profile: the console's session cookies. */
    private static String session(ConsoleBrowser browser) {
        BrowserContext context = browser.context(ConsoleBrowser.DESKTOP);
        browser.open(context, "/tong-quan", COORDINATOR);
        return context.cookies().stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; "));
    }

    /** ConsoleBenchmarkIT's timings are in microseconds (its stats guesses the unit from the count). */
    private static String stats(List<Long> micros) {
        return String.format("n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms", micros.size(), ConsoleBenchmarkIT.p(micros, 0.5) / 1000.0,
                ConsoleBenchmarkIT.p(micros, 0.95) / 1000.0, ConsoleBenchmarkIT.p(micros, 1.0) / 1000.0);
    }

    private static String load() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
