package vn.parsipas.console.overview;

import java.text.Collator;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Links;
import vn.parsipas.console.web.Wording;

/**
 * How the overview's table is filtered and sorted, from the page's query: lead agency (co-quan), a
 * target status (trang-thai), and the column to sort by (sap-xep). Values the page does not offer are
 * ignored, so a hand-edited address still shows the plan.
 */
@TemplateData
public record OverviewQuery(String plan, String agency, String status, String sort) {
    public static final List<String> SORTS = List.of("tieu-chi", "co-quan", "qua-han", "trang-thai", "canh-bao");
    private static final String CODE = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
    private static final Comparator<String> VIETNAMESE = Collator.getInstance(Wording.LOCALE)::compare;

    public static OverviewQuery parse(String plan, String agency, String status, String sort) {
        return new OverviewQuery(plan != null && plan.matches("^[a-z0-9-]{1,64}$") ? plan : null,
                agency != null && agency.matches(CODE) ? agency : null,
                status != null && CriterionRow.STATUSES.contains(status) ? status : null,
                sort != null && SORTS.contains(sort) ? sort : "tieu-chi");
    }

    /** The rows this query shows, in its order (plan order breaks ties, so the order is stable). */
    public List<CriterionRow> apply(List<CriterionRow> rows, Directory.Names names) {
        Comparator<CriterionRow> order = switch (sort) {
            case "co-quan" -> Comparator.comparing((CriterionRow r) -> r.leadAgency() == null ? "\uffff" : names.of(r.leadAgency()),
                    VIETNAMESE);
            case "qua-han" -> Comparator.comparingLong((CriterionRow r) -> -r.tasks().overdue());
            case "trang-thai" -> Comparator.comparingInt(CriterionRow::severityRank);
            case "canh-bao" -> Comparator.comparingLong((CriterionRow r) -> -r.openAlerts());
            default -> (a, b) -> 0;
        };
        Map<CriterionRow, Integer> planOrder = new IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            planOrder.put(rows.get(i), i);
        }
        return rows.stream().filter(r -> agency == null || agency.equals(r.leadAgency()))
                .filter(r -> status == null || r.hasStatus(status))
                .sorted(order.thenComparing(planOrder::get)).toList();
    }

    /** The address of the page sorted by a column, keeping the filters. */
    public String sortLink(String by) {
        return Links.page("tong-quan", Links.query("ke-hoach", plan, "co-quan", agency, "trang-thai", status, "sap-xep",
                "tieu-chi".equals(by) ? null : by));
    }

    /** {@code aria-sort} for a column header. */
    public String ariaSort(String by) {
        if (!by.equals(sort)) {
            return "none";
        }
        return "tieu-chi".equals(by) || "co-quan".equals(by) ? "ascending" : "descending";
    }

}
