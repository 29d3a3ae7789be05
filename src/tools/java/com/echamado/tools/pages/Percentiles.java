package com.echamado.tools.pages;

import java.util.List;
import org.HdrHistogram.Histogram;

/** Percentiles of microsecond samples, in milliseconds (NaN without samples), from an HdrHistogram. */
final class Percentiles {

    private Percentiles() {}

    static double ms(List<Long> micros, int percentile) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        Histogram histogram = new Histogram(3);
        micros.forEach(value -> histogram.recordValue(Math.max(0, value)));
        return (percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile)) / 1000.0;
    }
}
