package vn.parsipas.console.web;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.qute.TemplateGlobal;

/** Values every template reads: the console's base path, so links work at / locally and below /console in the cluster. */
@TemplateGlobal
public final class Globals {
    private Globals() {
    }

    /** The HTTP root path with a trailing slash: "/" or "/console/". */
    public static String base() {
        String root = ConfigProvider.getConfig().getOptionalValue("quarkus.http.root-path", String.class).orElse("/");
        return root.endsWith("/") ? root : root + "/";
    }
}
