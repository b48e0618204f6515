package cn.kehou.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Issue 10's registration rush, measured: PostgreSQL's own conditional UPDATE first (one row, then
 * many), then parents enrolling over HTTP into (a) one hot course and (b) courses spread out, then
 * an overload at a multiple of the sustained rate. Checks in the database that no course is
 * overbooked and that every accepted application is stored. Targets are reported, not asserted.
 */
public final class EnrollmentBench {

    /** The benchmark's parents' password. Local demo credential of a throw-away realm. */
    static final String PASSWORD = "bench-Parent-1";

    private EnrollmentBench() {
    }

    public static void main(String[] args) {
        try {
            Report report = run(Settings.fromSystemProperties());
            System.out.println(report.text());
            System.out.println("[bench] report written to " + report.file());
        } catch (Exception e) {
            System.err.println("[bench] could not run: " + e.getMessage());
            System.exit(1);
        }
    }

    public static Report run(Settings settings) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 2_176_782_336L, 36);
        long begun = System.nanoTime();
        say("run " + run + ": " + settings.parents() + " parents, hot course of " + settings.hotSeats() + " seats, "
                + settings.courses() + " courses of " + settings.courseSeats() + ", " + settings.concurrency() + " in flight");
        say(settings.reuse() ? "measuring the stack at " + settings.serverUrl() : "starting PostgreSQL, Keycloak and the server …");
        try (Stack stack = Stack.open(settings, run)) {
            double stackSeconds = (System.nanoTime() - begun) / 1e9;
            say("stack ready in " + Math.round(stackSeconds) + " s; preparing courses and parents …");
            long preparing = System.nanoTime();
            BenchData data;
            List<BenchData.Parent> parents;
            List<String> usernames = new ArrayList<>();
            for (int i = 0; i < settings.parents(); i++) {
                usernames.add("bench-" + run + "-" + i);
            }
            KeycloakRealm realm = new KeycloakRealm(stack.keycloakUrl());
            if (stack.owned()) {
                realm.cheapLogins(Duration.ofHours(1));
            }
            var userIds = realm.importUsers(usernames, PASSWORD);
            String organization = realm.organizationId(BenchData.TENANT);
            inParallel(4, usernames, u -> realm.addMember(organization, userIds.get(u)));
            try (Connection c = stack.superuser()) {
                data = BenchData.courses(c, settings, run);
                parents = data.parents(c, usernames);
            }
            // A reused realm keeps its 5-minute tokens: fetched again before a phase once 2 minutes old.
            Tokens tokens = new Tokens(realm, usernames, PASSWORD, stack.owned() ? Duration.ofMinutes(50) : Duration.ofMinutes(2));
            double tokenSeconds = tokens.ensureFresh();
            double prepareSeconds = (System.nanoTime() - preparing) / 1e9;
            say(String.format("prepared in %.1f s (%d tokens in %.1f s)", prepareSeconds, usernames.size(), tokenSeconds));

            String loadAtStart = loadAverage();
            say("baseline: the conditional UPDATE straight on PostgreSQL …");
            Baseline.Result oneRow = Baseline.run("1 row", stack, data.tenantId, List.of(data.baselineRow),
                    settings.concurrency(), settings.baselineSeconds());
            Baseline.Result manyRows = Baseline.run(data.baselineRows.size() + " rows", stack, data.tenantId, data.baselineRows,
                    settings.concurrency(), settings.baselineSeconds());

            Rush rush = new Rush(stack.serverUrl());
            List<Rush.Outcome> phases = new ArrayList<>();
            int n = parents.size();
            List<UUID> courses = data.courses;
            // The server just started: its first requests also compile the code they run.
            say("warm-up: " + n + " applications to a course of their own …");
            List<Rush.Apply> warmUp = applies(n, parents, tokens, run + "-w", r -> data.warmUpCourse);
            phases.add(measured(stack, () -> rush.closed("warm-up", warmUp, settings.concurrency())));

            say("(a) " + n + " parents rush the hot course …");
            List<Rush.Apply> hot = applies(n, parents, tokens, run + "-a", r -> data.hotCourse);
            Rush.Outcome a = measured(stack, () -> rush.closed("(a) hot course", hot, settings.concurrency()));
            phases.add(a);

            say("(b) " + n + " parents over " + courses.size() + " courses …");
            List<Rush.Apply> spread = applies(n, parents, tokens, run + "-b", r -> courses.get(r % courses.size()));
            Rush.Outcome b = measured(stack, () -> rush.closed("(b) spread", spread, settings.concurrency()));
            phases.add(b);

            // Each overload request is a child and a course it has not applied to yet: round k, the k-th next course.
            double rate = settings.overloadFactor() * b.perSecond();
            int count = (int) Math.min(Math.round(rate * settings.overloadSeconds()), (long) n * (courses.size() - 1));
            say(String.format("overload: %d applications offered at %.0f/s (%.1f× phase b) …", count, rate,
                    settings.overloadFactor()));
            List<Rush.Apply> overload = applies(count, parents, tokens, run + "-o",
                    r -> courses.get((r % n + 1 + r / n) % courses.size()));
            Rush.Outcome o = measured(stack, () -> rush.open("overload", overload, rate));
            phases.add(o);
            var peakRss = stack.peakRssKiB();
            String loadAtEnd = loadAverage();

            Report.Checks checks;
            try (Connection c = stack.superuser()) {
                checks = check(c, data, run, phases);
            }
            Report report = new Report(settings, run, stackSeconds, prepareSeconds, tokenSeconds, oneRow, manyRows, phases, a,
                    b, o, rate, peakRss, checks, loadAtStart, loadAtEnd, settings.output().resolve("bench-report.txt"));
            Files.createDirectories(settings.output());
            Files.writeString(report.file(), report.text());
            return report;
        }
    }

    /** Runs a phase and notes the server's CPU time per request for it. */
    private static Rush.Outcome measured(Stack stack, java.util.concurrent.Callable<Rush.Outcome> phase) throws Exception {
        var before = stack.serverCpu();
        Rush.Outcome outcome = phase.call();
        var after = stack.serverCpu();
        if (before.isPresent() && after.isPresent()) {
            outcome.serverCpuMillis = after.get().minus(before.get()).toNanos() / 1e6 / outcome.requests;
        }
        return outcome;
    }

    /** {@code count} applications, the r-th by parent r mod n for {@code course.apply(r)}, with fresh tokens. */
    private static List<Rush.Apply> applies(int count, List<BenchData.Parent> parents, Tokens tokens, String keys,
                                            IntFunction<UUID> course) throws Exception {
        tokens.ensureFresh();
        List<Rush.Apply> applies = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            BenchData.Parent p = parents.get(r % parents.size());
            applies.add(new Rush.Apply(tokens.of(p.username()), p.child(), course.apply(r), "bench-" + keys + "-" + r));
        }
        return applies;
    }

    /** What the database says after the rush: overbooked courses, and accepted applications it does not have. */
    private static Report.Checks check(Connection c, BenchData data, String run, List<Rush.Outcome> phases) throws Exception {
        List<UUID> services = new ArrayList<>(data.courses);
        services.add(data.hotCourse);
        services.add(data.warmUpCourse);
        int overbooked = 0;
        int counterDisagrees = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT s.capacity, s.seats_taken,"
                + " count(a.id) FILTER (WHERE a.holds_seat) FROM school_service s LEFT JOIN enrollment_application a"
                + " ON a.tenant_id = s.tenant_id AND a.service_id = s.id WHERE s.tenant_id = ? AND s.id = ANY (?)"
                + " GROUP BY s.tenant_id, s.id")) {
            s.setObject(1, data.tenantId);
            s.setArray(2, uuids(c, services));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int capacity = rs.getInt(1);
                    int taken = rs.getInt(2);
                    long holding = rs.getLong(3);
                    if (taken > capacity || holding > capacity) {
                        overbooked++;
                    }
                    if (taken != holding) {
                        counterDisagrees++;
                    }
                }
            }
        }
        List<Rush.Accepted> accepted = phases.stream().flatMap(p -> p.stored.stream()).toList();
        Set<UUID> found = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, service_id, idempotency_key FROM enrollment_application"
                + " WHERE tenant_id = ? AND id = ANY (?)")) {
            s.setObject(1, data.tenantId);
            s.setArray(2, uuids(c, accepted.stream().map(Rush.Accepted::application).toList()));
            try (ResultSet rs = s.executeQuery()) {
                java.util.Map<UUID, Rush.Accepted> byId = new java.util.HashMap<>();
                accepted.forEach(x -> byId.put(x.application(), x));
                while (rs.next()) {
                    Rush.Accepted x = byId.get(rs.getObject(1, UUID.class));
                    if (x.course().equals(rs.getObject(2, UUID.class)) && x.key().equals(rs.getString(3))) {
                        found.add(x.application());
                    }
                }
            }
        }
        long lost = accepted.stream().filter(x -> !found.contains(x.application())).count();
        long rows;
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM enrollment_application"
                + " WHERE tenant_id = ? AND idempotency_key LIKE ?")) {
            s.setObject(1, data.tenantId);
            s.setString(2, "bench-" + run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        int hotTaken;
        long hotWaiting;
        try (PreparedStatement s = c.prepareStatement("SELECT seats_taken, (SELECT count(*) FROM enrollment_application"
                + " WHERE tenant_id = ? AND service_id = ? AND status = 'WAITLISTED') FROM school_service"
                + " WHERE tenant_id = ? AND id = ?")) {
            s.setObject(1, data.tenantId);
            s.setObject(2, data.hotCourse);
            s.setObject(3, data.tenantId);
            s.setObject(4, data.hotCourse);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                hotTaken = rs.getInt(1);
                hotWaiting = rs.getLong(2);
            }
        }
        long distinctAccepted = accepted.stream().map(Rush.Accepted::key).distinct().count();
        return new Report.Checks(services.size(), overbooked, counterDisagrees, accepted.size(), lost, rows - distinctAccepted,
                hotTaken, hotWaiting);
    }

    /** The machine's load average (1, 5, 15 min): the numbers mean little when other work shares the cores. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Array uuids(Connection c, List<UUID> ids) throws java.sql.SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    interface Task<T> {
        void run(T item) throws Exception;
    }

    /** Runs {@code task} for every item on {@code threads} threads; the first failure fails the whole. */
    static <T> void inParallel(int threads, List<T> items, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
