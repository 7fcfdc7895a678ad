package vn.parsipas.survey.form;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Reads the form's application/x-www-form-urlencoded body. Quarkus' own reader throws on pairs
 * such as "==" (a 500 on the public form); here a body that is not a form reads as an empty form,
 * which the form then refuses like any code it cannot open.
 */
final class FormBody {
    private FormBody() {
    }

    static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body == null) {
            return form;
        }
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (!name.isEmpty()) {
                    form.add(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
            return form;
        } catch (IllegalArgumentException malformed) {
            return new MultivaluedHashMap<>();
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
