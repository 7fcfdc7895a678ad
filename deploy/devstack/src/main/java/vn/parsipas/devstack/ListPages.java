package vn.parsipas.devstack;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The list endpoints as a client reads them (the platform's paging kit: {@code items}, {@code nextCursor},
 * {@code limit}, {@code cursor}), for the tests of every service: follow the pages, and check that a wrong
 * limit or cursor is refused naming it.
 */
public final class ListPages {
    /** A cursor no list returned ('!' is not base64url; a well-formed one may decode as a one-part cursor). */
    public static final String FORGED_CURSOR = "not-a-cursor!";

    private ListPages() {
    }

    /**
     * Every item of the list, page after page of at most {@code limit} items, following {@code nextCursor}
     * until there is none. {@code request} gives a fresh request each time (credentials, filters).
     */
    public static List<Map<String, Object>> all(Supplier<RequestSpecification> request, String path, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = request.get().queryParam("limit", limit);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            JsonPath read = page.get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> pageItems = read.getList("items");
            assertThat("items on a page of " + path, pageItems.size(), lessThanOrEqualTo(limit));
            items.addAll(pageItems);
            cursor = read.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    /** One field of every item of the list, page after page (see {@link #all}). */
    public static List<Object> field(Supplier<RequestSpecification> request, String path, int limit, String field) {
        return all(request, path, limit).stream().map(item -> item.get(field)).toList();
    }

    /** A limit of 0, above {@code maxLimit} or not a number, and a forged cursor, are each a 400 problem naming the parameter. */
    public static void refuseWrongPaging(Supplier<RequestSpecification> request, String path, int maxLimit) {
        for (Object limit : List.of(0, maxLimit + 1, "abc")) {
            request.get().queryParam("limit", limit).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        }
        request.get().queryParam("cursor", FORGED_CURSOR).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }
}
