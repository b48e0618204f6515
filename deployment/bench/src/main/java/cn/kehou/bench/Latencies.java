package cn.kehou.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The q-th percentile (0 < q ≤ 100) in milliseconds; NaN when nothing was recorded. */
    synchronized double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    String summary() {
        return count() == 0 ? "—" : String.format("p50 %.1f ms · p99 %.1f ms · max %.1f ms", millis(50), millis(99), millis(100));
    }
}
