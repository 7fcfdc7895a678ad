package vn.parsipas.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The local run: real engines plus the four services from their packaged builds, each on a fixed
 * port, each with its own database. Ctrl-C stops the services, then the engines, and leaves no
 * process behind. Run it through {@code ./run-local.sh}, which builds first; {@code --demo} also
 * plays the external systems and moves time ({@link Demo}).
 */
public final class LocalSuite {
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        List<String> options = List.of(args);
        boolean demo = options.contains("--demo");
        // Kafka and Keycloak on the ports asyncapi.yaml and the docs name, unless asked otherwise.
        System.setProperty("parsipas.devstack.kafka-port", option(options, "--kafka-port=", "9092"));
        System.setProperty("parsipas.devstack.keycloak-port", option(options, "--keycloak-port=", "8180"));
        String clock = option(options, "--clock=", null);
        Path root = Path.of(options.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("."))
                .toAbsolutePath().normalize();
        Instant begin = Instant.now();
        Engines engines = Engines.start(true, true, true);
        // The demo starts the services' clocks on 20/11/2025 and moves them (operator role); --clock=<date>
        // starts them at midnight of that local date and lets them run; otherwise the clock is the real one. PARSIPAS_DEMO says so: without it an adjustable clock does not start.
        Map<String, String> env = demo
                ? Map.of("PARSIPAS_DEMO", "true", "PARSIPAS_CLOCK_ADJUSTABLE", "true", "PARSIPAS_CLOCK_START", "2025-11-20T00:00:00Z",
                        "PARSIPAS_TASK_DEADLINES_CHECK_INTERVAL", "5s",
                        "PARSIPAS_INDICATOR_EVALUATION_INTERVAL", "5s", "PARSIPAS_NOTIFICATION_PASSES_EVERY", "10s",
                        "PARSIPAS_SURVEY_INDICES_UPDATE_INTERVAL", "PT1M")
                : clock != null ? startingOn(clock) : Map.of();
        // The packaged services run in the prod profile, which logs JSON lines; people read the local run's logs.
        env = new java.util.HashMap<>(env);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        Suite suite;
        try {
            suite = Suite.start(root, engines, env, true);
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the services and the engines ...");
            suite.close();
            engines.close();
            System.out.println("stopped.");
        }, "local-suite-stop"));
        printSummary(suite, engines, Duration.between(begin, Instant.now()));
        if (demo) {
            new Thread(new Demo(suite, engines.addresses().get("keycloak.url")), "demo").start();
        }
        Thread.currentThread().join();
    }

    private static String option(List<String> options, String prefix, String fallback) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst().orElse(fallback);
    }

    /** The services' clocks start at midnight (Asia/Ho_Chi_Minh) of a chosen day, e.g. --clock=2025-11-20. */
    private static Map<String, String> startingOn(String date) {
        Instant start = java.time.LocalDate.parse(date).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        return Map.of("PARSIPAS_DEMO", "true", "PARSIPAS_CLOCK_ADJUSTABLE", "true", "PARSIPAS_CLOCK_START", start.toString());
    }

    private static void printSummary(Suite suite, Engines engines, Duration took) {
        System.out.println();
        System.out.println("PAR·SIPAS is running (started in " + took.toSeconds() + " s):");
        for (String service : Suite.SERVICES) {
            Suite.Instance instance = suite.instances(service).get(0);
            System.out.printf("  %-22s %s   (Swagger UI: /q/swagger-ui, health: /q/health, pid %d)%n",
                    service + "-service", instance.url(), instance.process().pid());
        }
        if (!suite.instances(Suite.CONSOLE).isEmpty()) {
            Suite.Instance console = suite.instances(Suite.CONSOLE).get(0);
            System.out.printf("  %-22s %s   (trang làm việc của cơ quan: đăng nhập bằng staff.stp / local-only-demo; pid %d)%n",
                    "console", console.url(), console.process().pid());
        }
        engines.addresses().forEach((key, value) -> System.out.printf("  %-22s %s%n", key, value));
        System.out.println("  logs                   " + suite.logs());
        System.out.println();
        System.out.println("Demo logins (local only; realm " + Keycloak.REALM + ", client parsipas-web, password local-only-demo):");
        System.out.println("  coordinator.snv  coordinator   Sở Nội vụ");
        System.out.println("  staff.skhcn      agency-staff  Sở Khoa học và Công nghệ");
        System.out.println("  staff.stc        agency-staff  Sở Tài chính");
        System.out.println("  staff.stp        agency-staff  Sở Tư pháp");
        System.out.println("  staff.vpubnd     agency-staff  Văn phòng UBND tỉnh");
        System.out.println("  operator         operator");
        System.out.println("Data providers (client credentials): igate, finance-system, survey-kiosk "
                + "(secret local-only-<client>-secret). Keycloak admin console: admin / local-only-admin.");
        if (!suite.instances(Suite.CONSOLE).isEmpty()) {
            System.out.println("Open " + suite.url(Suite.CONSOLE) + " and sign in as staff.stp (Sở Tư pháp) to see its alerts arrive live.");
        }
        System.out.println("Ctrl-C stops everything.");
    }
}
