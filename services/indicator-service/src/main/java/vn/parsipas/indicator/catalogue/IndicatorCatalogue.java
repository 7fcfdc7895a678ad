package vn.parsipas.indicator.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.Startup;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.indicator.IndicatorConfig;

/**
 * The indicator catalogue, loaded at start from a data file (deploy/indicators/catalogue.yaml,
 * packaged in the jar, or the file named by {@code parsipas.indicator.catalogue-file}) and checked
 * against its schema: a broken catalogue stops the start rather than refusing values later.
 */
@Startup
@ApplicationScoped
public class IndicatorCatalogue {
    static final String PACKAGED = "/indicators/catalogue.yaml";
    static final String SCHEMA = "classpath:indicators/catalogue.schema.json";
    private static final Logger LOG = Logger.getLogger(IndicatorCatalogue.class);

    private final Map<String, Indicator> byCode;

    @Inject
    public IndicatorCatalogue(IndicatorConfig config) {
        this(config.catalogueFile().map(IndicatorCatalogue::readFile).orElseGet(IndicatorCatalogue::readPackaged));
        LOG.infof("indicator catalogue: %d indicators from %s", byCode.size(), config.catalogueFile().orElse(PACKAGED));
    }

    IndicatorCatalogue(JsonNode document) {
        this.byCode = parse(document);
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Indicator> all() {
        return byCode.values();
    }

    static Map<String, Indicator> parse(JsonNode document) {
        List<SchemaViolation> violations = JsonSchemas.validate(SCHEMA, document);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the indicator catalogue breaks its schema: " + violations);
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (JsonNode node : document.get("indicators")) {
            Cadence cadence = Cadence.valueOf(node.get("cadence").asText().toUpperCase());
            int grace = node.has("graceDays") ? node.get("graceDays").asInt()
                    : document.get("graceDays").get(cadence.json()).asInt();
            List<String> sources = new ArrayList<>();
            node.get("sources").forEach(source -> sources.add(source.asText()));
            Indicator indicator = new Indicator(node.get("code").asText(), node.get("name").asText(),
                    node.get("unit").asText(), node.at("/range/min").decimalValue(), node.at("/range/max").decimalValue(),
                    cadence, Aggregation.of(node.get("aggregation").asText()), grace, node.get("dataProvider").asText(),
                    List.copyOf(sources), node.path("note").asText(null));
            if (indicator.min().compareTo(indicator.max()) > 0) {
                throw new IllegalStateException("indicator " + indicator.code() + ": range min is above max");
            }
            if (indicators.put(indicator.code(), indicator) != null) {
                throw new IllegalStateException("indicator " + indicator.code() + " is in the catalogue twice");
            }
        }
        return java.util.Collections.unmodifiableMap(indicators);
    }

    static JsonNode readPackaged() {
        try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new IllegalStateException("no packaged indicator catalogue at " + PACKAGED);
            }
            return yaml().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readFile(String file) {
        try {
            return yaml().readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the indicator catalogue " + file, e);
        }
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory());
    }
}
