package vn.parsipas.console;

import java.time.Duration;
import java.time.MonthDay;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.console")
public interface ConsoleConfig {
    /** Alerts or tasks per page (the services' cursor pages). */
    @WithDefault("50")
    int pageSize();

    /** How often the live inbox sends a comment so that proxies keep the stream open. */
    @WithDefault("PT20S")
    Duration heartbeat();

    /** The periodic PAR reports. */
    Report report();

    interface Report {
        /** The reporting periods by key (quy-1, 6-thang, ...), as the Ministry of Home Affairs' guidance defines them. */
        Map<String, Period> periods();

        /** The issuing body printed in the report's header. */
        @WithDefault("SỞ NỘI VỤ")
        String issuer();

        /** Its superior body, printed above it. */
        @WithDefault("UBND TỈNH ĐẮK LẮK")
        String issuerParent();

        /** The place before the date line ("Đắk Lắk, ngày ... tháng ... năm ..."). */
        @WithDefault("Đắk Lắk")
        String place();
    }

    /** A reporting period of a year: its data cut-off window and the day the report is due (month-days, --MM-dd). */
    interface Period {
        String name();

        MonthDay from();

        /** Whether the window opens in the previous year (15/12 of the year before for Q1, six months and the year). */
        @WithDefault("false")
        boolean fromPreviousYear();

        MonthDay to();

        MonthDay due();
    }
}
