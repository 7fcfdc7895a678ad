package vn.parsipas.console.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.quarkus.qute.TemplateData;

import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.AlertCounts;
import vn.parsipas.console.web.Globals;

/**
 * What the inbox page shows: the agency's tabs with their counts, one page of alerts and how the
 * agency holds each, the links to the next page, and where the live stream resumes from.
 */
@TemplateData
public record Inbox(String agency, InboxFilter filter, AlertCounts counts, List<Row> rows, String nextLink, String firstLink,
        String selfLink, String streamLink, String flash, String problem) {

    /** One alert as a line of the inbox; only the agency acting on it (or supervising it) acknowledges it. */
    public record Row(Alert alert, String role, boolean acknowledgeable, boolean selected) {
    }

    public long count(InboxFilter.Tab tab) {
        return switch (tab) {
            case OPEN -> counts.open();
            case ACKNOWLEDGED -> counts.acknowledged();
            case ESCALATED -> counts.escalated();
            case RESOLVED -> counts.resolved();
        };
    }

    /** This page's address below the base path, for the acknowledgement form to come back to. */
    public String returnTo() {
        return selfLink.substring(Globals.base().length());
    }

    static Row row(Alert alert, String agency, Set<String> selected) {
        String role = alert.roleOf(agency);
        boolean acknowledgeable = alert.isOpen() && !"copy".equals(role);
        return new Row(alert, role, acknowledgeable, acknowledgeable && selected.contains(alert.alertId()));
    }

    /** The live stream, resuming after the newest change the page shows (all changes when it shows none). */
    static String stream(Instant since) {
        return "canh-bao/su-kien?since=" + (since == null ? Instant.EPOCH : since);
    }
}
