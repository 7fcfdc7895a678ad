package vn.parsipas.task.agency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An agency of the directory, or a collective group the plan addresses as one. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {
    @Id
    public String code;

    public String name;

    public String kind;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(columnDefinition = "text[]")
    public String[] emails = new String[0];

    @Column(name = "webhook_url")
    public String webhookUrl;

    public boolean active = true;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
