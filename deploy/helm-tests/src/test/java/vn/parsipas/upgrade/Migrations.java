package vn.parsipas.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Flyway migrations of the repository, as each service's database applies them: the platform's
 * (services/platform, db/platform) and the service's own (db/migration), in Flyway's order (versions
 * compared part by part, 3 < 3.1 < 4; repeatable migrations last, by description).
 */
final class Migrations {
    static final Path REPO = Path.of(System.getProperty("parsipas.repo", "../..")).toAbsolutePath().normalize();
    private static final Pattern FILE = Pattern.compile("(?:V([0-9][0-9._]*)|R)__(.+)\\.sql");

    private Migrations() {
    }

    /** Service name → its database's migrations in the order Flyway applies them. */
    static Map<String, List<SchemaContractions.Migration>> histories() {
        List<Path> platform = sqlFiles(REPO.resolve("services/platform/src/main/resources/db"));
        Map<String, List<SchemaContractions.Migration>> histories = new TreeMap<>();
        try (Stream<Path> services = Files.list(REPO.resolve("services"))) {
            for (Path service : services.sorted().toList()) {
                Path own = service.resolve("src/main/resources/db/migration");
                if (Files.isDirectory(own)) {
                    List<Path> files = new ArrayList<>(platform);
                    files.addAll(sqlFiles(own));
                    files.sort(FLYWAY_ORDER);
                    histories.put(service.getFileName().toString(), files.stream().map(Migrations::read).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return histories;
    }

    /** Every migration file under services/*&#47;src/main/resources/db, as a repository path. */
    static List<String> allPaths() {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> services = Files.list(REPO.resolve("services"))) {
            for (Path service : services.sorted().toList()) {
                sqlFiles(service.resolve("src/main/resources/db")).forEach(file -> paths.add(repoPath(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    static final Comparator<Path> FLYWAY_ORDER = Comparator.comparing((Path file) -> version(file) == null)
            .thenComparing(Migrations::version, Comparator.nullsLast(Migrations::compareVersions))
            .thenComparing(file -> file.getFileName().toString());

    /** "V3_1__x.sql" → [3, 1]; a repeatable migration has none. */
    static List<Long> version(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException(file + " is not named as Flyway expects (V<version>__<description>.sql or R__<description>.sql)");
        }
        if (m.group(1) == null) {
            return null;
        }
        return Stream.of(m.group(1).split("[._]")).filter(part -> !part.isEmpty()).map(Long::parseLong).toList();
    }

    private static int compareVersions(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            long x = i < a.size() ? a.get(i) : 0;
            long y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static List<Path> sqlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SchemaContractions.Migration read(Path file) {
        try {
            return new SchemaContractions.Migration(repoPath(file), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String repoPath(Path file) {
        return REPO.relativize(file).toString().replace('\\', '/');
    }
}
