package vn.parsipas.task.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

/**
 * Bodies of the task commands. Who acts is not part of a body: it is the bearer token's user.
 */
public final class TaskRequests {
    static final String CODE = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
    static final String CODE_MESSAGE = "must be an agency code (upper-case words joined by '-')";

    private TaskRequests() {
    }

    public record NewTask(
            @NotBlank @Size(max = 4000) String title,
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String leadAgency,
            @Size(max = 100) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> coordinatingAgencies,
            @NotNull LocalDate deadline,
            @Size(max = 128) String planId,
            @Size(max = 16) @Pattern(regexp = "^[0-9]+(\\.[0-9]+)*$", message = "must be a criterion code like 1.16") String criterionCode) {
    }

    public record Reassignment(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String leadAgency,
            @Size(max = 100) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> coordinatingAgencies,
            @Size(max = 4000) String reason) {
    }

    public record DeadlineChange(
            @NotNull LocalDate deadline,
            @NotBlank @Size(max = 4000) String reason) {
    }

    /**
     * {@code reportingAgency} is optional: agency staff report for their own agency (naming another is
     * refused); a coordinator may record a report on behalf of an agency, by default the lead agency.
     */
    public record Progress(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percentComplete,
            @Size(max = 4000) String note,
            @Size(max = 2000) @URL(regexp = "^https?:.*", message = "must be an http(s) URL") String evidenceUrl,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String reportingAgency) {
    }

    public record Completion(
            @Size(max = 4000) String note) {
    }

    public record Reopening(
            @NotBlank @Size(max = 4000) String reason) {
    }
}
