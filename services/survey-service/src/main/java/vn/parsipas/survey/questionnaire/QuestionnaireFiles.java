package vn.parsipas.survey.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import vn.parsipas.platform.problem.DomainException;
import vn.parsipas.survey.SurveyConfig;

/**
 * Publishes the questionnaire files at start: those packaged from deploy/questionnaires and those
 * of an optional directory. A file that changes a published version stops the start, loudly.
 */
@Singleton
public class QuestionnaireFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    SurveyConfig config;

    void publishAtStart(@Observes StartupEvent startup) throws Throwable {
        for (Source source : sources()) {
            Questionnaire questionnaire;
            try {
                questionnaire = QuestionnaireCatalog.parse(source.document());
            } catch (DomainException e) {
                throw new IllegalStateException("questionnaire file " + source.name() + " is invalid: " + e.getMessage()
                        + " " + e.errors(), e);
            }
            try {
                VertxContextSupport.subscribeAndAwait(() -> catalog.publish(questionnaire));
            } catch (DomainException e) {
                throw new IllegalStateException("questionnaire file " + source.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private record Source(String name, JsonNode document) {
    }

    private List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String resource : config.questionnaireFiles()) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("questionnaire file " + resource + " is not on the classpath");
                }
                sources.add(new Source(resource, YAML.readTree(in)));
            }
        }
        if (config.questionnaireDir().isPresent()) {
            try (Stream<Path> files = Files.list(Path.of(config.questionnaireDir().get()))) {
                files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(file -> {
                    try {
                        sources.add(new Source(file.toString(), YAML.readTree(file.toFile())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return sources;
    }
}
