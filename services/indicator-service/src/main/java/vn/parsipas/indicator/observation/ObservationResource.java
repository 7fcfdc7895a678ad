package vn.parsipas.indicator.observation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.indicator.IndicatorConfig;
import vn.parsipas.platform.problem.InvalidInputException;

/**
 * POST /api/v1/observations: a batch of observations as JSON ({@code {"observations": [...]}}) or as
 * a CSV upload ({@code text/csv}) of the same fields. Headers: {@code Idempotency-Key} (required
 * unless {@code dryRun=true}) and {@code X-Source-System}, the caller's source (e.g. /igate).
 */
@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {
    public static final String SOURCE_HEADER = "X-Source-System";

    @Inject
    ObservationImport importer;

    @Inject
    IndicatorConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a batch of indicator observations (JSON)")
    @RequestBody(description = "{\"observations\": [IndicatorObserved, ...]}, at most parsipas.indicator.max-batch items")
    public Uni<ImportSummary> importJson(@HeaderParam("Idempotency-Key") String key, @HeaderParam(SOURCE_HEADER) String source,
            @QueryParam("dryRun") boolean dryRun, byte[] body) {
        JsonNode document;
        try {
            document = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getMessage());
        }
        JsonNode observations = document == null ? null : document.get("observations");
        if (observations == null || !observations.isArray()) {
            throw new InvalidInputException("observations", "the body must be an object with an 'observations' array");
        }
        List<JsonNode> items = new ArrayList<>();
        observations.forEach(items::add);
        return importer.ingest(new ObservationImport.Request(source, key, dryRun, Observation.REST, body, items));
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Import a CSV upload of indicator observations (header row: indicatorCode,scope,period,value,unit,observedAt[,sourceSystem][,note])")
    public Uni<ImportSummary> importCsv(@HeaderParam("Idempotency-Key") String key, @HeaderParam(SOURCE_HEADER) String source,
            @QueryParam("dryRun") boolean dryRun, byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "the CSV file is not UTF-8");
        }
        List<JsonNode> items = CsvObservations.parse(text, config.maxBatch());
        return importer.ingest(new ObservationImport.Request(source, key, dryRun, Observation.CSV, body, items));
    }
}
