package vn.parsipas.survey.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

/**
 * The anonymous form as someone hunting for usable receipt codes meets it: one answer for every
 * code it cannot open, the PIN printed on the receipt, per-address and per-code-prefix limits, and
 * pages that cannot be framed, cached or leak the code in a URL. %test limits: 100 attempts per
 * address and 10 per code prefix per hour.
 */
@QuarkusTest
@SurveyServiceTest
class CitizenFormAbuseTest {
    private static final int PER_ADDRESS = 100;
    private static final int PER_CODE_PREFIX = 10;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyCodeTheFormCannotOpenGetsOneAnswerAndAQueryStringIsNeverLookedUp() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String usable = Fixtures.uniqueReceipt();
        String usablePin = Fixtures.registerReceipt(usable, agency);
        String used = Fixtures.uniqueReceipt();
        String usedPin = Fixtures.registerReceipt(used, agency);
        submit(used, usedPin, UUID.randomUUID().toString()).then().statusCode(200);
        String withoutPin = Fixtures.uniqueReceipt();
        Fixtures.registerReceiptWithoutPin(withoutPin, agency);
        String expiring = Fixtures.uniqueReceipt();
        String expiringPin = Fixtures.registerReceipt(expiring, agency);

        List<Response> refusals = new ArrayList<>(List.of(open(used, usedPin), open(usable, wrong(usablePin)), open(withoutPin, "123456"),
                open(Fixtures.uniqueReceipt(), "123456"), open("x", "123456"), open(usable, ""),
                form(null).body("%%%&&==&").post("/khao-sat")));
        clock.shiftBy(Duration.ofDays(91));
        refusals.add(open(expiring, expiringPin));

        assertThat(refusals).extracting(Response::statusCode).containsOnly(400);
        assertThat(refusals).extracting(response -> errorSummary(response.asString())).containsOnly(errorSummary(refusals.get(0).asString()))
                .doesNotContainNull();
        clock.reset();
        open(usable, usablePin).then().statusCode(200);
        // A link with the code in its query string shows the empty code page: the code is not looked up.
        String page = given().queryParam("receiptCode", usable).get("/khao-sat").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain(usable).doesNotContain("Cơ quan giải quyết");
    }

    @Test
    void theQuestionnaireOpensOnlyWithTheReceiptPinAndShowsNoProcedure() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);

        String questionnaire = open(code, pin).then().statusCode(200).extract().asString();
        assertThat(questionnaire).contains("Cơ quan thử nghiệm " + agency).doesNotContain("1.001193").doesNotContain("Mã thủ tục");
        submit(code, wrong(pin), UUID.randomUUID().toString()).then().statusCode(400);
        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", code)).isZero();
        submit(code, pin, UUID.randomUUID().toString()).then().statusCode(200);
        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", code)).isOne();
    }

    @Test
    void tooManyAttemptsFromOneAddressOrOnOneCodePrefixAreRefusedWith429AndRetryAfter() {
        String address = "198.51.100.7";
        for (int i = 0; i < PER_ADDRESS; i++) {
            open(Fixtures.uniqueReceipt(), "123456", address).then().statusCode(400);
        }
        Response limited = open(Fixtures.uniqueReceipt(), "123456", address);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 3600);
        assertThat(limited.asString()).contains("Ông/Bà đã thử quá nhiều lần");
        assertSecurityHeaders(limited);
        // Another citizen is not held back; a forged address in front of the one our proxy saw does not help.
        open(Fixtures.uniqueReceipt(), "123456", "198.51.100.8").then().statusCode(400);
        open(Fixtures.uniqueReceipt(), "123456", "203.0.113.9, " + address).then().statusCode(429);

        String prefix = "000.00.15.H17-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < PER_CODE_PREFIX; i++) {
            open(prefix + String.format("%04d", i), "123456", "192.0.2." + (i + 1)).then().statusCode(400);
        }
        open(prefix + "9999", "123456", "192.0.2.200").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void everyPageForbidsFramingReferrersAndCachingAndTheCodeTravelsOnlyByPost() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);

        Response codePage = given().get("/khao-sat");
        List<Response> pages = List.of(codePage, open(code, wrong(pin)), open(code, pin), submit(code, pin, UUID.randomUUID().toString()));
        assertThat(pages).extracting(Response::statusCode).containsExactly(200, 400, 200, 200);
        pages.forEach(CitizenFormAbuseTest::assertSecurityHeaders);
        assertThat(codePage.asString()).contains("method=\"post\"").doesNotContain("method=\"get\"");
        given().get("/khao-sat/form.css").then().statusCode(200).contentType("text/css");
        given().get("/khao-sat/qr.js").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("javascript"));
    }

    static void assertSecurityHeaders(Response page) {
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'",
                "base-uri 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    /** Step 1 of the form: the receipt code and PIN, posted as the code page (or the QR-code link) does. */
    static Response open(String code, String pin) {
        return form(null).formParams(Map.of("receiptCode", code, "pin", pin)).post("/khao-sat");
    }

    private static Response open(String code, String pin, String forwardedFor) {
        return form(forwardedFor).formParams(Map.of("receiptCode", code, "pin", pin)).post("/khao-sat");
    }

    /** Step 2: the answers, with the code and PIN the questionnaire page carries. */
    static Response submit(String code, String pin, String responseId) {
        Map<String, String> answers = new HashMap<>(Map.of("receiptCode", code, "pin", pin, "responseId", responseId,
                "questionnaireVersion", "1", "channel", "online"));
        Fixtures.REQUIRED.forEach(question -> answers.put("q_" + question, "4"));
        return form(null).formParams(answers).post("/khao-sat");
    }

    private static RequestSpecification form(String forwardedFor) {
        RequestSpecification request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    private static String wrong(String pin) {
        return pin.equals("000000") ? "000001" : "000000";
    }

    private static String errorSummary(String page) {
        Matcher summary = Pattern.compile("<div class=\"error-summary\".*?</div>", Pattern.DOTALL).matcher(page);
        return summary.find() ? summary.group() : null;
    }
}
