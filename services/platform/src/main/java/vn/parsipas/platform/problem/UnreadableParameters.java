package vn.parsipas.platform.problem;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Finds the query parameters of a resource method whose text does not convert to the parameter's type.
 * JAX-RS answers such a request with 404 and without the parameter's name; this names it, so that
 * {@code ?limit=abc} is a 400 like any other invalid field.
 */
final class UnreadableParameters {
    private static final Map<Class<?>, Function<String, ?>> NUMBERS = Map.ofEntries(
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(BigDecimal.class, BigDecimal::new));

    private UnreadableParameters() {
    }

    static List<Problem.FieldError> of(Method method, MultivaluedMap<String, String> query) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (method == null) {
            return errors;
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam name = parameter.getAnnotation(QueryParam.class);
            List<String> values = name == null ? null : query.get(name.value());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!readable(parameter.getType(), value)) {
                    errors.add(new Problem.FieldError(name.value(), NUMBERS.containsKey(parameter.getType())
                            ? "must be a number" : "is not a valid value"));
                    break;
                }
            }
        }
        return errors;
    }

    /** As JAX-RS converts: numbers, then a static valueOf(String), parse(CharSequence) or fromString(String). */
    private static boolean readable(Class<?> type, String value) {
        try {
            Function<String, ?> number = NUMBERS.get(type);
            if (number != null) {
                number.apply(value.strip());
                return true;
            }
            Method converter = converter(type);
            if (converter != null) {
                converter.invoke(null, value);
            }
            return true;
        } catch (NumberFormatException | InvocationTargetException unreadable) {
            return false;
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return true;
        }
    }

    private static Method converter(Class<?> type) {
        for (Object[] candidate : new Object[][] {{"valueOf", String.class}, {"parse", CharSequence.class},
                {"fromString", String.class}}) {
            try {
                Method method = type.getMethod((String) candidate[0], (Class<?>) candidate[1]);
                if (Modifier.isStatic(method.getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException absent) {
                // try the next
            }
        }
        return null;
    }
}
