package vn.parsipas.task.plan.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.platform.problem.Problem.FieldError;

/** Reads the sheet «Kế hoạch»: a field per row, its name in column A and its value in column B. */
final class PlanSheet {
    private static final List<String> REQUIRED = List.of("id", "number", "issuer", "province", "issuedOn", "year", "timeZone",
            "title", "theme");

    private PlanSheet() {
    }

    static ObjectNode read(XSSFSheet rows, CellValues values, Locator locator, List<FieldError> errors) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        ObjectNode goals = info.putObject("goals");
        goals.putArray("purposes");
        goals.putArray("requirements");
        locator.field("plan", Sheet.FIRST_ROW, Sheet.PLAN.columns().get(0));
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = Sheet.FIRST_ROW; r <= rows.getLastRowNum(); r++) {
            Row row = rows.getRow(r);
            String label = row == null ? null : CellValues.text(row.getCell(0));
            if (label == null) {
                continue;
            }
            Column column = Sheet.PLAN.columns().stream().filter(c -> c.header().equals(label)).findFirst().orElse(null);
            if (column == null) {
                errors.add(Locator.at(Sheet.PLAN, r, null, "trường «" + label + "» không có trong mẫu"));
                continue;
            }
            rowOf.putIfAbsent(column.field(), r);
            boolean list = column.field().startsWith("goals.");
            locator.field("plan." + column.field() + (list ? "[" + Rows.at(info, column.field()).size() + "]" : ""), r, column);
            if (CellValues.text(row.getCell(1)) == null) {
                continue;
            }
            try {
                JsonNode value = values.value(row.getCell(1), column);
                if (list) {
                    ((ArrayNode) Rows.at(info, column.field())).add(value);
                } else if (info.has(column.field())) {
                    errors.add(Locator.at(Sheet.PLAN, r, column, "trường được ghi hai lần"));
                } else {
                    info.set(column.field(), value);
                }
            } catch (CellValues.Invalid e) {
                errors.add(Locator.at(Sheet.PLAN, r, column, e.getMessage()));
                if (!list) {
                    info.putNull(column.field());
                }
            }
        }
        for (String field : REQUIRED) {
            if (!info.has(field)) {
                errors.add(Locator.at(Sheet.PLAN, rowOf.getOrDefault(field, Sheet.FIRST_ROW), Sheet.PLAN.column(field), "thiếu giá trị"));
            }
        }
        if (!info.has("coordinatingOffices")) {
            info.putArray("coordinatingOffices");
        }
        return info;
    }
}
