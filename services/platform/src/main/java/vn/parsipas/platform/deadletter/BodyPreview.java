package vn.parsipas.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.JsonLimits;

/**
 * What an operator may see of a dead letter's body: its shape, not its business data (docs/security.md,
 * the operator role). The CloudEvent attributes of a structured envelope stay; every value inside
 * {@code data} (and in a binary record's value) becomes its JSON type, so a missing or misspelt field
 * shows and no figure, name or answer does. Arrays keep their first three items; the result is one line
 * of at most {@value #MAX} characters.
 */
final class BodyPreview {
    static final int MAX = 1000;
    private static final Set<String> ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject", "time",
            "datacontenttype", "dataschema");
    private static final int ARRAY_ITEMS = 3;

    private BodyPreview() {
    }

    static String of(byte[] value, boolean structured) {
        if (value == null || value.length == 0) {
            return "(empty)";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return "(not UTF-8 text, " + value.length + " bytes)";
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return "(not JSON, " + value.length + " bytes)";
        }
        JsonNode shown = structured && json instanceof ObjectNode envelope ? envelope(envelope) : masked(json);
        return JsonLimits.oneLine(shown.toString(), MAX);
    }

    private static JsonNode envelope(ObjectNode envelope) {
        ObjectNode shown = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = envelope.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean attribute = ATTRIBUTES.contains(field.getKey()) && field.getValue().isTextual();
            shown.set(field.getKey(), attribute ? field.getValue() : masked(field.getValue()));
        }
        return shown;
    }

    private static JsonNode masked(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node instanceof ObjectNode object) {
            ObjectNode shape = nodes.objectNode();
            object.fields().forEachRemaining(field -> shape.set(field.getKey(), masked(field.getValue())));
            return shape;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode shape = nodes.arrayNode();
            for (int i = 0; i < Math.min(array.size(), ARRAY_ITEMS); i++) {
                shape.add(masked(array.get(i)));
            }
            if (array.size() > ARRAY_ITEMS) {
                shape.add("… " + (array.size() - ARRAY_ITEMS) + " more");
            }
            return shape;
        }
        return node.isNull() ? node : nodes.textNode("‹" + node.getNodeType().name().toLowerCase() + "›");
    }
}
