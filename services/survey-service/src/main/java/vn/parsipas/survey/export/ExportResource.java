package vn.parsipas.survey.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.survey.index.IndexQueries;
import vn.parsipas.survey.index.SubIndexValue;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;

/** CSV exports for the coordinating offices: the sub-indices, and the anonymised responses. */
@Path("/api/v1/exports")
@Produces("text/csv; charset=UTF-8")
public class ExportResource {
    static final int PAGE = 1000;

    @Inject
    IndexQueries indices;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    ResponseExport responses;

    @GET
    @Path("/indices.csv")
    public Uni<String> indices(@QueryParam("subIndex") String subIndex, @QueryParam("scope") String scope,
            @QueryParam("period") String period) {
        StringBuilder csv = new StringBuilder(Csv.BOM).append(Csv.line(List.of("subIndex", "subIndexName", "scope", "period",
                "responses", "validAnswers", "satisfiedAnswers", "satisfiedPercent", "intervalLowPercent", "intervalHighPercent",
                "targetId", "targetPercent", "belowTarget", "updatedAt")));
        return allPages(new IndexQueries.Filter(subIndex, scope, period), null, csv).map(StringBuilder::toString);
    }

    private Uni<StringBuilder> allPages(IndexQueries.Filter filter, String cursor, StringBuilder csv) {
        return indices.list(filter, null, cursor, PAGE).chain(page -> {
            page.items().forEach(value -> csv.append(Csv.line(fields(value))));
            return page.nextCursor() == null ? Uni.createFrom().item(csv) : allPages(filter, page.nextCursor(), csv);
        });
    }

    private static List<Object> fields(SubIndexValue v) {
        return Arrays.asList(v.subIndex(), v.subIndexName(), v.scope(), v.period(), v.responses(),
                v.validAnswers(), v.satisfiedAnswers(), v.satisfiedPercent(), v.intervalLowPercent(), v.intervalHighPercent(),
                v.targetId(), v.targetPercent(), v.belowTarget(), v.updatedAt());
    }

    /** Responses of one questionnaire version submitted between two local dates (inclusive). */
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
        return catalog.find(questionnaireId, version).onItem().transformToMulti(found -> responses.csv(found
                .orElseThrow(() -> new NotFoundException("Questionnaire", questionnaireId + " version " + version)),
                from, to, agency, null));
    }
}
