package vn.parsipas.indicator.evaluation;

/** The statuses of the contract (common.v1 targetStatus); NO_BASELINE: cannot be judged until the baseline year's value arrives. */
public enum TargetStatus {
    MET, ON_TRACK, AT_RISK, MISSED, NO_DATA, NO_BASELINE
}
