package vn.parsipas.survey.questionnaire;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class QuestionnaireTest {
    @Test
    void theShippedQuestionnaireIsPublishedWithItsSubIndicesAndLabelledScale() {
        Fixtures.asCoordinator().get("/api/v1/questionnaires").then().statusCode(200)
                .body("find { it.id == 'sipas-2025' && it.version == 1 }.title", containsString("Phiếu khảo sát sự hài lòng"));
        Fixtures.asCoordinator().get("/api/v1/questionnaires/sipas-2025/versions/1").then().statusCode(200)
                .body("sections.subIndices.flatten().code", contains("2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5", "2.2.6",
                        "2.1.1", "2.1.2", "2.1.3", "2.1.4"))
                .body("scale.label", contains("Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"))
                .body("respondent.channel.options.code", contains("counter", "online", "postal"))
                .body("sections[0].subIndices[1].questions[0].id", equalTo("2.2.2-q1"));
        Fixtures.asCoordinator().get("/api/v1/questionnaires/sipas-2025/versions/99").then().statusCode(404);
    }

    @Test
    void aPublishedVersionNeverChangesAndANewVersionIsANewQuestionnaire() throws Exception {
        ObjectNode shipped = shipped();
        Fixtures.asCoordinator().contentType(ContentType.JSON).body(shipped).post("/api/v1/questionnaires").then().statusCode(200);

        ObjectNode edited = shipped.deepCopy();
        ((ObjectNode) edited.at("/sections/0/subIndices/0/questions/0")).put("text", "Câu hỏi đã sửa");
        Fixtures.asCoordinator().contentType(ContentType.JSON).body(edited).post("/api/v1/questionnaires").then().statusCode(409)
                .body("detail", containsString("never changes"));
        Fixtures.asCoordinator().get("/api/v1/questionnaires/sipas-2025/versions/1").then()
                .body("sections[0].subIndices[0].questions[0].text", equalTo("Mức độ hài lòng chung của Ông/Bà về việc tiếp cận dịch vụ hành chính công"));

        String id = "sipas-test-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode version2 = edited.deepCopy().put("id", id).put("version", 2);
        Fixtures.asCoordinator().contentType(ContentType.JSON).body(version2).post("/api/v1/questionnaires").then().statusCode(201);
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        ObjectNode response = Fixtures.json(Fixtures.response(agency, Instant.parse("2024-08-01T02:00:00Z"), 4))
                .put("questionnaireId", id).put("questionnaireVersion", 2);
        Fixtures.asKiosk(id).contentType(ContentType.JSON).body(response).post("/api/v1/responses").then().statusCode(201);
    }

    @Test
    void anInconsistentQuestionnaireIsRefusedWithTheReason() throws Exception {
        ObjectNode wrong = shipped().put("id", "sipas-test-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) wrong.at("/sections/0/subIndices/0/questions/1")).put("id", "2.2.9-q1");
        ((ObjectNode) wrong.at("/scale/0")).put("label", "");

        Fixtures.asCoordinator().contentType(ContentType.JSON).body(wrong).post("/api/v1/questionnaires").then().statusCode(400)
                .body("errors.field", hasItem("scale[0].label"));
        ((ObjectNode) wrong.at("/scale/0")).put("label", "Rất không hài lòng");
        Fixtures.asCoordinator().contentType(ContentType.JSON).body(wrong).post("/api/v1/questionnaires").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].message", equalTo("question 2.2.9-q1 must start with its sub-index: 2.2.1-"));
    }

    private static ObjectNode shipped() throws Exception {
        try (InputStream in = QuestionnaireTest.class.getClassLoader().getResourceAsStream("questionnaires/sipas-2025.v1.yaml")) {
            return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
