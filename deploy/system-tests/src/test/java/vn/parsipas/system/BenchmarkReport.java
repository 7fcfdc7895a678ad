package vn.parsipas.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The lines of one benchmark: each printed as it comes, with the benchmark's tag, and all written to its
 * file at the end (bench.sh copies the file into docs/benchmarks/results.md); and the timing helpers the
 * benchmarks share.
 */
final class BenchmarkReport {
    private final String tag;
    private final List<String> lines = new ArrayList<>();

    BenchmarkReport(String tag) {
        this.tag = tag;
    }

    void add(String format, Object... args) {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println("[" + tag + "] " + line);
    }

    void write(Path file) throws IOException {
        Files.write(file, lines);
        System.out.println("[" + tag + "] written to " + file);
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double seconds(long fromNanos) {
        return seconds(fromNanos, System.nanoTime());
    }

    static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /** Waits until {@code due} (System.nanoTime) without holding a core: a spinning producer would take one of the two. */
    static void pace(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
