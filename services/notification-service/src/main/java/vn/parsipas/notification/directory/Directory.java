package vn.parsipas.notification.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Answers routing questions from the directory's read model; an agency it does not know yet is addressed by its code. */
@ApplicationScoped
public class Directory {
    /** The agency that acts for {@code responsible}: itself, or a collective's parent (else {@code supervisor}). */
    public static String deliveredTo(String supervisor, String responsible, Map<String, Agency> known) {
        Agency lead = known.get(responsible);
        return lead != null && lead.collective() ? (lead.parentCode != null ? lead.parentCode : supervisor) : responsible;
    }

    /**
     * Routes an alert for a responsible agency and the agencies in copy, from the agencies read ({@code known};
     * one it does not know yet is addressed by its code); {@code supervisor} acts for a collective the
     * directory gives no parent.
     */
    public static Routing route(String supervisor, String responsible, List<String> copies, Map<String, Agency> known) {
        String deliveredTo = deliveredTo(supervisor, responsible, known);
        List<String> listed = copies.stream().filter(code -> !code.equals(responsible)).distinct().toList();
        List<String> delivered = new ArrayList<>();
        for (String code : listed) {
            Agency agency = known.get(code);
            if (!code.equals(deliveredTo) && (agency == null || !agency.collective())) {
                delivered.add(code);
            }
        }
        Map<String, String> names = known.values().stream().collect(Collectors.toMap(a -> a.code, a -> a.name));
        return new Routing(responsible, deliveredTo, listed, delivered, names);
    }

    /** The agency an alert of {@code code} escalates to: its parent, else {@code fallback}; null at the top. */
    public Uni<String> supervisorOf(String code, String fallback) {
        return Agency.<Agency>findById(code).map(agency -> {
            String supervisor = agency != null && agency.parentCode != null ? agency.parentCode : fallback;
            return supervisor.equals(code) ? null : supervisor;
        });
    }
}
