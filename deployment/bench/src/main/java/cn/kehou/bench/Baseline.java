package cn.kehou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's own speed at what a seat costs: the server's conditional UPDATE (enrollment's
 * {@code Seats.take}, verbatim), one transaction each, from {@code concurrency} connections of the
 * server's role with the tenant set as the server sets it — on one row, or spread over many.
 */
final class Baseline {

    static final String TAKE_SEAT = "UPDATE school_service SET seats_taken = seats_taken + 1"
            + " WHERE tenant_id = ? AND id = ? AND seats_taken < capacity";

    record Result(String name, long operations, double seconds, Latencies latencies) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private Baseline() {
    }

    static Result run(String name, Stack stack, UUID tenantId, List<UUID> rows, int concurrency, int seconds) throws Exception {
        AtomicLong operations = new AtomicLong();
        Latencies latencies = new Latencies();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] window = new long[2];
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = stack.app()) {
                    try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                        s.setString(1, tenantId.toString());
                        s.execute();
                    }
                    try (PreparedStatement update = c.prepareStatement(TAKE_SEAT)) {
                        update.setObject(1, tenantId);
                        ready.countDown();
                        go.await();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < window[1]) {
                            update.setObject(2, rows.get(rows.size() == 1 ? 0 : random.nextInt(rows.size())));
                            long start = System.nanoTime();
                            if (update.executeUpdate() != 1) {
                                throw new IllegalStateException("a baseline row refused a seat");
                            }
                            latencies.add(System.nanoTime() - start);
                            operations.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                    ready.countDown();
                }
            }, "baseline-" + t);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the baseline failed: " + failures.get(0).getMessage(), failures.get(0));
        }
        return new Result(name, operations.get(), (System.nanoTime() - window[0]) / 1e9, latencies);
    }
}
