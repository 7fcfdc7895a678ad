package vn.parsipas.platform.tracing;

import java.util.Map;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} of a span as a text (what outbox and delivery rows keep, what Kafka
 * headers and CloudEvents carry), and back. A missing or malformed value means "no parent": tracing
 * never refuses a record or fails a transaction.
 */
public final class Traceparent {
    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private Traceparent() {
    }

    /** The current span's traceparent, or null when there is no valid span (tracing off and nothing came in). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The span's traceparent, or null when its context is not valid. */
    public static String of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The text if it is a well-formed traceparent, else null (what a record carries is not trusted). */
    public static String valid(String text) {
        return text != null && FORMAT.matcher(text).matches() && !text.startsWith("ff") ? text : null;
    }

    /** A context whose span is the remote parent named by the traceparent; the root context when there is none. */
    public static Context parent(String traceparent) {
        String valid = valid(traceparent);
        if (valid == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), valid, SINGLE);
    }

    /** The headers that carry the span to the next hop (HTTP or Kafka); empty when the span is not valid. */
    public static Map<String, String> headers(SpanContext span) {
        String value = of(span);
        return value == null ? Map.of() : Map.of(HEADER, value);
    }
}
