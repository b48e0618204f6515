package cn.kehou.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Parents applying over HTTP, as the portal and the apps do: {@code POST /api/t/{tenant}/me/applications}
 * with the parent's own token and an Idempotency-Key. Either a closed loop (a fixed number of
 * requests in flight, released together) or an open loop (a fixed offered rate, whatever the
 * answers take: what a registration rush looks like from the server).
 */
final class Rush {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One application: a parent's child for a course, under its own idempotency key. */
    record Apply(String token, UUID child, UUID course, String key) {
    }

    /** A 2xx answer: the application the server says it stored. */
    record Accepted(UUID application, UUID course, String key) {
    }

    static final class Outcome {
        final String name;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Latencies accepted = new Latencies();
        final Latencies shed = new Latencies();
        final Latencies refused = new Latencies();
        final Queue<Accepted> stored = new ConcurrentLinkedQueue<>();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        volatile String firstFailure;
        int requests;
        double seconds;
        /** The server's CPU time for this phase per request, in ms; NaN where unknown. */
        double serverCpuMillis = Double.NaN;

        Outcome(String name) {
            this.name = name;
        }

        double perSecond() {
            return requests / seconds;
        }

        synchronized void count(int status) {
            statuses.merge(status, 1, Integer::sum);
        }

        void fail(Throwable e) {
            failures.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = String.valueOf(e);
            }
        }
    }

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Rush(String serverUrl) {
        this.url = serverUrl + "/api/t/" + BenchData.TENANT + "/me/applications";
    }

    private HttpRequest request(Apply a) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + a.token()).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", a.key())
                .POST(HttpRequest.BodyPublishers.ofString("{\"child\": \"" + a.child() + "\", \"service\": \""
                        + a.course() + "\", \"pickup\": \"家长接\"}"))
                .build();
    }

    /**
     * All requests released together, {@code concurrency} in flight. A shed answer is retried after
     * a short pause, as a well-behaved client honours Retry-After; the phase ends when every
     * application has its final answer.
     */
    Outcome closed(String name, List<Apply> applies, int concurrency) throws InterruptedException {
        Outcome outcome = new Outcome(name);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    for (int i = next.getAndIncrement(); i < applies.size(); i = next.getAndIncrement()) {
                        Apply a = applies.get(i);
                        for (int attempt = 0; ; attempt++) {
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(request(a), HttpResponse.BodyHandlers.ofString());
                                record(outcome, a, r, System.nanoTime() - start);
                                if (!isShed(r.statusCode()) || attempt >= 50) {
                                    break;
                                }
                            } catch (IOException e) {
                                outcome.fail(e);
                                break;
                            }
                            outcome.retries.incrementAndGet();
                            Thread.sleep(100);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name + "-" + w);
            worker.start();
            workers.add(worker);
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        outcome.seconds = (System.nanoTime() - start) / 1e9;
        outcome.requests = applies.size();
        return outcome;
    }

    /**
     * Requests offered at {@code perSecond}, each sent on time whether or not earlier ones were
     * answered: the excess must be shed quickly, not queued. No retries.
     */
    Outcome open(String name, List<Apply> applies, double perSecond) throws InterruptedException {
        Outcome outcome = new Outcome(name);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < applies.size(); i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Apply a = applies.get(i);
            long sent = System.nanoTime();
            inFlight.add(http.sendAsync(request(a), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null) {
                    outcome.fail(e);
                } else {
                    record(outcome, a, r, System.nanoTime() - sent);
                }
            }));
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // counted per request
        }
        outcome.seconds = offeredSeconds;
        outcome.requests = applies.size();
        return outcome;
    }

    private static boolean isShed(int status) {
        return status == 503 || status == 429;
    }

    private static void record(Outcome outcome, Apply a, HttpResponse<String> r, long nanos) {
        int status = r.statusCode();
        outcome.count(status);
        if (status / 100 == 2) {
            outcome.accepted.add(nanos);
            try {
                outcome.stored.add(new Accepted(UUID.fromString(JSON.readTree(r.body()).get("id").asText()), a.course(), a.key()));
            } catch (IOException | RuntimeException e) {
                outcome.fail(new IOException("a 2xx answer without an application id: " + r.body(), e));
            }
        } else if (isShed(status)) {
            boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            outcome.shed.add(nanos);
            if (!problem) {
                outcome.fail(new IOException("a shed answer that is not problem+json: " + r.body()));
            }
        } else {
            outcome.refused.add(nanos);
        }
    }
}
