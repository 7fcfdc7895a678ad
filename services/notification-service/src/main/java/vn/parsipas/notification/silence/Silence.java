package vn.parsipas.notification.silence;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Mutes notifications for a time window: to one agency, or about the alerts whose fingerprint
 * matches a pattern ({@code *} any characters, {@code ?} one), or both. What it mutes is counted.
 */
@Entity
@Table(name = "silence")
public class Silence extends PanacheEntityBase {
    @Id
    public String id;

    public String fingerprintPattern;

    public String agencyCode;

    public Instant startsAt;

    public Instant endsAt;

    public String reason;

    public String createdBy;

    public Instant createdAt;

    public int mutedCount;

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
