package vn.parsipas.console.clients;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A criterion (or SIPAS item) of a plan, with its lead agency and deadline as the plan states them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Criterion(String code, String kind, String title, String leadAgency, LocalDate deadline, String deadlineText,
        boolean active) {
}
