package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;

import vn.parsipas.devstack.Suite;
import vn.parsipas.devstack.SuiteClient;
import vn.parsipas.devstack.SuiteClient.Answer;

/**
 * The agency console as staff use it, in a real browser against the packaged suite: Sở Tư pháp signs
 * in on Keycloak's page, an overdue task arrives live, it is acknowledged and does not escalate, the
 * e-mail's link lands on the alert, another agency gets the not-found page, a progress report reaches
 * task-service, Văn phòng UBND tỉnh sees what escalated to it, signing out ends the session; then
 * every page is checked with axe-core at desktop width and at 360 px, and photographed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleScenariosIT {
    static final String STP = "SO-TU-PHAP";
    static final String STP_MAIL = "vanthu.stp@daklak.gov.vn";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String TASK_OVERDUE = "vn.parsipas.task.overdue.v1";

    static SystemUnderTest sut;
    static SuiteClient client;
    static ConsoleBrowser browser;
    static BrowserContext stp;
    static String acknowledgedTask;
    static String ignoredTask;
    static String acknowledgedAlert;
    static String ignoredAlert;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.get();
        client = sut.client;
        browser = new ConsoleBrowser(sut.url(Suite.CONSOLE), sut.repo.resolve("deploy/system-tests/target/console-screenshots"));
        String coordinator = client.userToken("coordinator.snv");
        JsonNode agency = SystemUnderTest.json(client.get(sut.url("task") + "/api/v1/agencies/" + STP, coordinator));
        ObjectNode change = SystemUnderTest.JSON.createObjectNode().put("name", agency.path("name").asText())
                .put("kind", agency.path("kind").asText()).put("parentCode", agency.path("parentCode").asText(null));
        change.putArray("emails").add(STP_MAIL);
        assertThat(client.put(sut.url("task") + "/api/v1/agencies/" + STP, coordinator, change.toString()).status()).isEqualTo(200);
        acknowledgedTask = newTask(coordinator, "Rà soát, công bố danh mục thủ tục hành chính lĩnh vực tư pháp");
        ignoredTask = newTask(coordinator, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void staffOfSoTuPhapSignsInOnKeycloaksLoginPage() {
        stp = browser.context(ConsoleBrowser.DESKTOP);
        Page page = stp.newPage();
        page.navigate(browser.base + "/canh-bao");
        assertThat(page.url()).as("redirected to Keycloak").doesNotStartWith(browser.base + "/");
        assertThat(page.locator("#kc-login").count()).isEqualTo(1);
        ConsoleBrowser.signIn(page, "staff.stp");
        assertThat(page.url()).startsWith(browser.base + "/canh-bao");
        assertThat(page.locator("h1").textContent()).contains("Hộp thư cảnh báo").contains("Sở Tư pháp");
    }

    @Test
    @Order(2)
    void anOverdueTaskArrivingOnKafkaAppearsInTheOpenInboxWithinTwoSecondsWithoutReload() {
        Page page = stp.pages().get(0);
        page.evaluate("() => window.notReloaded = true");
        page.waitForSelector("body[data-live=open]");
        Instant sent = Instant.now();
        sendOverdue(acknowledgedTask, "Rà soát, công bố danh mục thủ tục hành chính lĩnh vực tư pháp");
        // the task's due-soon alert is in the list already; the overdue one replaces it
        com.microsoft.playwright.Locator overdue = page.locator("#alerts li", new Page.LocatorOptions().setHasText("lĩnh vực tư pháp"))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("quá hạn")).first();
        overdue.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(PATIENCE.toMillis()));
        Duration visibleAfter = Duration.between(sent, Instant.now());
        acknowledgedAlert = overdue.getAttribute("id").substring("alert-".length()); // the next scenarios' alert, even if late
        assertThat(visibleAfter).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(page.evaluate("() => window.notReloaded")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void acknowledgingShowsWhoAcknowledgedAndMovingPastTheEscalationDelayRaisesNoEscalation() {
        sendOverdue(ignoredTask, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch");
        ignoredAlert = awaitAlertAbout(ignoredTask);
        Page page = browser.open(stp, "/canh-bao/" + acknowledgedAlert, null);
        assertThat(page.locator("#ghi-chu").count()).as("the alert page at %s offers to acknowledge it: %s", page.url(),
                page.locator("body").innerText()).isOne();
        page.fill("#ghi-chu", "Đã giao phòng Hành chính tư pháp xử lý.");
        page.click("form.card button[type=submit]");
        page.waitForSelector("#acknowledged-by");
        assertThat(page.locator("#acknowledged-by").textContent()).contains("staff.stp").contains("Đã giao phòng Hành chính tư pháp xử lý.");
        assertThat(page.locator(".notice").textContent()).contains("Đã tiếp nhận 1 cảnh báo");
        // what raises this kind of alert and what ends it: the rules page, at its kind
        page.click("a[href$='huong-dan/canh-bao#task-overdue']");
        assertThat(page.locator("#task-overdue").textContent()).contains("Nhiệm vụ quá hạn");

        sut.moveClocks(sut.businessNow().plus(Duration.ofDays(6)));
        String staffStp = client.userToken("staff.stp");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(alert(staffStp, ignoredAlert).path("escalationLevel").asInt()).isGreaterThanOrEqualTo(1));
        JsonNode acknowledged = alert(staffStp, acknowledgedAlert);
        assertThat(acknowledged.path("status").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged.path("escalationLevel").asInt()).isZero();
    }

    @Test
    @Order(4)
    void theLinkInTheEmailLandsOnThatAlertAfterSignIn() {
        String[] link = new String[1];
        Pattern alertLink = Pattern.compile("https?://[^\\s\"'<>]+/canh-bao/" + acknowledgedAlert);
        await().atMost(PATIENCE).until(() -> {
            for (var mail : sut.smtp.getReceivedMessages()) {
                Matcher found = alertLink.matcher(AgencyScenariosIT.body(mail));
                if (found.find()) {
                    link[0] = found.group();
                    return true;
                }
            }
            return false;
        });
        assertThat(link[0]).startsWith(browser.base);
        BrowserContext fresh = browser.context(ConsoleBrowser.DESKTOP);
        Page page = browser.open(fresh, link[0], "staff.stp");
        assertThat(page.url()).isEqualTo(link[0]);
        assertThat(page.locator("h1").textContent()).contains("Nhiệm vụ quá hạn");
        fresh.close();
    }

    @Test
    @Order(5)
    void staffOfSoKhcnOpeningTheSameAddressGetsTheNotFoundPage() {
        BrowserContext skhcn = browser.context(ConsoleBrowser.DESKTOP);
        Page page = skhcn.newPage();
        Response[] last = new Response[1];
        page.onResponse(response -> {
            if (response.url().startsWith(browser.base + "/canh-bao/")) {
                last[0] = response;
            }
        });
        page.navigate(browser.base + "/canh-bao/" + acknowledgedAlert);
        ConsoleBrowser.signIn(page, "staff.skhcn");
        assertThat(last[0].status()).isEqualTo(404);
        assertThat(page.locator("h1").textContent()).isEqualTo("Không tìm thấy trang");
        assertThat(page.content()).doesNotContain("lĩnh vực tư pháp").doesNotContain(acknowledgedTask);
        page.navigate(browser.base + "/nhiem-vu/" + acknowledgedTask);
        assertThat(page.locator("h1").textContent()).isEqualTo("Không tìm thấy trang");
        skhcn.close();
    }

    @Test
    @Order(6)
    void aProgressReportEnteredInTheFormIsInTaskServicesRecords() {
        Page page = browser.open(stp, "/nhiem-vu/" + acknowledgedTask, null);
        page.fill("#phan-tram", "150");
        page.click("form[action$='/tien-do'] button");
        assertThat(page.locator("#phan-tram-error").textContent()).contains("từ 0 đến 100");
        assertThat(page.locator("#error-summary").textContent()).contains("từ 0 đến 100");
        page.fill("#phan-tram", "40,5");
        page.fill("#noi-dung", "Đã rà soát 120/296 thủ tục; dự kiến công bố trong tháng.");
        page.fill("#minh-chung", "https://stp.daklak.gov.vn/van-ban/ra-soat-tthc");
        page.click("form[action$='/tien-do'] button");
        assertThat(page.locator(".notice").textContent()).contains("Đã ghi nhận báo cáo tiến độ");
        assertThat(page.locator("#history").textContent()).contains("40,5%");

        Answer reports = client.get(sut.url("task") + "/api/v1/tasks/" + acknowledgedTask + "/progress-reports", client.userToken("staff.stp"));
        assertThat(reports.body()).contains("40.5").contains("Đã rà soát 120/296 thủ tục").contains("staff.stp");
    }

    @Test
    @Order(7)
    void vanPhongUbndTinhSeesTheUnacknowledgedAlertEscalatedToIt() {
        BrowserContext vpubnd = browser.context(ConsoleBrowser.DESKTOP);
        Page page = browser.open(vpubnd, "/cap-tren", "staff.vpubnd");
        var group = page.locator("section", new Page.LocatorOptions().setHasText("Sở Tư pháp"));
        assertThat(group.locator("#alert-" + ignoredAlert).count()).isEqualTo(1);
        assertThat(page.locator("#alert-" + acknowledgedAlert).count()).isZero();
        browser.screenshot(page, "cap-tren-desktop");
        vpubnd.close();
    }

    @Test
    @Order(8)
    void signingOutEndsTheSessionAndTheBackButtonShowsTheLoginPage() {
        Page page = browser.open(stp, "/canh-bao", null);
        List<String> trail = new CopyOnWriteArrayList<>();
        page.onResponse(response -> trail.add(response.status() + " " + response.request().method() + " " + response.url()));
        page.onRequestFailed(request -> trail.add("failed " + request.url() + ": " + request.failure()));
        page.onFrameNavigated(frame -> trail.add("navigated to " + frame.url()));
        page.click("a.signout");
        try {
            page.waitForURL(Pattern.compile(Pattern.quote(browser.base + "/da-dang-xuat") + "(\\?.*)?"));
        } catch (TimeoutError e) {
            throw new AssertionError("signing out did not reach /da-dang-xuat; the page is at " + page.url() + " after:\n"
                    + String.join("\n", trail) + "\nit shows: " + page.locator("body").innerText(), e);
        }
        assertThat(page.locator("h1").textContent()).contains("đã đăng xuất");
        page.goBack();
        // whichever comes back: Keycloak's login page (expected) or the inbox (a cached page, the defect)
        page.waitForSelector("#kc-login, main#main");
        assertThat(page.locator("#kc-login").count()).as("back shows Keycloak's login page, not the inbox").isEqualTo(1);
        stp.close();
    }

    @Test
    @Order(9)
    void everyPageHasNoSeriousAccessibilityViolationsFitsA360PixelScreenAndCarriesTheSecurityHeaders() {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(ConsoleBrowser.DESKTOP, ConsoleBrowser.PHONE)) {
            BrowserContext context = browser.context(width);
            List<String> cspViolations = new ArrayList<>();
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                // the audit's own tools (axe-core, Playwright's screenshot) add styles the CSP rightly blocks
                if (message.text().contains("Content Security Policy") && !browser.auditing()) {
                    cspViolations.add(page.url() + ": " + message.text());
                }
            });
            String suffix = width == ConsoleBrowser.PHONE ? "-360" : "-desktop";
            browser.audit(page, "/", "dang-nhap" + suffix, problems);
            page.navigate(browser.base + "/canh-bao");
            ConsoleBrowser.signIn(page, "staff.stp");
            for (String[] visit : List.of(new String[] { "/canh-bao", "hop-thu" }, new String[] { "/canh-bao?tab=da-tiep-nhan", "hop-thu-da-tiep-nhan" },
                    new String[] { "/canh-bao/" + acknowledgedAlert, "canh-bao" }, new String[] { "/nhiem-vu", "nhiem-vu" },
                    new String[] { "/nhiem-vu/" + acknowledgedTask, "nhiem-vu-chi-tiet" }, new String[] { "/cap-tren", "cap-tren-trong" },
                    new String[] { "/cai-dat", "cai-dat" }, new String[] { "/huong-dan/canh-bao", "huong-dan-canh-bao" },
                    new String[] { "/khong-co-trang-nay", "khong-tim-thay" })) {
                browser.audit(page, visit[0], visit[1] + suffix, problems);
            }
            Response inbox = page.navigate(browser.base + "/canh-bao");
            assertThat(inbox.headers().get("content-security-policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
            assertThat(inbox.headers().get("referrer-policy")).isEqualTo("same-origin");
            assertThat(inbox.headers().get("cache-control")).isEqualTo("no-store");
            assertThat(page.content()).as("no token in the page").doesNotContainPattern("eyJ[A-Za-z0-9_-]{20,}\\.");
            page.click("a.signout");
            page.waitForURL(Pattern.compile(Pattern.quote(browser.base + "/da-dang-xuat") + "(\\?.*)?"));
            browser.audit(page, "/da-dang-xuat", "da-dang-xuat" + suffix, problems);
            assertThat(cspViolations).as("Content Security Policy violations").isEmpty();
            context.close();
        }
        assertThat(problems).isEmpty();
        // a state-changing form without its CSRF token is refused, even with a valid session
        BrowserContext context = browser.context(ConsoleBrowser.DESKTOP);
        Page page = browser.open(context, "/canh-bao", "staff.stp");
        var forged = page.request().post(browser.base + "/canh-bao/tiep-nhan",
                com.microsoft.playwright.options.RequestOptions.create().setForm(
                        com.microsoft.playwright.options.FormData.create().set("ids", ignoredAlert)).setMaxRedirects(0));
        assertThat(forged.status()).isBetween(400, 403);
        assertThat(alert(client.userToken("staff.stp"), ignoredAlert).path("status").asText()).isEqualTo("open");
        context.close();
    }

    /**
     * Issue 17: the operator finds notification-service's refused facts on "Bản ghi bị từ chối", replays
     * one (still invalid, it comes back as a new dead letter), discards the other once a reason is given,
     * and reads both in the log; the page passes axe-core and fits a phone.
     */
    @Test
    @Order(10)
    void anOperatorReplaysAndDiscardsDeadLettersInTheConsoleAndReadsBothInTheLog() throws Exception {
        String replayed = "overdue/dlq-" + UUID.randomUUID();
        String discarded = "overdue/dlq-" + UUID.randomUUID();
        try (ExternalProducer kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo)) {
            for (String id : List.of(replayed, discarded)) {
                ObjectNode data = kafka.example("task-overdue.v1");
                data.remove("leadAgency");
                String task = id.substring("overdue/".length());
                kafka.send("tasks.deadlines.v1", task, kafka.envelope(id, TASK_OVERDUE, "task-overdue.v1", "/parsipas/task-service", task, data));
            }
            kafka.flush();
        }
        String letters = "/ban-ghi-tu-choi?dich-vu=notification&chu-de=tasks.deadlines.v1.dlq";
        BrowserContext context = browser.context(ConsoleBrowser.DESKTOP);
        Page page = browser.open(context, letters, "operator");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            page.navigate(browser.base + letters);
            return item(page, replayed).count() == 1 && item(page, discarded).count() == 1;
        });
        assertThat(item(page, replayed).textContent()).contains("leadAgency").contains("tasks.deadlines.v1");

        item(page, replayed).locator("input[type=checkbox]").check();
        page.fill("#ghi-chu", "Hệ thống nguồn đã sửa, gửi lại để kiểm tra");
        page.click("button[value=gui-lai]");
        assertThat(page.locator(".notice[role=status]").textContent()).contains("Đã gửi lại 1 bản ghi");
        // still without leadAgency, so notification-service refuses it again: a new dead letter, same event id
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            page.navigate(browser.base + letters);
            return item(page, replayed).count() == 1;
        });

        item(page, discarded).locator("input[type=checkbox]").check();
        page.click("button[value=loai-bo]");
        assertThat(page.locator("#error-summary").textContent()).contains("Nhập lý do loại bỏ.");
        item(page, discarded).locator("input[type=checkbox]").check();
        page.fill("#ghi-chu", "Bản ghi thử nghiệm, không cần xử lý");
        page.click("button[value=loai-bo]");
        assertThat(page.locator(".notice[role=status]").textContent()).contains("Đã loại bỏ 1 bản ghi");
        assertThat(item(page, discarded).count()).isZero();

        page.navigate(browser.base + "/ban-ghi-tu-choi/nhat-ky?dich-vu=notification");
        assertThat(page.locator("li.item", new Page.LocatorOptions().setHasText(discarded)).textContent())
                .contains("Đã loại bỏ").contains("operator").contains("Bản ghi thử nghiệm, không cần xử lý");
        assertThat(page.locator("li.item", new Page.LocatorOptions().setHasText(replayed)).textContent())
                .contains("Đã gửi lại").contains("Hệ thống nguồn đã sửa, gửi lại để kiểm tra");
        context.close();
        // the dashboards count the operators' actions per topic (helm/parsipas/files/dashboards)
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sut.url("notification")
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("parsipas_dead_letters_handled_total\\{action=\"replayed\",topic=\"[^\"]+\"\\} [1-9][0-9]*\\.0")
                .containsPattern("parsipas_dead_letters_handled_total\\{action=\"discarded\",topic=\"[^\"]+\"\\} [1-9][0-9]*\\.0");

        List<String> problems = new ArrayList<>();
        for (int width : List.of(ConsoleBrowser.DESKTOP, ConsoleBrowser.PHONE)) {
            BrowserContext audited = browser.context(width);
            Page auditPage = browser.open(audited, letters, "operator");
            browser.audit(auditPage, letters, "ban-ghi-tu-choi-" + width, problems);
            browser.audit(auditPage, "/ban-ghi-tu-choi/nhat-ky?dich-vu=notification", "ban-ghi-tu-choi-nhat-ky-" + width, problems);
            audited.close();
        }
        assertThat(problems).isEmpty();
    }

    private static Locator item(Page page, String eventId) {
        return page.locator("li.item", new Page.LocatorOptions().setHasText(eventId));
    }

    private static String newTask(String coordinator, String title) {
        String deadline = java.time.LocalDate.ofInstant(sut.businessNow().plus(Duration.ofDays(20)), java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Answer created = client.post(sut.url("task") + "/api/v1/tasks", coordinator, """
                {"title": "%s", "leadAgency": "%s", "deadline": "%s"}""".formatted(title, STP, deadline),
                java.util.Map.of("Idempotency-Key", "console-task-" + java.util.UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return SystemUnderTest.json(created).path("id").asText();
    }

    /** The fact task-service raises when the task's deadline passes, written to Kafka as it would be. */
    private static void sendOverdue(String taskId, String title) {
        try (ExternalProducer kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo)) {
            ObjectNode data = kafka.example("task-overdue.v1");
            data.put("taskId", taskId).put("leadAgency", STP).put("title", title).putNull("criterionCode").putNull("planId");
            data.putArray("coordinatingAgencies");
            kafka.send("tasks.deadlines.v1", taskId, kafka.envelope("overdue/" + taskId, TASK_OVERDUE, "task-overdue.v1",
                    "/parsipas/task-service", taskId, data));
            kafka.flush();
        }
    }

    /** Sở Tư pháp's alert about a task, once its inbox (read with staff.stp's own login) holds it. */
    private static String awaitAlertAbout(String taskId) {
        String[] id = new String[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode inbox = SystemUnderTest.json(client.get(sut.url("notification") + "/api/v1/agencies/" + STP
                    + "/alerts?kind=task-overdue&limit=200", client.userToken("staff.stp")));
            for (JsonNode alert : inbox.path("items")) {
                if (alert.path("subjectId").asText().equals(taskId)) {
                    id[0] = alert.path("alertId").asText();
                }
            }
            return id[0] != null;
        });
        return id[0];
    }

    private static JsonNode alert(String token, String id) {
        return SystemUnderTest.json(client.get(sut.url("notification") + "/api/v1/alerts/" + id, token)).path("alert");
    }
}
