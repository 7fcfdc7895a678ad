package vn.parsipas.indicator.evaluation;

/** The statuses of the contract (common.v1 targetStatus). */
public enum TargetStatus {
    MET, ON_TRACK, AT_RISK, MISSED, NO_DATA
}
