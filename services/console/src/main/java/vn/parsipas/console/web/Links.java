package vn.parsipas.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the console's own links with a query, leaving out empty parameters. */
public final class Links {
    private Links() {
    }

    public static String page(String path, Map<String, String> query) {
        String encoded = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Globals.base() + path + (encoded.isEmpty() ? "" : "?" + encoded);
    }

    /** An ordered query from key, value pairs. */
    public static Map<String, String> query(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
