package vn.parsipas.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@PlatformTest
class ProblemJsonTest {

    @Test
    void beanValidationFailuresNameEachField() {
        given().contentType(ContentType.JSON).body("{\"title\": \"\", \"percentComplete\": 120}")
                .post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("title", "percentComplete"));
    }

    @Test
    void malformedJsonAndWrongTypesNameTheField() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Báo cáo\", \"percentComplete\": \"nhiều\"}")
                .post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("percentComplete"));
        given().contentType(ContentType.JSON).body("{\"title\": ")
                .post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void aQueryParameterThatIsNotANumberOrDateIsA400NamingIt() {
        given().queryParam("limit", "abc").get("/test/problems/numbers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit")).body("errors[0].message", equalTo("must be a number"));
        given().queryParam("after", "12x").get("/test/problems/numbers")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("day", "31/12/2025").get("/test/problems/numbers")
                .then().statusCode(400).body("errors[0].field", equalTo("day"));
        given().queryParam("limit", 7).queryParam("after", 12).queryParam("day", "2025-12-31").get("/test/problems/numbers")
                .then().statusCode(200).body(equalTo("7 12 2025-12-31"));
        given().get("/test/problems/nowhere/at/all").then().statusCode(404);
    }

    @Test
    void notFoundAndConflictAreProblemsWithoutInternals() {
        given().get("/test/problems/abc")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Task abc does not exist"))
                .body("instance", equalTo("/test/problems/abc"));
        given().post("/test/problems/conflict")
                .then().statusCode(409).contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void vietnameseTextSurvivesTheRequest() {
        given().contentType("application/json; charset=UTF-8").body("{\"title\": \"Sở Nội vụ đôn đốc\", \"percentComplete\": 45.5}")
                .post("/test/problems")
                .then().statusCode(200)
                .body("title", equalTo("Sở Nội vụ đôn đốc"));
    }
}
