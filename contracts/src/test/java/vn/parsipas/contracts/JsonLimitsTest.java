package vn.parsipas.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.indicator.IndicatorObserved;

class JsonLimitsTest {

    @Test
    void numbersHaveAtMost38DigitsBeforeAndAfterThePointWhateverTheirExponent() {
        for (String huge : List.of("1e999999999", "-1e999999999", "1e-999999999", "1e39", "1e-39", "1" + "0".repeat(38))) {
            assertThat(JsonLimits.numberProblem(new BigDecimal(huge))).as(huge).contains("out of bounds").hasSizeLessThan(200);
        }
        for (String fine : List.of("62.4", "-100", "0", "0E-999999999", "1" + "0".repeat(37), "0." + "0".repeat(37) + "1",
                "62.40000000000000000000000000000000000000000000")) {
            assertThat(JsonLimits.numberProblem(new BigDecimal(fine))).as(fine).isNull();
        }
        assertThat(JsonLimits.numberProblem(Double.POSITIVE_INFINITY)).contains("not a finite number");
    }

    @Test
    void textRefusesControlCharactersButTabAndLineBreaksAndALineRefusesThoseToo() {
        assertThat(JsonLimits.textProblem("Sở Tư\u0000pháp")).isEqualTo("contains the control character U+0000 at position 5");
        assertThat(JsonLimits.textProblem("bell\u0007")).contains("U+0007");
        assertThat(JsonLimits.textProblem("del\u007F")).contains("U+007F");
        assertThat(JsonLimits.textProblem("c1\u0085")).contains("U+0085");
        assertThat(JsonLimits.textProblem("lone \uD800 surrogate")).contains("unpaired surrogate");
        assertThat(JsonLimits.textProblem("Báo cáo\tquý III\r\ncó biểu đồ 📈")).isNull();
        assertThat(JsonLimits.lineProblem("igate-2025\r\nforged: line")).contains("U+000D");
        assertThat(JsonLimits.lineProblem("igate-2025-06-online-rate")).isNull();
    }

    @Test
    void clippedEchoesAreShortAndOnOneLine() {
        assertThat(JsonLimits.clip("x".repeat(10_000))).startsWith("x".repeat(40) + "…").endsWith("(10000 characters)");
        assertThat(JsonLimits.oneLine("a\r\nb\u0000", 100)).isEqualTo("a\\u000D\\u000Ab\\u0000");
        assertThat(JsonLimits.oneLine("y".repeat(2_000), 1_000)).hasSize(1_001);
    }

    @Test
    void aContractDocumentOutOfBoundsGetsOnlyThoseViolationsNamedByField() throws Exception {
        ObjectNode data = (ObjectNode) EventJson.mapper().readTree(ContractFiles.exampleFile(EventType.INDICATOR_OBSERVED).toFile());
        data.set("value", EventJson.mapper().readTree("1e999999999"));
        data.put("note", "ghi chú\u0000");

        assertThat(JsonSchemas.validate(EventType.INDICATOR_OBSERVED, data)).extracting(SchemaViolation::field)
                .containsExactly("value", "note");
        data.set("value", EventJson.mapper().readTree("2e15"));
        data.put("note", "ghi chú");
        assertThat(JsonSchemas.validate(EventType.INDICATOR_OBSERVED, data)).singleElement()
                .satisfies(violation -> assertThat(violation.field()).isEqualTo("value"));
    }

    @Test
    void typedReadingRefusesTheSameNamingTheField() throws Exception {
        JsonNode example = EventJson.mapper().readTree(ContractFiles.exampleFile(EventType.INDICATOR_OBSERVED).toFile());
        String huge = ((ObjectNode) example.deepCopy()).put("value", "x").toString().replace("\"value\":\"x\"", "\"value\":1e999999999");
        String nul = ((ObjectNode) example.deepCopy()).put("sourceSystem", "igate\u0000").toString();

        assertThatThrownBy(() -> EventJson.mapper().readValue(huge, IndicatorObserved.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    assertThat(e.getPath().get(0).getFieldName()).isEqualTo("value");
                    assertThat(e.getOriginalMessage()).contains("out of bounds");
                });
        assertThatThrownBy(() -> EventJson.mapper().readValue(nul, IndicatorObserved.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    assertThat(e.getPath().get(0).getFieldName()).isEqualTo("sourceSystem");
                    assertThat(e.getOriginalMessage()).contains("U+0000");
                });
    }
}
