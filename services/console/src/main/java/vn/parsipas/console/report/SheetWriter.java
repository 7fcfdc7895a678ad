package vn.parsipas.console.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.parsipas.console.web.Wording;

/**
 * Writes tables into a workbook the way the office reads them: a bold, shaded, wrapped header row that
 * stays in view (frozen) with a filter, column widths for Vietnamese text, counts as whole numbers,
 * percentages with two decimals, dates as dd/mm/yyyy.
 */
final class SheetWriter {
    /** A column: its Vietnamese header and its width in characters. */
    record Column(String header, int width) {
    }

    private final XSSFWorkbook workbook;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle count;
    private final CellStyle decimal;
    private final CellStyle date;
    private final CellStyle dateTime;

    SheetWriter(XSSFWorkbook workbook) {
        this.workbook = workbook;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        text = workbook.createCellStyle();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        count = styled("#,##0");
        decimal = styled("#,##0.00");
        date = styled("dd/mm/yyyy");
        dateTime = styled("dd/mm/yyyy hh:mm");
    }

    private CellStyle styled(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    /** A sheet with its header row frozen (and the first {@code frozenColumns} columns) and filterable. */
    Sheet table(String name, List<Column> columns, int frozenColumns) {
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(frozenColumns, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        return sheet;
    }

    /** Appends a row; each value is written by its type (null leaves the cell empty). */
    void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Long || value instanceof Integer) {
                cell.setCellValue(((Number) value).doubleValue());
                cell.setCellStyle(count);
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(decimal);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof Instant instant) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, Wording.ZONE));
                cell.setCellStyle(dateTime);
            } else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(text);
            }
        }
    }

    /** A two-column sheet of labelled facts (the cover), the label column bold. */
    Sheet facts(String name) {
        Sheet sheet = workbook.createSheet(name);
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        return sheet;
    }

    void fact(Sheet sheet, String label, Object value) {
        row(sheet, label, value);
        sheet.getRow(sheet.getLastRowNum()).getCell(0).setCellStyle(header);
    }
}
