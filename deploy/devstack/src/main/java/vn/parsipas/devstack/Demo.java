package vn.parsipas.devstack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local demo ({@code ./run-local.sh --demo}): plays the external systems and moves time so that
 * a newcomer sees alerts reach the agencies' inboxes within a minute — iGate pushes a low monthly
 * rate of online end-to-end dossiers, kiosks submit unhappy SIPAS answers for Sở Tư pháp, and the
 * clocks of all services jump to a week before 31 December 2025, then past it.
 */
final class Demo implements Runnable {
    private static final String DUE_SOON = "2025-12-25T01:00:00Z";
    private static final String PAST_DEADLINE = "2026-01-02T01:00:00Z";
    private static final String SURVEY_AGENCY = "SO-TU-PHAP";
    /** Time to open the console and sign in before the first alerts arrive. */
    private static final int CONSOLE_GRACE_SECONDS = 45;

    private final Suite suite;
    private final SuiteClient client;

    Demo(Suite suite, String keycloakUrl) {
        this.suite = suite;
        this.client = new SuiteClient(keycloakUrl);
    }

    @Override
    public void run() {
        try {
            if (!suite.instances(Suite.CONSOLE).isEmpty()) {
                say("open " + suite.url(Suite.CONSOLE) + " and sign in as staff.stp (password " + SuiteClient.DEMO_PASSWORD
                        + "): alerts start arriving in its inbox in " + CONSOLE_GRACE_SECONDS + " s, live");
                Thread.sleep(CONSOLE_GRACE_SECONDS * 1000L);
            }
            String operator = client.userToken("operator");
            moveClocks(operator, DUE_SOON);
            pushObservations(client.systemToken("igate"));
            submitUnhappyResponses(client.systemToken("igate"), client.systemToken("survey-kiosk"));
            Thread.sleep(30_000);
            moveClocks(operator, PAST_DEADLINE);
            say("done. Inboxes (staff.skhcn, staff.stp, staff.vpubnd; password " + SuiteClient.DEMO_PASSWORD + "): "
                    + (suite.instances(Suite.CONSOLE).isEmpty() ? suite.url("notification") + "/api/v1/agencies/<code>/alerts"
                            : suite.url(Suite.CONSOLE) + "/canh-bao") + "; see the README's demo section.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            say("stopped: " + e.getMessage());
        }
    }

    private void moveClocks(String operatorToken, String instant) {
        for (String service : Suite.SERVICES) {
            for (Suite.Instance instance : suite.instances(service)) {
                SuiteClient.Answer answer = client.put(instance.url() + "/api/v1/admin/clock", operatorToken,
                        "{\"now\":\"" + instant + "\"}");
                if (answer.status() != 200) {
                    throw new IllegalStateException("moving " + service + "-service's clock: " + answer.status() + " " + answer.body());
                }
            }
        }
        say("the clocks of all services now read " + instant);
    }

    /** iGate's monthly rate of online end-to-end dossiers, far below the trajectory toward 80 % by year end. */
    private void pushObservations(String igateToken) {
        List<String> items = new ArrayList<>();
        for (int month = 6; month <= 11; month++) {
            items.add(String.format("{\"indicatorCode\":\"online-end-to-end-dossier-rate\",\"scope\":\"PROVINCE\","
                    + "\"period\":\"2025-%02d\",\"value\":%d.5,\"unit\":\"percent\",\"observedAt\":\"2025-%02d-28T01:00:00Z\"}",
                    month, 38 + month, month));
        }
        SuiteClient.Answer answer = client.post(suite.url("indicator") + "/api/v1/observations", igateToken,
                "{\"observations\":[" + String.join(",", items) + "]}", Map.of("Idempotency-Key", "demo-" + UUID.randomUUID()));
        say("iGate pushed 6 monthly online end-to-end dossier rates (44–49 %): HTTP " + answer.status());
    }

    /** 150 dossiers of Sở Tư pháp returned, registered by iGate, rated 1–2 at a kiosk. */
    private void submitUnhappyResponses(String igateToken, String kioskToken) {
        List<String> codes = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String code = "000.00.15.H17-DEMO-" + UUID.randomUUID().toString().substring(0, 8);
            codes.add("{\"receiptCode\":\"" + code + "\",\"agencyCode\":\"" + SURVEY_AGENCY + "\",\"procedureCode\":\"1.001193\"}");
            int score = 1 + i % 2;
            StringBuilder answers = new StringBuilder();
            for (String subIndex : List.of("2.2.1", "2.2.2", "2.2.3", "2.2.4")) {
                answers.append(answers.isEmpty() ? "" : ",").append("{\"questionId\":\"").append(subIndex)
                        .append("-q1\",\"score\":").append(score).append('}');
            }
            responses.add("{\"responseId\":\"" + UUID.randomUUID() + "\",\"questionnaireId\":\"sipas-2025\",\"questionnaireVersion\":1,"
                    + "\"receiptCode\":\"" + code + "\",\"agencyCode\":\"" + SURVEY_AGENCY + "\",\"procedureCode\":\"1.001193\","
                    + "\"channel\":\"counter\",\"submittedAt\":\"" + Instant.parse(DUE_SOON).minusSeconds(86_400L * (i % 60))
                    + "\",\"answers\":[" + answers + "]}");
        }
        SuiteClient.Answer registered = client.post(suite.url("survey") + "/api/v1/receipt-codes", igateToken,
                "{\"receiptCodes\":[" + String.join(",", codes) + "]}");
        SuiteClient.Answer submitted = client.post(suite.url("survey") + "/api/v1/responses/batch", kioskToken,
                "{\"responses\":[" + String.join(",", responses) + "]}");
        say("iGate registered 150 receipt codes of " + SURVEY_AGENCY + " (HTTP " + registered.status()
                + "); kiosks submitted 150 unhappy SIPAS responses (HTTP " + submitted.status() + ")");
    }

    private static void say(String line) {
        System.out.println("demo: " + line);
    }
}
