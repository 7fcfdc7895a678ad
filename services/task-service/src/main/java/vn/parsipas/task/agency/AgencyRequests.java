package vn.parsipas.task.agency;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

/** Bodies of the directory's API. */
public final class AgencyRequests {
    static final String CODE = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
    static final String KINDS = "people-committee|office|department|inspectorate|central-branch|public-service-unit"
            + "|state-enterprise|media|mass-organisation|locality|collective";
    /** Anchored, so that the OpenAPI document's pattern (JSON Schema: a match anywhere) accepts what the service does. */
    static final String KIND = "^(" + KINDS + ")$";

    private AgencyRequests() {
    }

    /** A new agency. */
    public record NewAgency(
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "must be upper-case words joined by '-'") String code,
            @NotBlank @Size(max = 4000) String name,
            @NotNull @Pattern(regexp = KIND, message = "must be one of " + KINDS) String kind,
            @Size(max = 64) @Pattern(regexp = CODE, message = "must be upper-case words joined by '-'") String parentCode,
            @Size(max = 20) List<@NotBlank @Email @Size(max = 254) String> emails,
            @Size(max = 2000) @URL(protocol = "https", message = "must be an https URL") String webhookUrl) {

        AgencyChange asChange() {
            return new AgencyChange(name, kind, parentCode, emails, webhookUrl, true);
        }
    }

    /** The whole new state of an agency (PUT): name, kind, supervising agency, contacts, active. */
    public record AgencyChange(
            @NotBlank @Size(max = 4000) String name,
            @NotNull @Pattern(regexp = KIND, message = "must be one of " + KINDS) String kind,
            @Size(max = 64) @Pattern(regexp = CODE, message = "must be upper-case words joined by '-'") String parentCode,
            @Size(max = 20) List<@NotBlank @Email @Size(max = 254) String> emails,
            @Size(max = 2000) @URL(protocol = "https", message = "must be an https URL") String webhookUrl,
            Boolean active) {
    }

    /** An agency as a plan file states it; contacts are the directory's business, not the plan's. */
    public record PlanAgency(String code, String name, String kind, String parentCode) {
    }
}
