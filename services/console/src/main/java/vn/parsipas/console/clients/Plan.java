package vn.parsipas.console.clients;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A plan as task-service publishes it (e.g. 120/KH-UBND of Đắk Lắk for 2025). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(String id, String number, String title, String shortTitle, String issuer, String province,
        LocalDate issuedOn, int year) {
}
