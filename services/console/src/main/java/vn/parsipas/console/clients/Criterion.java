package vn.parsipas.console.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A criterion (or SIPAS item) of a plan. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Criterion(String code, String kind, String title) {
}
