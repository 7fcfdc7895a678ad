package vn.parsipas.console.charts;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from a data range to pixels, widened to round ticks (1, 2 or 5 times a power of ten). */
record Axis(double low, double high, double step, double fromPixel, double toPixel) {

    static Axis of(double min, double max, double fromPixel, double toPixel, int ticks) {
        if (max <= min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw <= magnitude ? 1 : raw <= 2 * magnitude ? 2 : raw <= 5 * magnitude ? 5 : 10);
        return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, step, fromPixel, toPixel);
    }

    /** A fixed range, without widening (percentages: 0–100). */
    static Axis fixed(double low, double high, double step, double fromPixel, double toPixel) {
        return new Axis(low, high, step, fromPixel, toPixel);
    }

    double at(double value) {
        return fromPixel + (value - low) / (high - low) * (toPixel - fromPixel);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double tick = low; tick <= high + step / 1000; tick += step) {
            ticks.add(Math.abs(tick) < step / 1000 ? 0 : tick);
        }
        return ticks;
    }
}
