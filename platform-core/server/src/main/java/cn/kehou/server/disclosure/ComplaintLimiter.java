package cn.kehou.server.disclosure;

import cn.kehou.server.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anyone may complain without login, so one address may file at most {@link #LIMIT} complaints in a
 * tenant per {@link #WINDOW}; more is a 429 problem. In memory per server: enough to stop a flood
 * from one client, not a distributed quota.
 */
@ApplicationScoped
public class ComplaintLimiter {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    Clock clock;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public void admit(String tenant, String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(tenant + "|" + address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                throw new ProblemException(429, "COMPLAINT_RATE_LIMITED", WINDOW.toMinutes());
            }
            times.addLast(now);
        }
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
    }
}
