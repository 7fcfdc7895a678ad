package vn.parsipas.console.clients;

import jakarta.ws.rs.QueryParam;

/** The query of a task list, as task-service takes it; null parameters are left out. */
public class TaskQuery {
    @QueryParam("agency")
    public String agency;
    @QueryParam("role")
    public String role;
    @QueryParam("planId")
    public String planId;
    @QueryParam("criterion")
    public String criterion;
    @QueryParam("status")
    public String status;
    @QueryParam("overdue")
    public Boolean overdue;
    @QueryParam("cursor")
    public String cursor;
    @QueryParam("limit")
    public Integer limit;
}
