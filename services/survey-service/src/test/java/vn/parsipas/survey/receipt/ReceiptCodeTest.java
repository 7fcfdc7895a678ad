package vn.parsipas.survey.receipt;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class ReceiptCodeTest {
    @Test
    void theOneStopShopRegistersABatchAndLearnsTheFateOfEachCode() {
        String agency = Fixtures.uniqueAgency();
        String other = Fixtures.uniqueAgency();
        String collective = Fixtures.uniqueAgency();
        Fixtures.agencies(agency, other);
        Fixtures.agenciesOfKind("collective", collective);
        String a = Fixtures.uniqueReceipt();
        String b = Fixtures.uniqueReceipt();
        register(List.of(code(a, agency))).statusCode(200).body("items[0].outcome", equalTo("registered"));

        register(List.of(code(a, agency), code(a, other), code(b, agency), code(b, agency), code(Fixtures.uniqueReceipt(), "SO-KHONG-CO"),
                code(Fixtures.uniqueReceipt(), collective))).statusCode(200)
                .body("items.outcome", contains("unchanged", "conflict", "registered", "unchanged", "rejected", "rejected"))
                .body("items[1].reason", equalTo("receipt code " + a + " is registered for " + agency))
                .body("items[4].reason", containsString("unknown agency SO-KHONG-CO"));

        org.assertj.core.api.Assertions.assertThat(Fixtures.count("select count(*) from receipt_code where code in ($1, $2)"
                + " and expires_at - registered_at = interval '90 days'", a, b)).isEqualTo(2);
    }

    @Test
    void malformedOrOversizedRegistrationsAreRefusedWhole() {
        register(List.of(Map.of("receiptCode", "x y", "agencyCode", "so-tu-phap"))).statusCode(400)
                .body("errors.field", contains("receiptCodes[0].agencyCode", "receiptCodes[0].receiptCode"));
        register(IntStream.range(0, 1001).mapToObj(i -> code("R-" + i + "-" + Fixtures.uniqueAgency(), "SO-TU-PHAP")).toList())
                .statusCode(400).body("errors.field", hasItem("receiptCodes"));
    }

    @Test
    void aPinIsRegisteredWithItsCodeAndStoredOnlyAsAHash() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();

        register(List.of(withPin(code, agency, "482913"))).statusCode(200).body("items[0].outcome", equalTo("registered"));
        register(List.of(withPin(code, agency, "482913"), withPin(code, agency, "111111"))).statusCode(200)
                .body("items.outcome", contains("unchanged", "conflict"))
                .body("items[1].reason", equalTo("receipt code " + code + " is registered with another PIN"));
        register(List.of(withPin(Fixtures.uniqueReceipt(), agency, "12ab"))).statusCode(400)
                .body("errors.field", contains("receiptCodes[0].pin"));

        String stored = Fixtures.rows("select pin_hash from receipt_code where code = $1", code).get(0);
        org.assertj.core.api.Assertions.assertThat(stored).doesNotContain("482913").matches("\\{\"pin_hash\":\"[0-9a-f]{64}\"\\}");
    }

    private static Map<String, String> withPin(String receiptCode, String agency, String pin) {
        return Map.of("receiptCode", receiptCode, "agencyCode", agency, "procedureCode", "1.001193", "pin", pin);
    }

    private static Map<String, String> code(String receiptCode, String agency) {
        return Map.of("receiptCode", receiptCode, "agencyCode", agency, "procedureCode", "1.001193", "channel", "counter");
    }

    private static ValidatableResponse register(List<Map<String, String>> codes) {
        return Fixtures.asOneStopShop().contentType(ContentType.JSON).body(Map.of("receiptCodes", codes)).post("/api/v1/receipt-codes").then();
    }
}
