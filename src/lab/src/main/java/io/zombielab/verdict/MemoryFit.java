package io.zombielab.verdict;

import java.util.List;

/** Least-squares slope of memory against cycle number: growth per cycle, from every sample, not two points. */
public final class MemoryFit {

    private MemoryFit() {}

    /** @param bytesPerCycle memory at cycle 0, 1, ..., n (index = cycle); at least two samples */
    public static double slope(List<Long> bytesPerCycle) {
        int n = bytesPerCycle.size();
        if (n < 2) {
            throw new IllegalArgumentException("a growth fit needs at least two samples, got " + n);
        }
        double meanX = (n - 1) / 2.0;
        double meanY =
                bytesPerCycle.stream().mapToLong(Long::longValue).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int x = 0; x < n; x++) {
            num += (x - meanX) * (bytesPerCycle.get(x) - meanY);
            den += (x - meanX) * (x - meanX);
        }
        return num / den;
    }
}
