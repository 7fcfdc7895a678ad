package vn.parsipas.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One directory per running devstack, named after the owning JVM's pid. It holds the
 * engines' data, logs and the pids of the processes they started, so that a later run
 * can kill what a SIGKILLed run left behind.
 */
public final class StateDirectory {
    private static final String PIDS = "pids";

    private final Path dir;

    private StateDirectory(Path dir) {
        this.dir = dir;
    }

    public static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "parsipas-devstack");
    }

    /** Removes the leftovers of devstacks whose owner died, then creates this one's directory. */
    public static StateDirectory create() {
        cleanStale();
        Path dir = root().resolve(String.valueOf(ProcessHandle.current().pid()));
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir.resolve(PIDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StateDirectory(dir);
    }

    public Path path() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Remembers a process this devstack started, for the cleanup of a later run. */
    public void registerProcess(String name, long pid) {
        try {
            Files.writeString(dir.resolve(PIDS).resolve(name), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        deleteRecursively(dir);
    }

    static void cleanStale() {
        Path root = root();
        if (!Files.isDirectory(root)) {
            return;
        }
        for (Path owner : list(root)) {
            long ownerPid = parsePid(owner.getFileName().toString());
            if (ownerPid < 0 || ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            Path pids = owner.resolve(PIDS);
            if (Files.isDirectory(pids)) {
                for (Path pidFile : list(pids)) {
                    killStale(pidFile);
                }
            }
            deleteRecursively(owner);
        }
    }

    private static void killStale(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                System.err.println("devstack: killing stale " + pidFile.getFileName() + " (pid " + pid + ")");
                process.destroyForcibly();
            });
        } catch (IOException | NumberFormatException e) {
            System.err.println("devstack: unreadable pid file " + pidFile + ": " + e.getMessage());
        }
    }

    private static long parsePid(String name) {
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("devstack: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
