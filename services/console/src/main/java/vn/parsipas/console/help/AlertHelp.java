package vn.parsipas.console.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import vn.parsipas.console.web.Staff;

/**
 * "Khi nào có cảnh báo": docs/alerts.md (copied into the build, see the POM), rendered once, so staff
 * read the same rules as integrators and operators, with no second copy to keep in step. Each kind's
 * heading is an anchor named after the kind (an alert's page links to its own); links to the
 * repository's other files mean nothing here and become plain text.
 */
@Path("/huong-dan/canh-bao")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class AlertHelp {
    private static final Pattern KIND = Pattern.compile("[a-z]+(-[a-z]+)+");
    private static final String HTML = render(read("help/alerts.md"));

    @CheckedTemplate(basePath = "AlertHelp")
    static class Templates {
        static native TemplateInstance help(String content);
    }

    @GET
    public TemplateInstance help() {
        return Templates.help(HTML);
    }

    static String render(String markdown) {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        Node document = Parser.builder().extensions(extensions).build().parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String target = link.getDestination();
                if (!target.startsWith("#") && !target.startsWith("https://")) {
                    Node child = link.getFirstChild();
                    while (child != null) {
                        Node next = child.getNext();
                        link.insertBefore(child);
                        child = next;
                    }
                    link.unlink();
                }
            }
        });
        return HtmlRenderer.builder().extensions(extensions).escapeHtml(true).attributeProviderFactory(context -> (node, tag, attributes) -> {
            if (node instanceof Heading heading) {
                kindOf(heading).ifPresent(kind -> attributes.put("id", kind));
            }
        }).build().render(document);
    }

    private static Optional<String> kindOf(Heading heading) {
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Code code && KIND.matcher(code.getLiteral()).matches()) {
                return Optional.of(code.getLiteral());
            }
        }
        return Optional.empty();
    }

    private static String read(String resource) {
        try (InputStream in = AlertHelp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
