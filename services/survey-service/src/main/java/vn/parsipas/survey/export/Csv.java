package vn.parsipas.survey.export;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines. Exports start with a byte order mark so that spreadsheet programs read Vietnamese as UTF-8. */
final class Csv {
    static final String BOM = "\uFEFF";

    private Csv() {
    }

    static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
