package vn.parsipas.console.web;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages show one person's work: no browser or proxy keeps them, so after signing out the back button
 * asks the console again (and gets the sign-in page) instead of showing a stored copy.
 */
public class NoStore {
    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
