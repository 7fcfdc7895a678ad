package vn.parsipas.notification.directory;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** This service's copy of an agency of the directory (directory.agencies.v1). */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {
    public static final String COLLECTIVE = "collective";

    @Id
    public String code;

    public String name;

    public String kind;

    public String parentCode;

    /** One address per line. */
    public String emails;

    public String webhookUrl;

    public boolean active;

    public Instant updatedAt;

    public boolean collective() {
        return COLLECTIVE.equals(kind);
    }

    public List<String> emailList() {
        return emails == null || emails.isBlank() ? List.of() : Arrays.asList(emails.split("\n"));
    }
}
