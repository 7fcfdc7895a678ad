package vn.parsipas.task.plan.workbook;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

import vn.parsipas.platform.problem.Problem.FieldError;

/**
 * Where each entry of a plan read from a workbook came from, so that an error found later on the plan
 * (by its schema or its checks, with a path such as {@code criteria[3].tasks[2].leadAgency}) names
 * the sheet, row and column a person fixes.
 */
final class Locator {
    private record Place(Sheet sheet, int row, Column column) {
    }

    private final Map<String, Place> places = new HashMap<>();

    /** An entry of a table: its fields are the sheet's columns. */
    void row(String path, Sheet sheet, int row) {
        places.put(path, new Place(sheet, row, null));
    }

    /** A field of the sheet «Kế hoạch»: one row, value in column B. */
    void field(String path, int row, Column column) {
        places.put(path, new Place(Sheet.PLAN, row, column));
    }

    FieldError locate(FieldError error) {
        String path = error.field();
        String best = null;
        for (String known : places.keySet()) {
            if (within(known, path) && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        if (best == null) {
            return new FieldError(path, "Kế hoạch: " + error.message());
        }
        Place place = places.get(best);
        Column column = place.column() != null ? place.column() : column(place.sheet(), path.substring(best.length()).replaceFirst("^\\.", ""));
        return at(place.sheet(), place.row(), column, error.message());
    }

    /** An error at a cell; without a column, at the row's first cell. */
    static FieldError at(Sheet sheet, int row, Column column, String message) {
        boolean plan = sheet == Sheet.PLAN;
        int index = plan ? 1 : column == null ? 0 : sheet.columns().indexOf(column);
        String cell = new CellReference(row, index).formatAsString(false);
        String where = "Trang «" + sheet.name() + "», dòng " + (row + 1)
                + (column == null ? "" : plan ? ", trường «" + column.header() + "»" : ", cột «" + column.header() + "»");
        return new FieldError(sheet.name() + "!" + cell, where + " (ô " + cell + "): " + message);
    }

    /** The column holding a field, or the first holding one of its parts (indicator → indicator.code). */
    private static Column column(Sheet sheet, String rest) {
        Column best = null;
        for (Column column : sheet.columns()) {
            String field = column.field();
            if (within(field, rest) && (best == null || field.length() > best.field().length())) {
                best = column;
            }
        }
        if (best == null && !rest.isEmpty()) {
            best = sheet.columns().stream().filter(c -> c.field().startsWith(rest + ".")).findFirst().orElse(null);
        }
        return best;
    }

    private static boolean within(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
    }
}
