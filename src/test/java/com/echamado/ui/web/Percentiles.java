package com.echamado.ui.web;

import java.util.List;

/** Nearest-rank percentiles of microsecond samples, in milliseconds (NaN without samples). */
final class Percentiles {

    private Percentiles() {}

    static double ms(List<Long> micros, int percentile) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = micros.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }
}
