package vn.parsipas.survey.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

/**
 * A citizen on a phone, in headless Chromium: enters the receipt code and PIN, answers, submits; the
 * same code again is refused. Another citizen scans the receipt's QR code and lands on the questionnaire.
 */
@QuarkusTest
@SurveyServiceTest
class CitizenFormBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/khao-sat")
    URL form;

    @Test
    void aCitizenAnswersOnceAndTheSameReceiptCodeIsThenRefused() throws Exception {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        String scanned = Fixtures.uniqueReceipt();
        String scannedPin = Fixtures.registerReceipt(scanned, agency);

        try (Chromium browser = Chromium.start()) {
            browser.open(form.toString());
            waitFor(browser, "Nhập mã hồ sơ và mã PIN ghi trên Giấy tiếp nhận hồ sơ");
            browser.type("receiptCode", code);
            browser.type("pin", pin);
            browser.click("button[type=submit]");
            waitFor(browser, "Cơ quan giải quyết: Cơ quan thử nghiệm " + agency);

            for (String question : List.of("2-2-1-q1", "2-2-2-q1", "2-2-3-q1", "2-2-4-q2")) {
                browser.click("#f-q-" + question + "-5");
            }
            browser.click("#f-q-2-2-3-q2-2");
            browser.click("#f-channel-0");
            browser.click("#f-expectations-3");
            browser.click("#f-ethnicGroup-1");
            browser.evaluate("document.getElementById('f-q-2-2-3-q1').scrollIntoView()");
            browser.screenshot(SCREENSHOTS.resolve("khao-sat-questionnaire.png"));
            browser.click("form button[type=submit]");
            String thanks = waitFor(browser, "Cảm ơn Ông/Bà đã tham gia khảo sát!");
            assertThat(thanks).contains(code).contains("Cơ quan thử nghiệm " + agency);

            browser.open(form.toString());
            waitFor(browser, "Mã hồ sơ");
            browser.type("receiptCode", code);
            browser.type("pin", pin);
            browser.click("button[type=submit]");
            waitFor(browser, "Không mở được phiếu đánh giá với mã hồ sơ và mã PIN này");
            assertThat(browser.evaluate("document.getElementById('receiptCode').getAttribute('aria-invalid')")).isEqualTo("true");
            browser.screenshot(SCREENSHOTS.resolve("khao-sat-reused-code.png"));

            // The QR code on the receipt: the code and PIN ride in the fragment, which no server sees, and go on by POST.
            browser.open("about:blank");
            browser.open(form + "#ma=" + URLEncoder.encode(scanned, StandardCharsets.UTF_8) + "&pin=" + scannedPin);
            waitFor(browser, "Cơ quan giải quyết: Cơ quan thử nghiệm " + agency);
            assertThat(browser.evaluate("location.href")).isEqualTo(form.toString());
            assertThat(browser.evaluate("document.querySelector('input[name=receiptCode]').value")).isEqualTo(scanned);
        }

        assertThat(Fixtures.rows("select answers->>'2.2.3-q2' as q2, answers->>'2.2.4-q2' as q4, channel, expectations->>0 as wish,"
                + " ethnic_group, door from survey_response where receipt_code = $1", code)).containsExactly(
                "{\"q2\":\"2\",\"q4\":\"5\",\"channel\":\"counter\",\"wish\":\"better-attitude\",\"ethnic_group\":\"Ê Đê\",\"door\":\"form\"}");
        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", scanned)).isZero();
    }

    private static String waitFor(Chromium browser, String text) {
        String[] page = {""};
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            page[0] = browser.text();
            return page[0] != null && page[0].contains(text);
        });
        return page[0];
    }
}
