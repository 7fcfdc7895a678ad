package vn.parsipas.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.time.ShiftableClock;

@QuarkusTest
@IndicatorServiceTest
class RestIngestionTest {
    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @BeforeEach
    void emptyServiceInJuly2025() {
        Fixtures.actAs(TestTokens.coordinator());
        Fixtures.emptyDatabase(pool);
        clock.shiftTo(Instant.parse("2025-07-02T03:00:00Z"));
    }

    @AfterEach
    void resetClockAndCaller() {
        clock.reset();
        Fixtures.actAnonymously();
    }

    @Test
    void aBatchIsAnsweredItemByItemWithEveryRejectionReasonAndItsIndex() {
        String scope = scope();
        String body = batch(
                item("online-end-to-end-dossier-rate", scope, "2025-05", "58.1", "percent"),
                item("tax-evasion-rate", scope, "2025-06", "3", "percent"),
                item("online-end-to-end-dossier-rate", scope, "2025-06", "62", "count"),
                item("online-end-to-end-dossier-rate", scope, "2025-06", "-1", "percent"),
                item("online-end-to-end-dossier-rate", scope, "2026-01", "70", "percent"),
                item("land-use-revenue", scope, "2025-06", "1200", "billion-vnd"),
                "{\"indicatorCode\": \"online-end-to-end-dossier-rate\", \"scope\": \"" + scope + "\"}",
                item("online-end-to-end-dossier-rate", scope, "2025-06", "62.4", "percent"));

        post(body, key()).then().statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("dryRun", equalTo(false))
                .body("counts.imported", equalTo(2))
                .body("counts.rejected", equalTo(6))
                .body("counts.'ignored-unchanged'", equalTo(0))
                .body("items", hasSize(8))
                .body("items[0].outcome", equalTo("imported"))
                .body("items[0].period", equalTo("2025-05"))
                .body("items[1].index", equalTo(1))
                .body("items[1].indicatorCode", equalTo("tax-evasion-rate"))
                .body("items[1].field", equalTo("indicatorCode"))
                .body("items[1].errors.field", contains("indicatorCode"))
                .body("items[1].reason", startsWith("unknown indicator 'tax-evasion-rate'"))
                .body("items[2].field", equalTo("unit"))
                .body("items[3].field", equalTo("value"))
                .body("items[3].reason", startsWith("value -1 is outside the valid range [0, 100]"))
                .body("items[4].field", equalTo("period"))
                .body("items[4].reason", containsString("in the future"))
                .body("items[5].field", equalTo("indicatorCode"))
                .body("items[5].reason", equalTo("client 'igate' is not registered for indicator 'land-use-revenue'"))
                .body("items[6].outcome", equalTo("rejected"))
                .body("items[6].reason", containsString("required"))
                .body("items[7].outcome", equalTo("imported"))
                .body("items[7].field", nullValue());
        given().get(series(scope)).then().body("values", hasSize(2));
    }

    @Test
    void aDryRunAnswersWhatWouldHappenAndStoresNothing() {
        String scope = scope();
        post(batch(item("online-end-to-end-dossier-rate", scope, "2025-06", "62.4", "percent")), key()).then().statusCode(200);

        given().auth().oauth2(Fixtures.igate()).contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(batch(item("online-end-to-end-dossier-rate", scope, "2025-06", "62.4", "percent"),
                        item("online-end-to-end-dossier-rate", scope, "2025-06", "63", "percent"),
                        item("online-end-to-end-dossier-rate", scope, "2025-05", "58", "percent")))
                .post("/api/v1/observations")
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("items.outcome", contains("ignored-unchanged", "updated", "imported"));
        given().get(series(scope)).then().body("values", hasSize(1)).body("values[0].value", equalTo(62.4f));
    }

    @Test
    void theSameKeyAndBodyGetTheSameAnswerOnceAppliedAndAnotherBodyIsRefused() {
        String scope = scope();
        String key = key();
        String body = batch(item("online-end-to-end-dossier-rate", scope, "2025-06", "62.4", "percent"));
        String first = post(body, key).then().statusCode(200).body("counts.imported", equalTo(1)).extract().asString();

        post(body, key).then().statusCode(200).body(equalTo(first));
        post(batch(item("online-end-to-end-dossier-rate", scope, "2025-06", "70", "percent")), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key " + key));
        given().get(history(scope, "2025-06")).then().body("current.revision", equalTo(1)).body("superseded", hasSize(0));
    }

    /** The first request's transaction is played by a connection holding the key: a retry then is told to retry later. */
    @Test
    void aRetryWhileTheFirstRequestIsStillBeingProcessedIsRefusedUntilItIsAnswered() {
        String scope = scope();
        String key = key();
        String body = batch(item("online-end-to-end-dossier-rate", scope, "2025-06", "62.4", "percent"));
        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            first.begin().await().atMost(Duration.ofSeconds(30));
            assertThat(first.preparedQuery(IdempotentRequests.TAKE).execute(Tuple.of(IdempotentRequests.keyed(key, () -> "",
                    "observations", "/igate").scopedKey())).await().atMost(Duration.ofSeconds(30)).iterator().next().getBoolean("taken")).isTrue();

            post(body, key).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("Idempotency-Key " + key));
        } finally {
            first.close().await().atMost(Duration.ofSeconds(30));
        }
        post(body, key).then().statusCode(200).body("counts.imported", equalTo(1));
    }

    @Test
    void aRequestWithoutKeyOrOverTheBatchLimitIsRefusedWhole() {
        String body = batch(item("online-end-to-end-dossier-rate", "PROVINCE", "2025-06", "62.4", "percent"));
        given().auth().oauth2(Fixtures.igate()).contentType(ContentType.JSON).body(body).post("/api/v1/observations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        String[] many = new String[51];
        Arrays.fill(many, item("online-end-to-end-dossier-rate", "PROVINCE", "2025-06", "62.4", "percent"));
        post(batch(many), key()).then().statusCode(400).body("errors[0].field", equalTo("observations"))
                .body("errors[0].message", containsString("at most 50"));
        post("{\"observations\": ", key()).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCsvUploadOfTheSameShapeGoesThroughTheSameRules() {
        String scope = scope();
        String csv = "\uFEFFindicatorCode,scope,period,value,unit,observedAt,note\r\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-05,58.1,percent,2025-06-01T01:00:00Z,\"Số liệu tháng 5, đã rà soát\"\r\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-06,\"62,4\",percent,2025-07-01T01:00:00Z,\r\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-06,120,percent,2025-07-01T01:00:00Z,\r\n";

        given().auth().oauth2(Fixtures.igate()).contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key())
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/observations")
                .then().statusCode(200)
                .body("counts.imported", equalTo(1))
                .body("counts.rejected", equalTo(2))
                .body("items[1].field", equalTo("value"))
                .body("items[1].reason", containsString("number"))
                .body("items[2].reason", startsWith("value 120 is outside the valid range"));
        given().get(history(scope, "2025-05")).then().body("current.note", equalTo("Số liệu tháng 5, đã rà soát"))
                .body("current.channel", equalTo("csv"));
        given().auth().oauth2(Fixtures.igate()).contentType("text/csv").header("Idempotency-Key", key())
                .body("indicator,value\nx,1\n").post("/api/v1/observations")
                .then().statusCode(400).body("errors[0].field", equalTo("header"));
    }

    @Test
    void hugeExponentsAreRefusedItemByItemThroughJsonAndCsvAndTheServiceGoesOn() {
        String scope = scope();
        String[] huge = {"1e999999999", "-1e999999999", "1e-999999999"};
        for (boolean dryRun : new boolean[] {true, false}) {
            String answer = json(key()).queryParam("dryRun", dryRun)
                    .body(batch(item("online-end-to-end-dossier-rate", scope, "2025-04", huge[0], "percent"),
                            item("online-end-to-end-dossier-rate", scope, "2025-05", huge[1], "percent"),
                            item("online-end-to-end-dossier-rate", scope, "2025-06", huge[2], "percent"),
                            item("online-end-to-end-dossier-rate", scope, "2025-06", "62.4", "percent")))
                    .post("/api/v1/observations").then().statusCode(200)
                    .body("counts.rejected", equalTo(3))
                    .body("items[3].outcome", equalTo("imported"))
                    .extract().asString();
            assertRefusedAsOutOfBounds(answer, 3);
        }
        String csv = "indicatorCode,scope,period,value,unit,observedAt\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-04," + huge[0] + ",percent,2025-07-01T01:00:00Z\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-05," + huge[1] + ",percent,2025-07-01T01:00:00Z\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-06," + huge[2] + ",percent,2025-07-01T01:00:00Z\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-05," + "9".repeat(100_000) + ",percent,2025-07-01T01:00:00Z\n"
                + "online-end-to-end-dossier-rate," + scope + ",2025-05,58.1,percent,2025-07-01T01:00:00Z\n";
        String answer = given().auth().oauth2(Fixtures.igate()).contentType("text/csv").header("Idempotency-Key", key())
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/observations")
                .then().statusCode(200)
                .body("counts.imported", equalTo(1))
                .body("counts.rejected", equalTo(4))
                .extract().asString();
        assertRefusedAsOutOfBounds(answer, 3);
        given().get(series(scope)).then().body("values.value", contains(58.1f, 62.4f));
    }

    /** The first {@code count} items refused at their value, with a short reason that does not spell the number out. */
    private static void assertRefusedAsOutOfBounds(String summary, int count) {
        var items = io.restassured.path.json.JsonPath.from(summary).getList("items", java.util.Map.class);
        assertThat(summary.length()).as("the whole answer stays small").isLessThan(4_000);
        for (int i = 0; i < count; i++) {
            assertThat(items.get(i)).containsEntry("outcome", "rejected").containsEntry("field", "value");
            assertThat((String) items.get(i).get("reason")).contains("out of bounds").hasSizeLessThan(300);
        }
    }

    private static RequestSpecification json(String key) {
        return given().auth().oauth2(Fixtures.igate()).contentType(ContentType.JSON).header("Idempotency-Key", key);
    }

    private static Response post(String body, String key) {
        return json(key).body(body).post("/api/v1/observations");
    }

    private static String batch(String... items) {
        return "{\"observations\": [" + String.join(",", items) + "]}";
    }

    private static String item(String code, String scope, String period, String value, String unit) {
        return "{\"indicatorCode\": \"" + code + "\", \"scope\": \"" + scope + "\", \"period\": \"" + period
                + "\", \"value\": " + value + ", \"unit\": \"" + unit + "\", \"observedAt\": \"2025-07-01T01:00:00Z\"}";
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String scope() {
        return Fixtures.unique("XA").toUpperCase();
    }

    private static String series(String scope) {
        return "/api/v1/indicators/online-end-to-end-dossier-rate/series?scope=" + scope;
    }

    private static String history(String scope, String period) {
        return "/api/v1/indicators/online-end-to-end-dossier-rate/series/" + scope + "/" + period;
    }
}
