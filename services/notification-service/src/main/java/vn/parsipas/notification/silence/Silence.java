package vn.parsipas.notification.silence;

import java.time.Instant;

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

    /**
     * Whether a fingerprint matches a pattern ({@code *} any characters, {@code ?} one): the classic
     * greedy matcher that remembers only the last {@code *}, so it takes at most pattern × text steps
     * (never the exponential backtracking of a regular expression such as {@code (.*.)*Z}).
     */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
