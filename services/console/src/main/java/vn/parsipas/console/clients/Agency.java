package vn.parsipas.console.clients;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An agency of the directory (task-service); the webhook URL only for coordinators. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Agency(String code, String name, String kind, String parentCode, List<String> emails, String webhookUrl,
        boolean active) {

    public record Change(String name, String kind, String parentCode, List<String> emails, String webhookUrl, Boolean active) {
    }
}
