package vn.parsipas.platform.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import vn.parsipas.contracts.JsonLimits;

/**
 * Request bodies read into records are held to the contracts' {@link JsonLimits}: a text with a
 * control character or a number out of bounds is a 400 problem naming the field, before any
 * validation, store or message sees it. Bodies read as JSON trees keep their decimals exact (no
 * silent {@code 1e-999999999} → 0.0) and get the same limits from {@code JsonSchemas}, item by item.
 */
@Singleton
public class JsonLimitsCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(JsonLimits.module()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
