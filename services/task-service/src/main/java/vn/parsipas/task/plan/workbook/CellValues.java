package vn.parsipas.task.plan.workbook;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a cell into the value of the plan format its column holds, or says in Vietnamese why it
 * cannot: a date that is not one, a number that is not one, a choice not in its list, an agency not in
 * the sheet «Cơ quan».
 */
final class CellValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Strict: 31/02/2025 is a mistake, not 28 February. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DataFormatter FORMATTER = new DataFormatter();

    /** A cell that cannot be read: the message names what is wrong with it. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> agencies;

    CellValues(Set<String> agencies) {
        this.agencies = agencies;
    }

    /** The cell as text, NFC, without surrounding blanks; null when empty. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC, BOOLEAN -> FORMATTER.formatCellValue(cell);
            default -> null;
        };
        if (text == null) {
            return null;
        }
        text = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
        return text.isEmpty() ? null : text;
    }

    /** The value of a non-empty cell for its column. */
    JsonNode value(Cell cell, Column column) throws Invalid {
        String text = text(cell);
        return switch (column.type()) {
            case DATE -> NODES.textNode(date(cell, text).toString());
            case NUMBER -> number(decimal(cell, text));
            case INTEGER -> NODES.numberNode(integer(cell, text));
            case FLAG -> flag(text);
            case CHOICE -> NODES.textNode(choice(column.vocabulary(), text));
            case CHOICES -> array(split(text, "[;\n]"), item -> choice(column.vocabulary(), item));
            case AGENCY -> NODES.textNode(agency(text));
            case AGENCIES -> Sheet.NONE.equals(text) ? NODES.arrayNode() : array(split(text, "[,;\n]"), this::agency);
            case LIST -> array(split(text, "[,;\n]"), item -> item);
            case LINES -> array(split(text, "\n"), item -> item);
            default -> NODES.textNode(text);
        };
    }

    private static LocalDate date(Cell cell, String text) throws Invalid {
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, DAY) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid("«" + text + "» không phải là một ngày; ghi theo dạng dd/mm/yyyy, ví dụ 31/12/2025");
        }
    }

    private static BigDecimal decimal(Cell cell, String text) throws Invalid {
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue());
        }
        String plain = text.replace(" ", "");
        try {
            return new BigDecimal(plain.contains(".") ? plain : plain.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new Invalid("«" + text + "» không phải là một số");
        }
    }

    private static int integer(Cell cell, String text) throws Invalid {
        try {
            return decimal(cell, text).intValueExact();
        } catch (ArithmeticException | Invalid e) {
            throw new Invalid("«" + text + "» không phải là một số nguyên");
        }
    }

    /** A number as the plan format writes it: 2740 rather than 2740.0. */
    static JsonNode number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? NODES.numberNode(plain.toBigIntegerExact()) : NODES.numberNode(plain);
    }

    private static JsonNode flag(String text) throws Invalid {
        if (Set.of("x", "có", "true").contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return NODES.booleanNode(true);
        }
        throw new Invalid("ghi «x» hoặc để trống, không ghi «" + text + "»");
    }

    private static String choice(Vocabulary vocabulary, String text) throws Invalid {
        String code = vocabulary.code(text);
        if (code == null) {
            throw new Invalid("«" + text + "» không có trong danh sách " + vocabulary.title().toLowerCase(java.util.Locale.ROOT)
                    + ": " + String.join("; ", vocabulary.labels()));
        }
        return code;
    }

    private String agency(String code) throws Invalid {
        if (!agencies.contains(code)) {
            throw new Invalid("cơ quan «" + code + "» không có trong trang «" + Sheet.AGENCY_SHEET.name() + "»");
        }
        return code;
    }

    private interface Item {
        String read(String text) throws Invalid;
    }

    private static ArrayNode array(List<String> items, Item item) throws Invalid {
        ArrayNode array = NODES.arrayNode();
        for (String text : items) {
            array.add(item.read(text));
        }
        return array;
    }

    private static List<String> split(String text, String separators) {
        List<String> items = new ArrayList<>();
        for (String part : text.split(separators)) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return items;
    }
}
