package vn.parsipas.contracts;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * What every input must respect before anything expands, stores or echoes it, whichever door it
 * came through:
 * <ul>
 *   <li>numbers: at most {@value #MAX_DIGITS} digits before and {@value #MAX_DIGITS} after the
 *       decimal point, finite. {@code 1e999999999} is a few bytes of JSON but a billion digits once
 *       written out ({@link BigDecimal#toPlainString()}, a {@code numeric} column);</li>
 *   <li>text: no control character but tab, line feed and carriage return (multi-line free text),
 *       and no unpaired surrogate. PostgreSQL refuses NUL in {@code text} and {@code jsonb}, and the
 *       other controls only serve to forge log lines or hide text;</li>
 *   <li>echoes: a value quoted in a message is {@link #clip clipped}.</li>
 * </ul>
 * Applied to every contract document by {@link JsonSchemas#validate} and to typed request bodies
 * by {@link #module()} (registered on {@link EventJson#mapper()} and on each service's REST mapper).
 * Single-line attributes (codes, CloudEvent attributes) also refuse tab, CR and LF: {@link #lineProblem}.
 */
public final class JsonLimits {
    public static final int MAX_DIGITS = 38;
    private static final int CLIP = 40;

    private JsonLimits() {
    }

    /** Null when the number is within bounds; else why not. */
    public static String numberProblem(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (integerDigits > MAX_DIGITS || stripped.scale() > MAX_DIGITS) {
            return clip(value.toString()) + " is out of bounds: at most " + MAX_DIGITS + " digits before and "
                    + MAX_DIGITS + " after the decimal point";
        }
        return null;
    }

    public static String numberProblem(BigInteger value) {
        return value.bitLength() > 127 ? numberProblem(new BigDecimal(value)) : null;
    }

    public static String numberProblem(double value) {
        return Double.isFinite(value) ? numberProblem(BigDecimal.valueOf(value)) : value + " is out of bounds: not a finite number";
    }

    /** Null when the text is allowed in a free-text field (tab, LF and CR included); else why not. */
    public static String textProblem(String text) {
        return problem(text, false);
    }

    /** Null when the text is allowed on a single line: as {@link #textProblem}, without tab, LF or CR. */
    public static String lineProblem(String text) {
        return problem(text, true);
    }

    private static String problem(String text, boolean singleLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 && !(lineBreakOrTab && !singleLine)) || (c >= 0x7F && c <= 0x9F)) {
                return "contains the control character U+" + String.format("%04X", (int) c) + " at position " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (not valid Unicode) at position " + i;
            }
        }
        return null;
    }

    /** The value as it may be quoted in a message: at most 40 characters, control characters escaped. */
    public static String clip(String value) {
        String shown = value.length() > CLIP ? value.substring(0, CLIP) + "…(" + value.length() + " characters)" : value;
        return oneLine(shown);
    }

    /** A message as it may go into a log line or a header: control characters escaped, at most {@code max} characters. */
    public static String oneLine(String message, int max) {
        String line = oneLine(message);
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    private static String oneLine(String text) {
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: every property name of every document violations() walks comes here
        }
        StringBuilder line = new StringBuilder(text.length());
        text.chars().forEach(c -> line.append(isControl(c) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return line.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** Every number and text of a JSON document out of bounds, by field (as {@link JsonSchemas} names them). */
    public static List<SchemaViolation> violations(JsonNode document) {
        List<SchemaViolation> found = new ArrayList<>();
        walk(document, "", found);
        return found;
    }

    private static void walk(JsonNode node, String path, List<SchemaViolation> found) {
        String problem = null;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String child = path.isEmpty() ? clip(name) : path + "." + clip(name);
                String nameProblem = textProblem(name);
                if (nameProblem != null) {
                    found.add(new SchemaViolation(child, "the property name " + nameProblem));
                }
                walk(field.getValue(), child, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isTextual()) {
            problem = textProblem(node.textValue());
        } else if (node.isBigDecimal()) {
            problem = numberProblem(node.decimalValue());
        } else if (node.isBigInteger()) {
            problem = numberProblem(node.bigIntegerValue());
        } else if (node.isDouble() || node.isFloat()) {
            problem = numberProblem(node.doubleValue());
        }
        if (problem != null) {
            found.add(new SchemaViolation(path, problem));
        }
    }

    /** For typed bodies: strings, decimals and big integers read into records are held to the same limits. */
    public static Module module() {
        return new SimpleModule("parsipas-json-limits")
                .addDeserializer(String.class, new Bounded<>(String.class, StringDeserializer.instance, JsonLimits::textProblem))
                .addDeserializer(BigDecimal.class, new Bounded<>(BigDecimal.class, NumberDeserializers.BigDecimalDeserializer.instance,
                        JsonLimits::numberProblem))
                .addDeserializer(BigInteger.class, new Bounded<>(BigInteger.class, NumberDeserializers.BigIntegerDeserializer.instance,
                        JsonLimits::numberProblem));
    }

    /** Jackson's own deserializer of a type, then the limit: a value out of it names its field (InvalidFormatException). */
    private static final class Bounded<T> extends StdScalarDeserializer<T> {
        private final transient JsonDeserializer<T> plain;
        private final transient Function<T, String> problem;

        Bounded(Class<T> type, JsonDeserializer<T> plain, Function<T, String> problem) {
            super(type);
            this.plain = plain;
            this.problem = problem;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = plain.deserialize(parser, context);
            String refused = value == null ? null : problem.apply(value);
            if (refused != null) {
                throw InvalidFormatException.from(parser, refused, null, handledType());
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) throws JsonMappingException {
            return plain.getEmptyValue(context);
        }

        @Override
        public LogicalType logicalType() {
            return plain.logicalType();
        }
    }
}
