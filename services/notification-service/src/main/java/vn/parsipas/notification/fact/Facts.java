package vn.parsipas.notification.fact;

import static vn.parsipas.notification.fact.Texts.criterion;
import static vn.parsipas.notification.fact.Texts.scope;
import static vn.parsipas.contracts.text.VietnameseFigures.date;
import static vn.parsipas.contracts.text.VietnameseFigures.dateTime;
import static vn.parsipas.contracts.text.VietnameseFigures.figure;
import static vn.parsipas.contracts.text.VietnameseFigures.goal;
import static vn.parsipas.contracts.text.VietnameseFigures.number;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.indicator.TargetStatusChanged;
import vn.parsipas.contracts.sipas.SatisfactionBelowTarget;
import vn.parsipas.contracts.sipas.SatisfactionIndexUpdated;
import vn.parsipas.contracts.sipas.SatisfactionRecovered;
import vn.parsipas.contracts.task.TaskCompleted;
import vn.parsipas.contracts.task.TaskDeadlineCleared;
import vn.parsipas.contracts.task.TaskDueSoon;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.contracts.task.TaskProgressReported;
import vn.parsipas.contracts.task.TaskUpdated;
import vn.parsipas.notification.alert.AlertKind;
import vn.parsipas.notification.alert.Fact;
import vn.parsipas.platform.time.BusinessTime;

/** Reads the producers' facts as raises, clears and notes, with the Vietnamese text of each alert. */
public final class Facts {
    private static final List<AlertKind> TASK_KINDS = List.of(AlertKind.TASK_DUE_SOON, AlertKind.TASK_OVERDUE);
    private static final List<AlertKind> TARGET_KINDS = List.of(AlertKind.TARGET_AT_RISK, AlertKind.TARGET_MISSED,
            AlertKind.TARGET_NO_DATA, AlertKind.TARGET_NO_BASELINE);

    private Facts() {
    }

    /** The facts an event states; empty for events that change nothing here (e.g. TaskAssigned). */
    public static List<Fact> of(Event event) {
        if (event instanceof TaskDueSoon e) {
            return List.of(new Fact.Raise(AlertKind.TASK_DUE_SOON, e.taskId(), e.leadAgency(),
                    e.coordinatingAgencies(), criterion(AlertKind.TASK_DUE_SOON.label(), e.criterionCode()),
                    "Nhiệm vụ \"" + e.title() + "\" sẽ đến hạn vào ngày " + date(e.deadline()) + " (còn " + e.daysBefore()
                            + " ngày).", List.of(), e.criterionCode()));
        }
        if (event instanceof TaskOverdue e) {
            return List.of(new Fact.Raise(AlertKind.TASK_OVERDUE, e.taskId(), e.leadAgency(),
                    e.coordinatingAgencies(), criterion(AlertKind.TASK_OVERDUE.label(), e.criterionCode()),
                    "Nhiệm vụ \"" + e.title() + "\" đã quá hạn " + daysOverdue(e) + " ngày (hạn " + date(e.deadline())
                            + ") và chưa hoàn thành.", List.of(AlertKind.TASK_DUE_SOON), e.criterionCode()));
        }
        if (event instanceof TaskDeadlineCleared e) {
            return List.of(new Fact.Clear(e.taskId(), TASK_KINDS,
                    "completed".equals(e.resolution()) ? "task-completed" : "deadline-changed"));
        }
        if (event instanceof TaskCompleted e) {
            return List.of(new Fact.Note(e.taskId(), "task-completed", "Nhiệm vụ được báo cáo hoàn thành lúc "
                    + dateTime(e.completedAt()) + " (" + e.completedBy() + ")" + (e.note() == null ? "." : ": " + e.note())));
        }
        if (event instanceof TaskProgressReported e) {
            return List.of(new Fact.Note(e.taskId(), "progress", "Báo cáo tiến độ của "
                    + e.reportingAgency() + ": " + figure(e.percentComplete(), "percent") + (e.note() == null ? "." : " — " + e.note())));
        }
        if (event instanceof TaskUpdated e && "reassigned".equals(e.change())) {
            return List.of(new Fact.Reassign(e.taskId(), e.leadAgency(),
                    e.coordinatingAgencies(), "Nhiệm vụ được giao lại cho " + e.leadAgency()
                            + (e.reason() == null ? "." : ": " + e.reason())));
        }
        if (event instanceof TaskUpdated e) {
            return List.of(new Fact.Note(e.taskId(), "task-updated", "Nhiệm vụ được cập nhật (" + e.change()
                    + ", hạn " + date(e.deadline()) + ")" + (e.reason() == null ? "." : ": " + e.reason())));
        }
        if (event instanceof TargetStatusChanged e) {
            return target(e);
        }
        if (event instanceof SatisfactionBelowTarget e) {
            return List.of(new Fact.Raise(AlertKind.SATISFACTION_BELOW_TARGET,
                    aggregate(e.subIndex(), e.scope(), e.period()), e.responsibleAgency(), List.of(),
                    AlertKind.SATISFACTION_BELOW_TARGET.label() + ": " + e.subIndex() + " " + e.subIndexName()
                            + " (kỳ " + e.period() + ")",
                    "\"" + e.subIndexName() + "\" (" + scope(e.scope()) + ", kỳ " + e.period() + ") đạt "
                            + figure(e.satisfiedPercent(), "percent") + " (khoảng tin cậy 95%: " + number(e.intervalLowPercent()) + "–"
                            + figure(e.intervalHighPercent(), "percent") + ", " + e.responses() + " phiếu), thấp hơn mục tiêu "
                            + figure(e.targetPercent(), "percent") + ".", List.of(), e.subIndex()));
        }
        if (event instanceof SatisfactionRecovered e) {
            return List.of(new Fact.Clear(aggregate(e.subIndex(), e.scope(), e.period()),
                    List.of(AlertKind.SATISFACTION_BELOW_TARGET), "index-recovered"));
        }
        if (event instanceof SatisfactionIndexUpdated e) {
            return List.of(new Fact.Note(aggregate(e.subIndex(), e.scope(), e.period()), "index-updated",
                    "Chỉ số kỳ " + e.period() + ": " + figure(e.satisfiedPercent(), "percent") + " (" + e.responses() + " phiếu; mục tiêu "
                            + figure(e.targetPercent(), "percent") + ")."));
        }
        return List.of();
    }

    /**
     * What a SIPAS alert is about: one sub-index of one scope in one period. A quarter and the year to
     * date are judged separately, so each is its own alert and a recovery resolves only its own period.
     */
    private static String aggregate(String subIndex, String scope, String period) {
        return subIndex + "|" + scope + "|" + period;
    }

    private static List<Fact> target(TargetStatusChanged e) {
        AlertKind kind = switch (e.status()) {
            case "AT_RISK" -> AlertKind.TARGET_AT_RISK;
            case "MISSED" -> AlertKind.TARGET_MISSED;
            case "NO_DATA" -> AlertKind.TARGET_NO_DATA;
            case "NO_BASELINE" -> AlertKind.TARGET_NO_BASELINE;
            default -> null;
        };
        if (kind == null) {
            return List.of(new Fact.Clear(e.targetId(), TARGET_KINDS, "target-recovered"));
        }
        String indicator = e.indicatorName() != null ? e.indicatorName() : e.indicatorCode();
        String goal = goal(e.comparator(), e.targetValue(), e.unit());
        String body = switch (kind) {
            case TARGET_NO_DATA -> "Chưa nhận được số liệu của chỉ tiêu \"" + indicator + "\" (" + scope(e.scope())
                        + (e.period() == null ? "" : ", kỳ " + e.period()) + "); mục tiêu " + goal + " vào ngày "
                        + date(e.deadline()) + ".";
            case TARGET_NO_BASELINE -> "Chỉ tiêu \"" + indicator + "\" (" + scope(e.scope()) + "): mục tiêu hạn "
                        + date(e.deadline()) + " được so với năm gốc " + e.period()
                        + " và được đánh giá ngay khi có giá trị năm " + e.period() + ".";
            case TARGET_MISSED -> "Chỉ tiêu \"" + indicator + "\" (" + scope(e.scope()) + ") không đạt mục tiêu " + goal
                        + " đến hạn " + date(e.deadline()) + ": giá trị " + figure(e.value(), e.unit()) + periodOf(e) + ".";
            default -> "Chỉ tiêu \"" + indicator + "\" (" + scope(e.scope()) + ") đạt " + figure(e.value(), e.unit())
                        + periodOf(e) + ", mục tiêu " + goal + " vào ngày " + date(e.deadline())
                        + (e.expectedValue() == null ? "" : "; lộ trình cần " + figure(e.expectedValue(), e.unit())) + ".";
        };
        String agency = kind.toDataProvider() && e.dataProvider() != null ? e.dataProvider() : e.responsibleAgency();
        List<AlertKind> others = TARGET_KINDS.stream().filter(other -> other != kind).toList();
        return List.of(new Fact.Raise(kind, e.targetId(), agency, List.of(), criterion(kind.label(), e.criterionCode()),
                body + " " + e.reason(), others, e.criterionCode()));
    }

    private static String periodOf(TargetStatusChanged e) {
        return e.period() == null ? "" : " (kỳ " + e.period() + ")";
    }

    private static long daysOverdue(TaskOverdue e) {
        LocalDate detected = LocalDate.ofInstant(e.detectedAt(), BusinessTime.ZONE);
        return Math.max(1, ChronoUnit.DAYS.between(e.deadline(), detected));
    }
}
