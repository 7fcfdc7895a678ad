package vn.parsipas.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options every service process starts with, read from the chart's {@code files/jvm.yaml} so
 * that the local run, the system tests and the pods run the same settings.
 */
public final class ServiceJvm {
    static final String FILE = "helm/parsipas/files/jvm.yaml";

    private ServiceJvm() {
    }

    /**
     * The command line of a packaged service or console: this JVM's {@code java}, {@link #options}, then
     * {@code extra} (a later option wins, e.g. a system property of one replica), {@code -jar} and the jar.
     */
    public static List<String> command(Path repo, Path jar, String... extra) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options(repo));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** The collector first, then the other options, as words of a command line. */
    public static List<String> options(Path repo) {
        List<String> options = new ArrayList<>();
        options.addAll(words(value(repo, "gc")));
        options.addAll(words(value(repo, "options")));
        return options;
    }

    private static String value(Path repo, String key) {
        try {
            return Files.readAllLines(repo.resolve(FILE)).stream()
                    .filter(line -> line.startsWith(key + ":"))
                    .map(line -> line.substring(key.length() + 1).trim().replace("\"", ""))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(FILE + " has no " + key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.split("\\s+"));
    }
}
