package vn.parsipas.indicator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The catalogue is data: it must cover the plan's measurable targets with the plan's own names and units. */
class IndicatorCatalogueTest {
    private static final Path PLAN = Path.of("../../deploy/plans/dak-lak-2025.yaml");

    @Test
    void coversEveryIndicatorOfThePlansTargetsWithItsNameAndUnit() {
        IndicatorCatalogue catalogue = new IndicatorCatalogue(IndicatorCatalogue.readPackaged());
        Map<String, JsonNode> planIndicators = new HashMap<>();
        collect(IndicatorCatalogue.readFile(PLAN.toString()), planIndicators);

        assertThat(planIndicators).hasSize(21);
        planIndicators.forEach((code, indicator) -> {
            Indicator entry = catalogue.find(code).orElseThrow(() -> new AssertionError(code + " is not in the catalogue"));
            assertThat(entry.name()).as(code).isEqualTo(indicator.get("name").asText());
            assertThat(entry.unit()).as(code).isEqualTo(indicator.get("unit").asText());
        });
        assertThat(catalogue.find("enterprise-sector-revenue-share")).isPresent();
        assertThat(catalogue.find("psu-partial-self-financing-count")).isPresent();
    }

    @Test
    void theMeasuresOf111And119HaveTheProvidersThatHoldTheirFigures() {
        IndicatorCatalogue catalogue = new IndicatorCatalogue(IndicatorCatalogue.readPackaged());

        // 1.11: the level of self-financing, from the autonomy plans Sở Tài chính appraises
        Indicator level = catalogue.find("psu-recurrent-spending-self-financing-level").orElseThrow();
        assertThat(level.unit()).isEqualTo("percent");
        assertThat(level.dataProvider()).isEqualTo("SO-TAI-CHINH");
        // 1.19: the group the PAR Index places the province in, entered by Sở Nội vụ once a year
        Indicator group = catalogue.find("state-budget-revenue-group").orElseThrow();
        assertThat(group.unit()).isEqualTo("group");
        assertThat(group.cadence()).isEqualTo(Cadence.YEARLY);
        assertThat(group.dataProvider()).isEqualTo("SO-NOI-VU");
        assertThat(group.sources()).containsExactly("/agencies/SO-NOI-VU");
    }

    @Test
    void everyDataProviderIsAnAgencyOfThePlanAndRatesStayWithin0And100() {
        IndicatorCatalogue catalogue = new IndicatorCatalogue(IndicatorCatalogue.readPackaged());
        Set<String> agencies = new HashSet<>();
        IndicatorCatalogue.readFile(PLAN.toString()).get("agencies").forEach(a -> agencies.add(a.get("code").asText()));

        assertThat(catalogue.all()).allSatisfy(indicator -> {
            assertThat(agencies).as(indicator.code()).contains(indicator.dataProvider());
            assertThat(indicator.sources()).isNotEmpty();
            if (indicator.unit().equals("percent")) {
                assertThat(indicator.min()).isEqualByComparingTo("0");
                assertThat(indicator.max()).isEqualByComparingTo("100");
            }
        });
        assertThat(catalogue.find("online-end-to-end-dossier-rate").orElseThrow().sources()).containsExactly("/igate");
        assertThat(catalogue.find("online-end-to-end-dossier-rate").orElseThrow().graceDays()).isEqualTo(15);
    }

    @Test
    void aCatalogueThatBreaksItsSchemaStopsTheStart() {
        ObjectNode broken = (ObjectNode) IndicatorCatalogue.readPackaged();
        ((ObjectNode) broken.get("indicators").get(0)).put("cadence", "weekly");

        assertThatThrownBy(() -> new IndicatorCatalogue(broken)).hasMessageContaining("cadence");
    }

    private static void collect(JsonNode node, Map<String, JsonNode> indicators) {
        if (node.isObject() && "indicator".equals(node.path("kind").asText()) && node.has("indicator")) {
            indicators.put(node.get("indicator").get("code").asText(), node.get("indicator"));
        }
        node.forEach(child -> collect(child, indicators));
    }
}
