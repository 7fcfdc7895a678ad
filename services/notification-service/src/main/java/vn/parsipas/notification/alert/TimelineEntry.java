package vn.parsipas.notification.alert;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One line of an alert's history: raised, notified, muted, repeated, acknowledged, escalated, resolved, ... */
@Entity
@Table(name = "alert_timeline")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String alertId;

    public Instant at;

    public String type;

    public String agencyCode;

    public String actor;

    public String detail;

    public static TimelineEntry of(String alertId, Instant at, String type, String agencyCode, String actor, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.alertId = alertId;
        entry.at = at;
        entry.type = type;
        entry.agencyCode = agencyCode;
        entry.actor = actor;
        entry.detail = detail;
        return entry;
    }
}
