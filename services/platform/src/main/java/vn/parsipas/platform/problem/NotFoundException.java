package vn.parsipas.platform.problem;

import java.util.List;

/** 404: the thing named in the request does not exist. */
public class NotFoundException extends DomainException {
    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist", List.of());
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
