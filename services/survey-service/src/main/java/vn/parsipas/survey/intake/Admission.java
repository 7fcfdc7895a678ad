package vn.parsipas.survey.intake;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What admits a response that does not prove its receipt (the receipt code with the PIN printed
 * beside it): the agencies its source is bound to, and the source's daily quota of such responses.
 * A REST client is bound by its token (realm claims {@code survey_agencies}, {@code survey_daily_quota});
 * a Kafka source by configuration; the citizen form by nothing, as every answer there proves its receipt.
 */
public record Admission(String source, Set<String> agencies, int dailyQuota) {
    /** In {@code survey_agencies}: every agency (a province-wide system such as the one-stop-shop system). */
    public static final String ANY_AGENCY = "*";
    static final String AGENCIES_CLAIM = "survey_agencies";
    static final String QUOTA_CLAIM = "survey_daily_quota";

    public static Admission proofOnly(String source) {
        return new Admission(source, Set.of(), 0);
    }

    public static Admission anyAgency(String source, int dailyQuota) {
        return new Admission(source, Set.of(ANY_AGENCY), dailyQuota);
    }

    /** From a data provider's token: no {@code survey_agencies} claim binds it to nothing. */
    public static Admission of(JsonWebToken token, String source, int defaultQuota) {
        Set<String> agencies = token.getClaim(AGENCIES_CLAIM) instanceof JsonArray array
                ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet()) : Set.of();
        int quota = token.getClaim(QUOTA_CLAIM) instanceof JsonNumber number ? number.intValue() : defaultQuota;
        return new Admission(source, agencies, quota);
    }

    boolean binds(String agencyCode) {
        return agencies.contains(ANY_AGENCY) || agencies.contains(agencyCode);
    }
}
