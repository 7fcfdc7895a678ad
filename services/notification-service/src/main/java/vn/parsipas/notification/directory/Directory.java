package vn.parsipas.notification.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Answers routing questions from the directory's read model; an agency it does not know yet is addressed by its code. */
@ApplicationScoped
public class Directory {
    public Uni<Map<String, Agency>> find(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Agency.<Agency>list("code in ?1", Set.copyOf(codes))
                .map(list -> list.stream().collect(Collectors.toMap(agency -> agency.code, Function.identity())));
    }

    /**
     * Routes an alert for a responsible agency and the agencies in copy; {@code supervisor} acts for a
     * collective the directory gives no parent.
     */
    public Uni<Routing> route(String supervisor, String responsible, List<String> copies) {
        Set<String> codes = new LinkedHashSet<>(copies);
        codes.add(responsible);
        return find(codes).chain(known -> {
            Agency lead = known.get(responsible);
            String deliveredTo = lead != null && lead.collective()
                    ? (lead.parentCode != null ? lead.parentCode : supervisor)
                    : responsible;
            Uni<Map<String, Agency>> acting = known.containsKey(deliveredTo) ? Uni.createFrom().item(Map.of())
                    : find(List.of(deliveredTo));
            return acting.map(more -> {
                Map<String, Agency> all = new HashMap<>(known);
                all.putAll(more);
                return routing(responsible, deliveredTo, copies, all);
            });
        });
    }

    /** The agency an alert of {@code code} escalates to: its parent, else {@code fallback}; null at the top. */
    public Uni<String> supervisorOf(String code, String fallback) {
        return Agency.<Agency>findById(code).map(agency -> {
            String supervisor = agency != null && agency.parentCode != null ? agency.parentCode : fallback;
            return supervisor.equals(code) ? null : supervisor;
        });
    }

    private static Routing routing(String responsible, String deliveredTo, List<String> copies, Map<String, Agency> known) {
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
}
