package vn.parsipas.platform.problem;

import java.time.Duration;
import java.util.List;

/** 429: the caller holds or asks too much at once; it may try again after {@link #retryAfter()}. */
public class TooManyRequestsException extends DomainException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message, List.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
