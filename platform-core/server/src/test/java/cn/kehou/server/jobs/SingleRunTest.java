package cn.kehou.server.jobs;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances (here: two threads with their own connections) start the same job: one runs it. */
@QuarkusTest
class SingleRunTest {

    @Inject
    SingleRun singleRun;

    @Test
    void a_job_started_twice_at_once_runs_once_and_runs_again_when_the_first_is_done() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> singleRun.ifFree("settlement-test", () -> {
                runs.incrementAndGet();
                inside.countDown();
                await(release);
                return "ran";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> singleRun.ifFree("settlement-test", () -> {
                runs.incrementAndGet();
                return "ran too";
            }));
            assertThat(second.get(10, TimeUnit.SECONDS)).as("skipped while the first holds the lock").isNull();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
            assertThat(runs).hasValue(1);

            assertThat(singleRun.ifFree("settlement-test", () -> "again")).isEqualTo("again");
            assertThat(List.of(singleRun.ifFree("another-job", () -> "x"))).containsExactly("x");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void each_tick_of_a_period_is_claimed_by_exactly_one_of_many_instances_however_their_timers_are_offset() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        Instant tick = Instant.parse("2026-09-01T08:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int period = 0; period < 3; period++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int instance = 0; instance < 8; instance++) {
                    // Timers a few seconds apart, all inside the same minute.
                    Instant at = tick.plus(minute.multipliedBy(period)).plusSeconds(instance * 7L);
                    claims.add(pool.submit(() -> {
                        go.await(10, TimeUnit.SECONDS);
                        return singleRun.claim("claim-test", at, minute);
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> c : claims) {
                    won += c.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("period " + period).isEqualTo(1);
            }
            assertThat(singleRun.claim("claim-test", tick.plusSeconds(59), minute)).as("an old tick is not run again").isFalse();
            assertThat(singleRun.claim("other-job", tick, minute)).as("jobs claim separately").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
