package vn.parsipas.console.clients;

import jakarta.ws.rs.QueryParam;

/** The query of an inbox list, as notification-service takes it; null parameters are left out. */
public class AlertQuery {
    @QueryParam("status")
    public String status;
    @QueryParam("holding")
    public String holding;
    @QueryParam("kind")
    public String kind;
    @QueryParam("severity")
    public String severity;
    @QueryParam("criterion")
    public String criterion;
    @QueryParam("raisedFrom")
    public String raisedFrom;
    @QueryParam("raisedTo")
    public String raisedTo;
    @QueryParam("updatedSince")
    public String updatedSince;
    @QueryParam("cursor")
    public String cursor;
    @QueryParam("limit")
    public Integer limit;
}
