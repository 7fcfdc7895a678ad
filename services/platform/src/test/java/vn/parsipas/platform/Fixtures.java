package vn.parsipas.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.devstack.TestKafka;

final class Fixtures {
    private Fixtures() {
    }

    static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static AgencyUpserted agency(String code, String name) {
        return new AgencyUpserted(code, name, "department", "VP-UBND-TINH", List.of("vanthu@daklak.gov.vn"), null, true,
                Instant.parse("2025-05-27T02:00:00Z"));
    }

    static TestKafka kafka() {
        return new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
