package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;

import vn.parsipas.contracts.text.VietnameseFigures;

/** A target's goal as its reasons state it: "≥ 80%", "≤ hạng 35" (renderings: {@link VietnameseFigures}). */
final class Wording {

    private Wording() {
    }

    static String goal(Target target, BigDecimal threshold) {
        return VietnameseFigures.goal(target.comparator(), threshold, target.unit());
    }
}
