package vn.parsipas.platform.releasecheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One service's readiness as Kubernetes sees it: {@code GET /q/health/ready} answers 200 (every check UP:
 * the database, the Kafka channels). Asked again every two seconds until the timeout, since pods of a
 * rollout may still be starting; a failure shows the last answer (the checks that are DOWN).
 */
final class Readiness {
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final int SHOWN_BODY = 400;

    private Readiness() {
    }

    static ReleaseCheck.Outcome check(String name, String url, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        String last = "chưa có trả lời";
        while (true) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return ReleaseCheck.Outcome.passed(name + " sẵn sàng tại " + url, start);
                }
                last = "HTTP " + response.statusCode() + " " + oneLine(response.body());
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ReleaseCheck.Outcome.failed(name + " tại " + url + ": bị ngắt");
            }
            if (Instant.now().plus(PAUSE).isAfter(deadline)) {
                return ReleaseCheck.Outcome.failed(name + " chưa sẵn sàng tại " + url + " sau " + timeout.toSeconds()
                        + " s: " + last);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ReleaseCheck.Outcome.failed(name + " tại " + url + ": bị ngắt");
            }
        }
    }

    /** A text on one line (no control characters), cut to a readable length. */
    static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").replaceAll(" {2,}", " ").trim();
        return line.length() <= SHOWN_BODY ? line : line.substring(0, SHOWN_BODY) + "…";
    }
}
