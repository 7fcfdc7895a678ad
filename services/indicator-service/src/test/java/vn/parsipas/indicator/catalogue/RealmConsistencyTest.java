package vn.parsipas.indicator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm's data-provider clients and the catalogue say the same thing: every indicator a
 * client's token allows (claim {@code allowed_indicators}) is in the catalogue with the client's
 * source {@code /<clientId>} allowed, so a registered client is never refused by the catalogue.
 */
class RealmConsistencyTest {
    private static final Path REALM = Path.of("../../deploy/keycloak/parsipas-realm.json");

    @Test
    void everyIndicatorARealmClientMayPushTheCatalogueLetsItsSourceReport() throws IOException {
        IndicatorCatalogue catalogue = new IndicatorCatalogue(IndicatorCatalogue.readPackaged());
        ObjectMapper json = new ObjectMapper();
        List<String> checked = new ArrayList<>();
        for (JsonNode client : json.readTree(Files.readString(REALM)).get("clients")) {
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (!"allowed_indicators".equals(mapper.at("/config/claim.name").asText())) {
                    continue;
                }
                String source = "/" + client.get("clientId").asText();
                for (JsonNode code : json.readTree(mapper.at("/config/claim.value").asText())) {
                    Indicator indicator = catalogue.find(code.asText())
                            .orElseThrow(() -> new AssertionError(source + " may push " + code + ", not in the catalogue"));
                    assertThat(indicator.sources()).as(source + " for " + code).contains(source);
                    checked.add(source + " " + code.asText());
                }
            }
        }
        assertThat(checked).contains("/igate online-end-to-end-dossier-rate", "/finance-system land-use-revenue");
    }
}
