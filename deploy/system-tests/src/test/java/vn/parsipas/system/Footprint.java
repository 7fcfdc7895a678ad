package vn.parsipas.system;

import static vn.parsipas.system.BenchmarkReport.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.parsipas.devstack.Suite;

/** What the suite's processes cost: their memory (RSS, PSS, USS), each service's start, and each started alone. */
final class Footprint {
    private final SystemUnderTest sut;
    private final BenchmarkReport report;

    Footprint(SystemUnderTest sut, BenchmarkReport report) {
        this.sut = sut;
        this.report = report;
    }

    /**
     * Memory of every process and its descendants (PostgreSQL's backends, Keycloak's JVM under its
     * launcher) from /proc/<pid>/smaps_rollup: RSS counts shared pages (PostgreSQL's shared buffers) in
     * every process; PSS shares them out, so the PSS of a process tree counts them once; USS is what
     * the tree alone holds. A service's start is Quarkus's own "started in" from its log.
     */
    void processes() throws Exception {
        for (String service : Suite.SERVICES) {
            for (Suite.Instance instance : sut.suite.instances(service)) {
                report.add("process %s-service (pid %d): %s; %s", service, instance.process().pid(), memory(instance.process().pid()),
                        startedIn(sut.suite.logs(), service + "-service-" + instance.port() + ".log"));
            }
        }
        Path pids = Path.of(sut.engines.addresses().get("state.dir"), "pids");
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                for (Path file : files.toList()) {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        report.add("process %s (pid %d): %s", file.getFileName(), pid, memory(pid));
                    }
                }
            }
        }
    }

    /**
     * Each service started once more, one at a time, while the rest of the suite idles: the four services
     * above start together on two cores with the engines; a pod starts with its own CPU. Ready = the
     * readiness probe's first 200 after launch (probed every 300 ms); idle memory 15 s after that.
     */
    void startedAlone() throws Exception {
        // -Dbench.start-profile=<folder>: a flight recording of each start (its first 30 s) and the JVM's own
        // account of its memory once idle (native memory tracking), to see where the start and the footprint go.
        String profile = System.getProperty("bench.start-profile");
        for (String service : Suite.SERVICES) {
            String[] options = profile == null ? new String[0] : new String[] { "-XX:NativeMemoryTracking=summary",
                "-XX:StartFlightRecording=settings=profile,duration=30s,filename=" + profile + "/" + service + "-start.jfr" };
            long launched = System.nanoTime();
            Suite.Instance replica = sut.suite.addReplica(service, options);
            double ready = seconds(launched);
            Thread.sleep(15_000);
            report.add("started alone: %s-service ready %.1f s after launch (%s); idle 15 s later: %s", service, ready,
                    startedIn(sut.suite.logs(), service + "-service-" + replica.port() + ".log"), memory(replica.process().pid()));
            if (profile != null) {
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(replica.process().pid()), "VM.native_memory", "summary")
                        .redirectOutput(Path.of(profile, service + "-idle-memory.txt").toFile()).start().waitFor();
            }
        }
    }

    static String memory(long pid) {
        long[] kb = smaps(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            long[] more = smaps(child.pid());
            for (int i = 0; i < kb.length; i++) {
                kb[i] += more[i];
            }
        }
        return String.format("RSS %d MB, PSS %d MB, USS %d MB", kb[0] / 1024, kb[1] / 1024, kb[2] / 1024);
    }

    /** RSS, PSS and USS (private clean + dirty) in kB; zeros for a process that has ended. */
    private static long[] smaps(long pid) {
        long[] kb = new long[3];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                long value = line.matches("^\\w+:\\s+\\d+ kB$") ? Long.parseLong(line.replaceAll("\\D", "")) : 0;
                if (line.startsWith("Rss:")) {
                    kb[0] = value;
                } else if (line.startsWith("Pss:")) {
                    kb[1] = value;
                } else if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                    kb[2] += value;
                }
            }
        } catch (Exception gone) {
            // the process has ended
        }
        return kb;
    }

    private static String startedIn(Path logs, String logFile) {
        try {
            return Files.readAllLines(logs.resolve(logFile)).stream()
                    .map(line -> java.util.regex.Pattern.compile("started in (\\d+\\.\\d+)s").matcher(line))
                    .filter(java.util.regex.Matcher::find).map(m -> "started in " + m.group(1) + " s").findFirst()
                    .orElse("start time not in its log");
        } catch (java.io.IOException e) {
            return "no log";
        }
    }
}
