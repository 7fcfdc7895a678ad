package vn.parsipas.platform.problem;

import java.util.List;

/** 409: the request is well-formed but clashes with the current state (e.g. progress on a completed task). */
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message, List.of());
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
