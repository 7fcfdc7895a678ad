package vn.parsipas.task.plan;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.task.Fixtures;

/** The seed plan as a document to change in a test, and read back as an import would. */
final class SeedEdits {
    private SeedEdits() {
    }

    static ObjectNode seed() {
        return (ObjectNode) PlanReader.parse(Fixtures.seedPlan(), true);
    }

    static PlanReader.ParsedPlan read(Consumer<ObjectNode> change) {
        ObjectNode plan = seed();
        change.accept(plan);
        return PlanReader.read(plan.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), PlanFormat.JSON);
    }

    static ObjectNode criterion(JsonNode plan, String code) {
        for (JsonNode criterion : plan.get("criteria")) {
            if (criterion.get("code").asText().equals(code)) {
                return (ObjectNode) criterion;
            }
        }
        throw new IllegalArgumentException(code);
    }

    static ObjectNode task(JsonNode plan, String id) {
        String code = id.substring(0, id.indexOf("-t"));
        for (JsonNode task : criterion(plan, code).get("tasks")) {
            if (task.get("id").asText().equals(id)) {
                return (ObjectNode) task;
            }
        }
        throw new IllegalArgumentException(id);
    }

    static ObjectNode target(JsonNode plan, String code, int index) {
        return (ObjectNode) criterion(plan, code).get("targets").get(index);
    }
}
