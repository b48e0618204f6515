package cn.kehou.server.jobs;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
