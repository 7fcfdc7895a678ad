package vn.parsipas.task.plan.workbook;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;

/**
 * Reads a filled template into a plan document, collecting every mistake with its sheet, row and
 * column (unknown agency, bad date, missing cell, target without unit, duplicate code, ...): when there
 * is any, nothing is returned, so nothing is imported.
 */
final class WorkbookReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ERRORS = 200;

    private final XSSFWorkbook workbook;
    private final List<FieldError> errors = new ArrayList<>();
    private final Locator locator = new Locator();
    private CellValues values;

    private WorkbookReader(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    static PlanWorkbook.Parsed read(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return new WorkbookReader(workbook).plan();
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new InvalidInputException("", "không phải tệp Excel (.xlsx) đọc được theo mẫu kế hoạch: " + e.getMessage());
        }
    }

    private PlanWorkbook.Parsed plan() {
        for (Sheet sheet : Sheet.ALL) {
            if (workbook.getSheet(sheet.name()) == null) {
                errors.add(new FieldError(sheet.name(), "Thiếu trang «" + sheet.name() + "» của mẫu kế hoạch"));
            }
        }
        fail();
        values = new CellValues(agencyCodes());
        List<Entry> agencies = table(Sheet.AGENCY_SHEET, "code", "code", "name", "kind");
        ObjectNode info = PlanSheet.read(workbook.getSheet(Sheet.PLAN.name()), values, locator, errors);
        List<Entry> groups = table(Sheet.GROUPS, "code", "code", "title");
        List<Entry> criteria = table(Sheet.CRITERIA, "code", "code", "kind", "area", "group", "title", "objective", "leadAgency",
                "responsibilityText", "deadline", "deadlineText");
        List<Entry> targets = table(Sheet.TARGETS, "id", "id", "kind", "description", "deadline", "responsibleAgency");
        List<Entry> tasks = table(Sheet.TASKS, "id", "id", "title");
        List<Entry> notes = table(Sheet.NOTES, "id", "id", "note");

        ObjectNode plan = NODES.objectNode().put("apiVersion", "parsipas.vn/plan/v1");
        plan.set("plan", info);
        plan.set("agencies", array(agencies, "agencies", Sheet.AGENCY_SHEET, this::agency));
        plan.set("groups", array(groups, "groups", Sheet.GROUPS, null));
        Map<String, Integer> byCode = new HashMap<>();
        ArrayNode criteriaArray = array(criteria, "criteria", Sheet.CRITERIA, this::criterion);
        for (int i = 0; i < criteriaArray.size(); i++) {
            byCode.put(criteriaArray.get(i).path("code").asText(), i);
        }
        plan.set("criteria", criteriaArray);
        ArrayNode goals = ((ObjectNode) info.get("goals")).putArray("targets");
        for (Entry target : targets) {
            if (place(target, Sheet.TARGETS, criteriaArray, byCode, goals, "plan.goals.targets", "targets")) {
                target(target);
            }
        }
        ArrayNode oneOff = plan.putArray("tasks");
        ArrayNode recurring = plan.putArray("recurringTasks");
        for (Entry task : tasks) {
            boolean duty = task.node().has("recurrence");
            place(task, Sheet.TASKS, criteriaArray, byCode, duty ? recurring : oneOff, duty ? "recurringTasks" : "tasks", "tasks");
        }
        info.set("sourceNotes", array(notes, "plan.sourceNotes", Sheet.NOTES, WorkbookReader::note));
        fail();
        return new PlanWorkbook.Parsed(plan, locator::locate);
    }

    /** The codes in the first column of «Cơ quan»: what agency cells may name. */
    private Set<String> agencyCodes() {
        XSSFSheet rows = workbook.getSheet(Sheet.AGENCY_SHEET.name());
        Set<String> codes = new LinkedHashSet<>();
        for (int r = Sheet.FIRST_ROW; r <= rows.getLastRowNum(); r++) {
            String code = rows.getRow(r) == null ? null : CellValues.text(rows.getRow(r).getCell(0));
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** A row of a table as the object it becomes, the row it came from, and the fields whose cells could not be read. */
    private record Entry(ObjectNode node, int row, Set<String> unreadable) {
        boolean lacks(String field) {
            return Rows.at(node, field).isMissingNode() && !unreadable.contains(field);
        }
    }

    private interface Shape {
        void apply(Entry entry);
    }

    /** Entries of a table: one per non-empty row, every cell read; required cells and duplicate keys reported. */
    private List<Entry> table(Sheet sheet, String key, String... required) {
        XSSFSheet rows = workbook.getSheet(sheet.name());
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int r = Sheet.FIRST_ROW; r <= rows.getLastRowNum(); r++) {
            Row row = rows.getRow(r);
            ObjectNode node = NODES.objectNode();
            Set<String> unreadable = new HashSet<>();
            boolean empty = true;
            for (int c = 0; c < sheet.columns().size(); c++) {
                Column column = sheet.columns().get(c);
                if (row == null || CellValues.text(row.getCell(c)) == null) {
                    continue;
                }
                empty = false;
                try {
                    put(node, column.field(), values.value(row.getCell(c), column));
                } catch (CellValues.Invalid e) {
                    errors.add(Locator.at(sheet, r, column, e.getMessage()));
                    unreadable.add(column.field());
                }
            }
            if (empty) {
                continue;
            }
            Entry entry = new Entry(node, r, unreadable);
            for (String field : required) {
                if (entry.lacks(field)) {
                    errors.add(Locator.at(sheet, r, sheet.column(field), "thiếu «" + sheet.column(field).header() + "»"));
                }
            }
            String id = node.path(key).asText(null);
            Integer first = id == null ? null : keys.putIfAbsent(id, r);
            if (first != null) {
                errors.add(Locator.at(sheet, r, sheet.column(key), "mã «" + id + "» đã dùng ở dòng " + (first + 1)));
            }
            entries.add(entry);
        }
        return entries;
    }

    private ArrayNode array(List<Entry> entries, String path, Sheet sheet, Shape shape) {
        ArrayNode array = NODES.arrayNode();
        for (Entry entry : entries) {
            locator.row(path + "[" + array.size() + "]", sheet, entry.row());
            if (shape != null) {
                shape.apply(entry);
            }
            array.add(entry.node());
        }
        return array;
    }

    /** Puts a target or task row into its criterion's list, or the plan's when it names none; false when its criterion does not exist. */
    private boolean place(Entry entry, Sheet sheet, ArrayNode criteria, Map<String, Integer> byCode, ArrayNode planList,
            String planPath, String field) {
        JsonNode code = entry.node().remove(Sheet.CRITERION);
        ArrayNode list = planList;
        String path = planPath;
        if (code != null) {
            Integer index = byCode.get(code.asText());
            if (index == null) {
                errors.add(Locator.at(sheet, entry.row(), sheet.column(Sheet.CRITERION), "tiêu chí «" + code.asText()
                        + "» không có trong trang «" + Sheet.CRITERIA.name() + "»"));
                return false;
            }
            list = (ArrayNode) criteria.get(index).get(field);
            path = "criteria[" + index + "]." + field;
        }
        locator.row(path + "[" + list.size() + "]", sheet, entry.row());
        list.add(entry.node());
        return true;
    }

    private void agency(Entry entry) {
        if ("collective".equals(entry.node().path("kind").asText()) && !entry.node().has("memberKinds")) {
            entry.node().putArray("memberKinds");
        }
    }

    private static void note(Entry entry) {
        if (!entry.node().has("refs")) {
            entry.node().putArray("refs");
        }
    }

    private void criterion(Entry entry) {
        if (!entry.node().has("coordinatingAgencies")) {
            entry.node().putArray("coordinatingAgencies");
        }
        entry.node().putArray("targets");
        entry.node().putArray("tasks");
    }

    /** What a target's kind requires: a measure with its unit, a threshold field (null when only relative), a year for a baseline. */
    private void target(Entry entry) {
        ObjectNode target = entry.node();
        String kind = target.path("kind").asText();
        if ("indicator".equals(kind)) {
            for (String field : List.of("indicator.code", "indicator.name", "indicator.unit")) {
                if (entry.lacks(field)) {
                    errors.add(Locator.at(Sheet.TARGETS, entry.row(), Sheet.TARGETS.column(field), "chỉ tiêu định lượng phải có «"
                            + Sheet.TARGETS.column(field).header() + "»"));
                }
            }
        }
        if ("indicator".equals(kind) || "sipas".equals(kind)) {
            if (entry.lacks("comparator")) {
                errors.add(Locator.at(Sheet.TARGETS, entry.row(), Sheet.TARGETS.column("comparator"), "thiếu «So sánh»"));
            }
            if (!target.has("value")) {
                target.set("value", NullNode.getInstance());
            }
        }
        JsonNode baseline = target.get("baseline");
        if (baseline != null) {
            if (entry.lacks("baseline.year")) {
                errors.add(Locator.at(Sheet.TARGETS, entry.row(), Sheet.TARGETS.column("baseline.year"), "giá trị năm gốc cần có năm gốc"));
            } else if (!baseline.has("value")) {
                ((ObjectNode) baseline).set("value", NullNode.getInstance());
            }
        }
    }

    private static void put(ObjectNode node, String field, JsonNode value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            node.set(field, value);
        } else {
            JsonNode child = node.get(field.substring(0, dot));
            put(child instanceof ObjectNode object ? object : node.putObject(field.substring(0, dot)), field.substring(dot + 1), value);
        }
    }

    private void fail() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
    }
}
