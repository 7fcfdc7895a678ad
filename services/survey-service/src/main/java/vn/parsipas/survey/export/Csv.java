package vn.parsipas.survey.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines. Exports start with a byte order mark so that spreadsheet programs read Vietnamese
 * as UTF-8. Text that a spreadsheet would run as a formula (it starts with = + - @ or a control
 * character) gets a leading apostrophe, so that it shows as the text it is; numbers stay numbers.
 */
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
        String text = value instanceof Number ? value.toString() : neutralised(value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return "=+-@".indexOf(first) >= 0 || Character.isISOControl(first) ? "'" + text : text;
    }
}
