package vn.parsipas.survey.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.survey.index.IndexQueries;
import vn.parsipas.survey.index.SubIndexValue;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;

/**
 * CSV exports: the sub-indices and the anonymised responses. Coordinators export everything;
 * agency staff their own agency's rows (and the province's sub-indices), restricted in the SQL.
 */
@Path("/api/v1/exports")
@Produces("text/csv; charset=UTF-8")
@RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
public class ExportResource {
    static final int PAGE = 1000;

    @Inject
    IndexQueries indices;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    ResponseExport responses;

    @Inject
    Caller caller;

    @GET
    @Path("/indices.csv")
    public Uni<String> indices(@QueryParam("subIndex") String subIndex, @QueryParam("scope") String scope,
            @QueryParam("period") String period) {
        StringBuilder csv = new StringBuilder(Csv.BOM).append(Csv.line(List.of("subIndex", "subIndexName", "scope", "period",
                "responses", "enoughResponses", "validAnswers", "satisfiedAnswers", "satisfiedPercent", "intervalLowPercent", "intervalHighPercent",
                "targetId", "targetPercent", "belowTarget", "updatedAt")));
        return allPages(new IndexQueries.Filter(subIndex, scope, period), IndexQueries.visibleScopes(caller.visibleAgencies()), null, csv)
                .map(StringBuilder::toString);
    }

    private Uni<StringBuilder> allPages(IndexQueries.Filter filter, Set<String> visibleScopes, String cursor, StringBuilder csv) {
        return indices.list(filter, visibleScopes, cursor, PAGE).chain(page -> {
            page.items().forEach(value -> csv.append(Csv.line(fields(value))));
            return page.nextCursor() == null ? Uni.createFrom().item(csv) : allPages(filter, visibleScopes, page.nextCursor(), csv);
        });
    }

    private static List<Object> fields(SubIndexValue v) {
        return Arrays.asList(v.subIndex(), v.subIndexName(), v.scope(), v.period(), v.responses(), v.enoughResponses(),
                v.validAnswers(), v.satisfiedAnswers(), v.satisfiedPercent(), v.intervalLowPercent(), v.intervalHighPercent(),
                v.targetId(), v.targetPercent(), v.belowTarget(), v.updatedAt());
    }

    /** Responses of one questionnaire version submitted between two local dates (inclusive); 403 for another agency. */
    @GET
    @Path("/responses.csv")
    public Multi<String> responses(@QueryParam("questionnaireId") String questionnaireId, @QueryParam("version") Integer version,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("agency") String agency) {
        if (questionnaireId == null || version == null) {
            throw new InvalidInputException("questionnaireId", "questionnaireId and version name the questionnaire to export");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("from", "from and to are the first and last day to export (yyyy-MM-dd), from <= to");
        }
        if (agency != null) {
            caller.requireAgency(agency);
        }
        Set<String> visible = caller.visibleAgencies();
        return catalog.find(questionnaireId, version).onItem().transformToMulti(found -> responses.csv(found
                .orElseThrow(() -> new NotFoundException("Questionnaire", questionnaireId + " version " + version)),
                from, to, agency, visible));
    }
}
