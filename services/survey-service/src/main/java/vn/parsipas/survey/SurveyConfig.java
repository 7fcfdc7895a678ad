package vn.parsipas.survey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    Sources sources();

    FormLimits formLimits();

    /** What a REST client or Kafka source may send without proving the receipt (the code with its PIN). */
    interface Sources {
        /** Responses without a receipt PIN per source and local day, unless the client's token says (claim survey_daily_quota). */
        @WithDefault("1000")
        int dailyQuotaWithoutPin();

        /** Responses with a wrong receipt PIN per source and day; past it, no response with a PIN is accepted from it that day. */
        @WithDefault("20")
        int dailyWrongPins();

        /** Kafka sources (CloudEvent source) that may send responses without a receipt PIN, for any agency: survey platforms. */
        Optional<Set<String>> kafkaWithoutPin();
    }

    /** Token buckets of the anonymous form: per client address and per receipt-code prefix (the code without its last characters). */
    interface FormLimits {
        Bucket perAddress();

        Bucket perCodePrefix();

        /** Characters dropped from a code to get its prefix: the daily sequence number of the one-stop shop's numbering. */
        @WithDefault("4")
        int codeSuffixLength();

        /** Addresses and CIDR ranges of the proxies in front of the service: only they may say, in X-Forwarded-For, who the client is. */
        Optional<List<String>> trustedProxies();

        /** Buckets kept in memory; the least recently used go first. */
        @WithDefault("100000")
        int maxBuckets();
    }

    /** A bucket holds {@code capacity} attempts and refills completely in {@code refillPeriod}. */
    interface Bucket {
        int capacity();

        Duration refillPeriod();
    }

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
