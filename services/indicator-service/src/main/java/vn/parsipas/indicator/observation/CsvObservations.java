package vn.parsipas.indicator.observation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import vn.parsipas.platform.problem.InvalidInputException;

/**
 * Reads the CSV upload (RFC 4180, UTF-8, comma-separated, a header row naming the observation's
 * fields, as agencies export from a spreadsheet) into the same items as the JSON door, so both
 * share one validation. Empty cells are absent fields; a value that is not a number stays text so
 * the schema names it.
 */
final class CsvObservations {
    static final Set<String> COLUMNS = Set.of("indicatorCode", "scope", "period", "value", "unit", "observedAt",
            "sourceSystem", "note");
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvObservations() {
    }

    static List<JsonNode> parse(String text, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).readValues(text.replaceFirst("^\uFEFF", ""))) {
            while (lines.hasNextValue()) {
                List<String> row = lines.nextValue();
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(row);
                }
                if (rows.size() > maxRows + 1) {
                    throw new InvalidInputException("body", "at most " + maxRows + " rows per upload");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("body", "not a readable CSV file: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("body", "the CSV file has no header row");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw new InvalidInputException("header", "unknown column '" + column + "'; columns are " + COLUMNS);
            }
        }
        List<JsonNode> items = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i).strip();
                if (i >= header.size()) {
                    item.put("column" + (i + 1), cell);
                } else if (!cell.isEmpty()) {
                    put(item, header.get(i), cell);
                }
            }
            items.add(item);
        }
        return items;
    }

    private static void put(ObjectNode item, String column, String cell) {
        // as the JSON door: a number token of at most 1000 characters, parsed without expanding its
        // exponent; the rules then hold it to the contracts' bounds, row by row
        if (column.equals("value") && cell.length() <= MAX_NUMBER_LENGTH) {
            try {
                item.put(column, new BigDecimal(cell));
                return;
            } catch (NumberFormatException e) {
                // left as text: the schema says the value must be a number (decimal point, no grouping)
            }
        }
        item.put(column, cell);
    }
}
