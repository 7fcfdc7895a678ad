package vn.parsipas.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** The chart in helm/parsipas, linted and rendered by the Helm library embedded in helm-java. */
final class Chart {
    static final Path REPO = Path.of(System.getProperty("parsipas.repo", "../..")).toAbsolutePath().normalize();
    static final Path DIR = REPO.resolve("helm/parsipas");
    static final Path PRODUCTION_VALUES = DIR.resolve("values-production.yaml");
    static final Path ASYNCAPI = REPO.resolve("contracts/asyncapi.yaml");
    static final String RELEASE = "parsipas";
    static final String NAMESPACE = "parsipas";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
    static final String KUBE_VERSION = "1.27.0";

    /** The realm export of deploy/keycloak, with its local-only client secrets, as an operator passes it. */
    static final Path TEST_REALM = Path.of(System.getProperty("parsipas.repo", "../.."), "deploy/keycloak/parsipas-realm.json");

    // A key written twice in one object is an error: Kubernetes would silently keep one of them.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Chart() {
    }

    static LintResult lintStrict() {
        return new Helm(DIR).lint().strict().call();
    }

    /**
     * Renders with the chart's default values, then the given adjustments (--set, -f, --set-file), hooks
     * included as `helm template` prints them (helm test's pod and its network policy).
     */
    static Rendered render(UnaryOperator<TemplateCommand> values) {
        TemplateCommand command = new Helm(WITH_HOOKS_SHOWN.get()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        return Rendered.parse(values.apply(command).call().replace(HIDDEN_HOOK, HOOK));
    }

    private static final String HOOK = "helm.sh/hook";
    private static final String HIDDEN_HOOK = "parsipas.test/helm.sh.hook";

    /**
     * A copy of the chart whose hook annotations have another name. helm-java's template answers the
     * release's manifest without its hooks (the helm CLI prints both), so the copy renders them into the
     * manifest and {@link #render} gives them their name back: the objects are what Helm renders.
     */
    private static final Supplier<Path> WITH_HOOKS_SHOWN = new Supplier<>() {
        private Path copy;

        @Override
        public synchronized Path get() {
            if (copy == null) {
                copy = copyWithHooksShown();
            }
            return copy;
        }
    };

    private static Path copyWithHooksShown() {
        try {
            Path copy = Files.createTempDirectory("parsipas-chart");
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(DIR.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (file.toString().endsWith(".yaml") && file.startsWith(DIR.resolve("templates"))) {
                        Files.writeString(target, Files.readString(file).replace(HOOK, HIDDEN_HOOK));
                    } else {
                        Files.copy(file, target); // follows files/asyncapi.yaml's link, as helm package does
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(copy)));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with the chart's defaults and a values file of the given YAML (what --set cannot say, e.g. an empty list). */
    static Rendered renderValues(String yaml) {
        try {
            Path file = Files.createTempFile("parsipas-values", ".yaml");
            try {
                Files.writeString(file, yaml);
                return render(command -> command.withValuesFile(file));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered renderDefaults() {
        return render(command -> command);
    }

    /** The production example, installed as its header says (realm JSON through --set-file). */
    static Rendered renderProduction() {
        return render(command -> command.withValuesFile(PRODUCTION_VALUES)
                .setFile("keycloak.realmImport.json", TEST_REALM));
    }

    /** The values a release of {@link WorkloadsTest#releases()} renders with: the defaults, or the production example over them. */
    static JsonNode values(String release) {
        JsonNode defaults = yaml(DIR.resolve("values.yaml"));
        return release.equals("values-production.yaml") ? merge(defaults, yaml(PRODUCTION_VALUES)) : defaults;
    }

    /** Helm's merge of a values file over others: objects merge key by key, anything else replaces. */
    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (!base.isObject() || !over.isObject()) {
            return over;
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        over.fields().forEachRemaining(e -> merged.set(e.getKey(), merge(base.path(e.getKey()), e.getValue())));
        return merged;
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects of a rendered release. */
    record Rendered(List<JsonNode> objects) {
        static Rendered parse(String manifest) {
            List<JsonNode> objects = new ArrayList<>();
            try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(manifest)) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                    if (node != null && node.isObject()) {
                        objects.add(node);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Rendered(List.copyOf(objects));
        }

        /** The four services' Deployments (not the console's). */
        List<JsonNode> serviceDeployments() {
            return ofKind("Deployment").stream().filter(d -> !d.at("/metadata/name").asText().endsWith("-console")).toList();
        }

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
        }

        JsonNode named(String kind, String name) {
            return ofKind(kind).stream().filter(object -> name.equals(object.at("/metadata/name").asText()))
                    .findFirst().orElse(MissingNode.getInstance());
        }

        /** Kind → count, for the closing note and for count assertions. */
        Map<String, Long> kinds() {
            return objects.stream().collect(Collectors.groupingBy(object -> object.path("kind").asText(), TreeMap::new,
                    Collectors.counting()));
        }
    }
}
