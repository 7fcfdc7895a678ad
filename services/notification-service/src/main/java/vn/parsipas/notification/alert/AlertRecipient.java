package vn.parsipas.notification.alert;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An agency whose inbox holds an alert, and why: responsible, copy or escalation. */
@Entity
@Table(name = "alert_recipient")
@IdClass(AlertRecipient.Key.class)
public class AlertRecipient extends PanacheEntityBase {
    public static final String RESPONSIBLE = "responsible";
    public static final String COPY = "copy";
    public static final String ESCALATION = "escalation";

    @Id
    public String alertId;

    @Id
    public String agencyCode;

    public String role;

    public static AlertRecipient of(String alertId, String agencyCode, String role) {
        AlertRecipient recipient = new AlertRecipient();
        recipient.alertId = alertId;
        recipient.agencyCode = agencyCode;
        recipient.role = role;
        return recipient;
    }

    public static class Key implements Serializable {
        public String alertId;
        public String agencyCode;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(alertId, key.alertId) && Objects.equals(agencyCode, key.agencyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, agencyCode);
        }
    }
}
