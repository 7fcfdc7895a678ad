package vn.parsipas.task.plan.workbook;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rows of the sheets «Mục tiêu» and «Nhiệm vụ»: entries of the plan with the criterion they belong to. */
final class Rows {
    private Rows() {
    }

    /** Plan goals first (no criterion), then each criterion's targets. */
    static List<JsonNode> targets(JsonNode plan) {
        List<JsonNode> rows = new ArrayList<>(WorkbookWriter.items(plan.path("plan").path("goals").path("targets")));
        for (JsonNode criterion : WorkbookWriter.items(plan.path("criteria"))) {
            WorkbookWriter.items(criterion.path("targets")).forEach(target -> rows.add(withCriterion(target, criterion)));
        }
        return rows;
    }

    /** Each criterion's tasks, then the plan's one-off tasks, then its recurring duties. */
    static List<JsonNode> tasks(JsonNode plan) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode criterion : WorkbookWriter.items(plan.path("criteria"))) {
            WorkbookWriter.items(criterion.path("tasks")).forEach(task -> rows.add(withCriterion(task, criterion)));
        }
        rows.addAll(WorkbookWriter.items(plan.path("tasks")));
        rows.addAll(WorkbookWriter.items(plan.path("recurringTasks")));
        return rows;
    }

    /** The value at a dotted field ({@code indicator.code}); missing when any step is absent. */
    static JsonNode at(JsonNode node, String field) {
        JsonNode value = node;
        for (String step : field.split("\\.")) {
            value = value == null ? MissingNode.getInstance() : value.path(step);
        }
        return value;
    }

    private static JsonNode withCriterion(JsonNode entry, JsonNode criterion) {
        ObjectNode row = entry.deepCopy();
        row.put(Sheet.CRITERION, criterion.path("code").asText());
        return row;
    }
}
