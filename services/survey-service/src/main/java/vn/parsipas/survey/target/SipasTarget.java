package vn.parsipas.survey.target;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.parsipas.contracts.plan.TargetDefined;

/**
 * A SIPAS target as survey-service evaluates it: a satisfied share (percent) that a sub-index
 * should reach in the year of the target's deadline. {@code percent} is null while the target is
 * relative to a baseline that is not known yet: such a target raises no below-target fact.
 */
public record SipasTarget(String targetId, String subIndex, int year, String comparator, BigDecimal percent,
        String responsibleAgency) {

    /** The SIPAS target a TargetDefined describes, or null when it is not one survey-service evaluates. */
    public static SipasTarget of(TargetDefined target) {
        if (!TargetDefined.KIND_SIPAS.equals(target.kind()) || target.subIndex() == null || !target.active()) {
            return null;
        }
        String comparator = target.comparator() == null ? "gte" : target.comparator();
        return new SipasTarget(target.targetId(), target.subIndex(), target.deadline().getYear(), comparator,
                percentOf(target, comparator), target.responsibleAgency());
    }

    /**
     * The absolute value when given; else baseline + delta (or the baseline itself for "higher than
     * the baseline"); null when the baseline is unknown or the comparator makes no sense for a
     * satisfaction share (a target to stay below it).
     */
    static BigDecimal percentOf(TargetDefined target, String comparator) {
        if (!comparator.equals("gte") && !comparator.equals("gt")) {
            return null;
        }
        if (target.value() != null) {
            return target.value().setScale(2, RoundingMode.HALF_UP);
        }
        if ("baseline".equals(target.relativeTo()) && target.baseline() != null && target.baseline().value() != null) {
            BigDecimal delta = target.delta() == null ? BigDecimal.ZERO : target.delta();
            return target.baseline().value().add(delta).setScale(2, RoundingMode.HALF_UP);
        }
        return null;
    }

    /** Below target with confidence: even the interval's upper bound does not reach the target. */
    public boolean isMissedBy(BigDecimal intervalHighPercent) {
        if (percent == null) {
            return false;
        }
        int comparison = intervalHighPercent.compareTo(percent);
        return "gt".equals(comparator) ? comparison <= 0 : comparison < 0;
    }
}
