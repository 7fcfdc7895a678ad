package vn.parsipas.task.plan.workbook;

import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.platform.problem.Problem.FieldError;

/**
 * Plans as spreadsheets: the XLSX template (sheets «Kế hoạch», «Cơ quan», «Mục», «Tiêu chí», «Mục
 * tiêu», «Nhiệm vụ», «Ghi chú nguồn», with Vietnamese headers and drop-down lists) written from a plan
 * document, and read back into one. Reading then writing a plan gives the same plan.
 */
public final class PlanWorkbook {
    private PlanWorkbook() {
    }

    /** A plan document read from a workbook; {@code locate} turns a path in it into its sheet, row and column. */
    public record Parsed(ObjectNode plan, UnaryOperator<FieldError> locator) {
        public FieldError locate(FieldError error) {
            return locator.apply(error);
        }
    }

    /** Reads a filled template; throws InvalidInputException naming every wrong cell. */
    public static Parsed read(byte[] xlsx) {
        return WorkbookReader.read(xlsx);
    }

    /** The template filled with a plan document (deploy/plans/plan.schema.json). */
    public static byte[] write(JsonNode plan) {
        return WorkbookWriter.write(plan);
    }

    /** An empty template whose sheet «Cơ quan» lists these agencies (objects of the plan format's agencies). */
    public static byte[] template(List<ObjectNode> agencies) {
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.putObject("plan").put("timeZone", "Asia/Ho_Chi_Minh");
        plan.putArray("agencies").addAll(agencies);
        return WorkbookWriter.write(plan);
    }
}
