package vn.parsipas.task.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.parsipas.task.Fixtures.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/** The agency directory: each change is an AgencyUpserted on the compacted topic; bad input changes nothing. */
@QuarkusTest
@TaskServiceTest
class AgencyDirectoryTest {

    @Test
    void creatingUpdatingAndDeactivatingAnAgencyPublishesItsStateEachTime() {
        String code = Fixtures.uniqueCode();
        api().body(Map.of("code", code, "name", "Sở Giáo dục và Đào tạo", "kind", "department", "parentCode", "VP-UBND-TINH"))
                .post("/api/v1/agencies").then().statusCode(201).body("active", equalTo(true));
        Map<String, Object> contacts = Map.of("name", "Sở Giáo dục và Đào tạo", "kind", "department", "parentCode", "VP-UBND-TINH",
                "emails", List.of("vanthu.sgddt@daklak.gov.vn", "cchc.sgddt@daklak.gov.vn"),
                "webhookUrl", "https://sgddt.daklak.gov.vn/hooks/parsipas");
        api().body(contacts).put("/api/v1/agencies/" + code).then().statusCode(200)
                .body("emails", equalTo(contacts.get("emails"))).body("webhookUrl", equalTo(contacts.get("webhookUrl")));
        api().body(contacts).put("/api/v1/agencies/" + code).then().statusCode(200);
        api().delete("/api/v1/agencies/" + code).then().statusCode(200).body("active", equalTo(false));

        List<JsonNode> events = Fixtures.events(Topics.DIRECTORY_AGENCIES, code, 3);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).at("/data/emails")).isEmpty();
        assertThat(events.get(1).at("/data/emails/1").asText()).isEqualTo("cchc.sgddt@daklak.gov.vn");
        assertThat(events.get(1).at("/data/webhookUrl").asText()).isEqualTo("https://sgddt.daklak.gov.vn/hooks/parsipas");
        assertThat(events.get(1).at("/data/parentCode").asText()).isEqualTo("VP-UBND-TINH");
        assertThat(events.get(2).at("/data/active").asBoolean()).isFalse();
        assertThat(events.get(2).at("/data/name").asText()).isEqualTo("Sở Giáo dục và Đào tạo");
    }

    @Test
    void anInactiveAgencyCannotBeGivenATask() {
        String code = Fixtures.createAgency("Ban Dân tộc");
        api().delete("/api/v1/agencies/" + code).then().statusCode(200);

        api().header("Idempotency-Key", "inactive-" + code).body(Map.of("title", "Nhiệm vụ", "leadAgency", code, "deadline", "2099-12-31"))
                .post("/api/v1/tasks").then().statusCode(400).body("errors.field", hasItems("leadAgency"));
    }

    @Test
    void badAgenciesAreRejectedNamingTheFieldAndNothingIsCreated() {
        String child = Fixtures.createAgency("Phòng Kiểm soát thủ tục hành chính");
        String parent = Fixtures.createAgency("Văn phòng thử nghiệm");
        api().body(Map.of("name", "Văn phòng thử nghiệm", "kind", "office", "parentCode", child))
                .put("/api/v1/agencies/" + parent).then().statusCode(200);
        Map<String, Object> valid = Map.of("code", Fixtures.uniqueCode(), "name", "Sở Công Thương", "kind", "department");

        reject(with(valid, "emails", List.of("khong-phai-email")), "emails[0]");
        reject(with(valid, "webhookUrl", "http://example.vn/hook"), "webhookUrl");
        reject(with(valid, "parentCode", Fixtures.uniqueCode()), "parentCode");
        reject(with(valid, "parentCode", "ALL-AGENCIES"), "parentCode");
        reject(with(valid, "kind", "ministry"), "kind");
        reject(with(valid, "code", "so-cong-thuong"), "code");
        reject(with(valid, "name", ""), "name");
        api().body(Map.of("name", "Phòng Kiểm soát thủ tục hành chính", "kind", "office", "parentCode", parent))
                .put("/api/v1/agencies/" + child).then().statusCode(400).body("errors.field", hasItems("parentCode"));
        api().body(Map.of("code", "SO-NOI-VU", "name", "Sở Nội vụ", "kind", "department")).post("/api/v1/agencies")
                .then().statusCode(409);

        api().get("/api/v1/agencies/" + valid.get("code")).then().statusCode(404);
        api().get("/api/v1/agencies/" + child).then().body("parentCode", equalTo("VP-UBND-TINH"));
        api().get("/api/v1/agencies/SO-NOI-VU").then().body("name", equalTo("Sở Nội vụ"));
    }

    @Test
    void aWebhookUrlLeadingIntoTheInternalNetworkIsRefusedWhenSet() {
        String code = Fixtures.createAgency("Sở Tài chính");
        for (String url : List.of("https://127.0.0.1:5432/x", "https://localhost/x", "https://169.254.169.254/latest/meta-data",
                "https://10.20.0.10/admin", "https://192.168.1.1/", "https://172.16.0.1/", "https://100.64.0.1/",
                "https://[::1]/x", "https://[fe80::1]/x", "https://[fd00::1]/x", "https://224.0.0.1/", "https://0.0.0.0/",
                "https://[::ffff:127.0.0.1]/x", "https://2130706433/x")) {
            api().body(Map.of("name", "Sở Tài chính", "kind", "department", "webhookUrl", url))
                    .put("/api/v1/agencies/" + code).then().statusCode(400)
                    .body("errors.field", hasItems("webhookUrl"))
                    .body("errors.find { it.field == 'webhookUrl' }.message", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("Exception")));
        }
        api().get("/api/v1/agencies/" + code).then().body("webhookUrl", org.hamcrest.Matchers.nullValue());
        api().body(Map.of("name", "Sở Tài chính", "kind", "department", "webhookUrl", "https://8.8.8.8/hooks/parsipas"))
                .put("/api/v1/agencies/" + code).then().statusCode(200);
    }

    @Test
    void theDirectoryIsListedPageByPageInCodeOrder() {
        List<String> codes = ListPages.field(Fixtures::api, "/api/v1/agencies", 7, "code").stream()
                .map(String::valueOf).toList();

        assertThat(codes).as("at least four pages of 7").hasSizeGreaterThan(3 * 7);
        assertThat(codes).isSorted().doesNotHaveDuplicates().contains("UBND-TINH", "SO-NOI-VU", "ALL-INVESTORS");
        assertThat(codes).hasSameSizeAs(api().queryParam("limit", 200).get("/api/v1/agencies").jsonPath().getList("items"));
        assertThat(api().queryParam("kind", "collective").get("/api/v1/agencies").jsonPath().getList("items.code")).hasSize(6);
        api().queryParam("cursor", "not-a-cursor!").get("/api/v1/agencies").then().statusCode(400)
                .body("errors.field", hasItems("cursor"));
        ListPages.refuseWrongPaging(Fixtures::api, "/api/v1/agencies", 200);
    }

    private static void reject(Map<String, Object> body, String field) {
        api().body(body).post("/api/v1/agencies").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
