package vn.parsipas.survey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.survey")
public interface SurveyConfig {
    /** Questionnaire files on the classpath, loaded (and published if new) at start. */
    List<String> questionnaireFiles();

    /** A directory of more questionnaire files (e.g. a mounted ConfigMap); optional. */
    Optional<String> questionnaireDir();

    /** The questionnaire the citizen form serves, in its latest published version. */
    @WithDefault("sipas-2025")
    String formQuestionnaire();

    /** How long after registration a receipt code accepts a response. */
    @WithDefault("P90D")
    Duration receiptCodeTtl();

    /** Largest batch of POST /api/v1/responses/batch. */
    @WithDefault("500")
    int maxResponseBatch();

    /** Largest batch of POST /api/v1/receipt-codes. */
    @WithDefault("1000")
    int maxReceiptBatch();

    /** Client ids (token {@code azp}) of the one-stop-shop systems that may register receipt codes. */
    @WithDefault("igate")
    List<String> receiptRegistrars();

    /** How far in the future a submittedAt may be (clock skew of kiosks). */
    @WithDefault("PT10M")
    Duration maxClockSkew();

    Indices indices();

    interface Indices {
        /** A below-target fact needs at least this many responses in the sample. */
        @WithDefault("100")
        int minSample();

        /** SatisfactionIndexUpdated at most once per this interval per sub-index, scope and period. */
        @WithDefault("PT1H")
        Duration updateInterval();

        /** How often the evaluator looks for changed aggregates. */
        @WithDefault("2s")
        String tick();
    }
}
