package vn.parsipas.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.parsipas.platform.problem.Problem.FieldError;

class ImportSummaryTest {
    private static final List<String> OUTCOMES = List.of("imported", "updated", "rejected");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void itemsCarryWhatIdentifiesThemBesideTheirOutcome() throws Exception {
        ImportSummary summary = ImportSummary.of(false, OUTCOMES, List.of(
                ImportSummary.Item.of(0, "imported", "indicatorCode", "rate", "scope", "PROVINCE", "period", "2025-06"),
                ImportSummary.Item.refused(1, "rejected", List.of(new FieldError("value", "out of range"),
                        new FieldError("unit", "not percent")), "indicatorCode", "rate", "scope", null)));

        String text = json.writeValueAsString(summary);

        assertThat(text).isEqualTo("{\"status\":\"WARNING\",\"dryRun\":false,"
                + "\"counts\":{\"imported\":1,\"updated\":0,\"rejected\":1},\"items\":["
                + "{\"index\":0,\"indicatorCode\":\"rate\",\"scope\":\"PROVINCE\",\"period\":\"2025-06\",\"outcome\":\"imported\"},"
                + "{\"index\":1,\"indicatorCode\":\"rate\",\"outcome\":\"rejected\",\"field\":\"value\",\"reason\":\"out of range\","
                + "\"errors\":[{\"field\":\"value\",\"message\":\"out of range\"},{\"field\":\"unit\",\"message\":\"not percent\"}]}]}");
    }

    @Test
    void statusSaysWhetherNoneSomeOrAllItemsWereRefused() {
        ImportSummary.Item taken = ImportSummary.Item.of(0, "imported");
        ImportSummary.Item refused = ImportSummary.Item.refused(1, "rejected", List.of(new FieldError("value", "out of range")));

        assertThat(ImportSummary.of(true, OUTCOMES, List.of(taken)).status()).isEqualTo(ImportSummary.Status.OK);
        assertThat(ImportSummary.of(true, OUTCOMES, List.of(taken, refused)).status()).isEqualTo(ImportSummary.Status.WARNING);
        assertThat(ImportSummary.of(true, OUTCOMES, List.of(refused)).status()).isEqualTo(ImportSummary.Status.ERROR);
    }
}
