package vn.parsipas.task.plan.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Writes a plan document into the template: a guide, one sheet per part of the plan with headers and
 * a line of help, drop-down lists for agencies, kinds, units, comparators and recurrences, and cells of
 * code columns formatted as text (so that 1.10 stays 1.10).
 */
final class WorkbookWriter {
    /** Rows offered with validation below the entries, for the author to fill. */
    static final int LAST_ROW = 2000;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle help;
    private final CellStyle text;
    private final CellStyle date;
    private final CellStyle number;

    private WorkbookWriter() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font grey = workbook.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        help = workbook.createCellStyle();
        help.setFont(grey);
        help.setWrapText(true);
        text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        date.setVerticalAlignment(VerticalAlignment.TOP);
        number = workbook.createCellStyle();
        number.setVerticalAlignment(VerticalAlignment.TOP);
    }

    static byte[] write(JsonNode plan) {
        WorkbookWriter writer = new WorkbookWriter();
        writer.guide();
        writer.planSheet(plan.path("plan"));
        writer.table(Sheet.AGENCY_SHEET, items(plan.path("agencies")));
        writer.table(Sheet.GROUPS, items(plan.path("groups")));
        writer.table(Sheet.CRITERIA, items(plan.path("criteria")));
        writer.table(Sheet.TARGETS, Rows.targets(plan));
        writer.table(Sheet.TASKS, Rows.tasks(plan));
        writer.table(Sheet.NOTES, items(plan.path("plan").path("sourceNotes")));
        writer.lists();
        return writer.bytes();
    }

    private void guide() {
        XSSFSheet sheet = workbook.createSheet(Sheet.GUIDE);
        sheet.setColumnWidth(0, 120 * 256);
        List<String> lines = Guide.LINES;
        for (int i = 0; i < lines.size(); i++) {
            Cell cell = sheet.createRow(i).createCell(0);
            cell.setCellValue(lines.get(i));
            cell.setCellStyle(i == 0 ? header : text);
        }
    }

    private void planSheet(JsonNode info) {
        XSSFSheet sheet = workbook.createSheet(Sheet.PLAN.name());
        Row top = sheet.createRow(0);
        headerCell(top, 0, "Trường");
        headerCell(top, 1, "Giá trị");
        headerCell(top, 2, "Hướng dẫn");
        sheet.createRow(1).createCell(0).setCellValue("");
        int row = Sheet.FIRST_ROW;
        for (Column column : Sheet.PLAN.columns()) {
            JsonNode value = Rows.at(info, column.field());
            List<JsonNode> values = column.field().startsWith("goals.") ? items(value) : List.of(value);
            for (JsonNode item : values.isEmpty() ? List.<JsonNode>of(MissingNode.getInstance()) : values) {
                Row line = sheet.createRow(row++);
                line.createCell(0).setCellValue(column.header());
                write(line.createCell(1), column, item);
                Cell hint = line.createCell(2);
                hint.setCellValue(column.help());
                hint.setCellStyle(help);
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        sheet.setColumnWidth(2, 50 * 256);
        sheet.createFreezePane(0, 1);
    }

    private void table(Sheet layout, List<JsonNode> entries) {
        XSSFSheet sheet = workbook.createSheet(layout.name());
        Row top = sheet.createRow(0);
        Row hints = sheet.createRow(1);
        List<Column> columns = layout.columns();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            headerCell(top, c, column.header());
            Cell hint = hints.createCell(c);
            hint.setCellValue(column.help());
            hint.setCellStyle(help);
            sheet.setColumnWidth(c, width(column) * 256);
            if (column.type() != Column.Type.DATE && column.type() != Column.Type.NUMBER && column.type() != Column.Type.INTEGER) {
                sheet.setDefaultColumnStyle(c, text);
            }
            validate(sheet, c, column);
        }
        for (int r = 0; r < entries.size(); r++) {
            Row row = sheet.createRow(Sheet.FIRST_ROW + r);
            for (int c = 0; c < columns.size(); c++) {
                write(row.createCell(c), columns.get(c), Rows.at(entries.get(r), columns.get(c).field()));
            }
        }
        sheet.createFreezePane(columns.get(0).field().equals(Sheet.CRITERION) ? 2 : 1, Sheet.FIRST_ROW);
    }

    private void write(Cell cell, Column column, JsonNode value) {
        cell.setCellStyle(text);
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        switch (column.type()) {
            case DATE -> {
                cell.setCellValue(LocalDate.parse(value.asText()));
                cell.setCellStyle(date);
            }
            case INTEGER, NUMBER -> {
                cell.setCellValue(value.decimalValue().doubleValue());
                cell.setCellStyle(number);
            }
            case FLAG -> cell.setCellValue(value.asBoolean() ? "x" : "");
            case CHOICE -> cell.setCellValue(column.vocabulary().label(value.asText()));
            case CHOICES -> cell.setCellValue(String.join("; ", texts(value).stream().map(column.vocabulary()::label).toList()));
            case AGENCIES -> cell.setCellValue(value.isEmpty() ? Sheet.NONE : String.join(", ", texts(value)));
            case LIST -> cell.setCellValue(String.join(", ", texts(value)));
            case LINES -> cell.setCellValue(String.join("\n", texts(value)));
            default -> cell.setCellValue(value.asText());
        }
    }

    /** Drop-downs: agencies from the sheet «Cơ quan», choices from the hidden sheet «Danh mục»; dates as dates. */
    private void validate(XSSFSheet sheet, int column, Column layout) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = switch (layout.type()) {
            case AGENCY -> helper.createFormulaListConstraint("'" + Sheet.AGENCY_SHEET.name() + "'!$A$3:$A$" + LAST_ROW);
            case CHOICE -> helper.createFormulaListConstraint(listRange(layout.vocabulary()));
            case DATE -> helper.createDateConstraint(OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2100,12,31)", null);
            default -> null;
        };
        if (constraint == null) {
            return;
        }
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(Sheet.FIRST_ROW, LAST_ROW - 1, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox(layout.header(), layout.type() == Column.Type.DATE ? "Ghi ngày theo dạng dd/mm/yyyy."
                : "Chọn một giá trị trong danh sách.");
        sheet.addValidationData(validation);
    }

    private void lists() {
        XSSFSheet sheet = workbook.createSheet(Sheet.LISTS);
        Vocabulary[] vocabularies = Vocabulary.values();
        for (int c = 0; c < vocabularies.length; c++) {
            List<String> labels = vocabularies[c].labels();
            row(sheet, 0).createCell(c).setCellValue(vocabularies[c].title());
            for (int r = 0; r < labels.size(); r++) {
                row(sheet, r + 1).createCell(c).setCellValue(labels.get(r));
            }
        }
        workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
    }

    private static String listRange(Vocabulary vocabulary) {
        String column = CellReference.convertNumToColString(vocabulary.ordinal());
        return "'" + Sheet.LISTS + "'!$" + column + "$2:$" + column + "$" + (vocabulary.labels().size() + 1);
    }

    private static Row row(XSSFSheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    private void headerCell(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(header);
    }

    private static int width(Column column) {
        return switch (column.type()) {
            case TEXT, LINES -> column.field().equals("id") || column.field().equals("code") ? 14 : 60;
            case DATE, INTEGER, NUMBER, FLAG -> 14;
            default -> 28;
        };
    }

    private byte[] bytes() {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> items(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
