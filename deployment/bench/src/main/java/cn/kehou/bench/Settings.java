package cn.kehou.bench;

import java.nio.file.Path;

/**
 * The benchmark's size and where it runs, from system properties ({@code -Dbench.parents=…}); the
 * defaults are issue 10's: 500 parents, a hot course of 30 seats and 500 courses.
 *
 * @param parents        parents, each with one child and a token of their own
 * @param courses        the courses of the spread phase (b)
 * @param hotSeats       seats in the hot course of phase (a)
 * @param courseSeats    seats in each spread course
 * @param concurrency    requests in flight in the baseline and phases (a) and (b): below the endpoint's bulkhead
 * @param baselineSeconds how long each JDBC baseline runs
 * @param overloadFactor the overload phase offers this multiple of phase (b)'s sustained rate
 * @param overloadSeconds how long the overload phase offers it
 * @param reuse          true: measure a stack already running (the run command's), instead of starting one
 */
public record Settings(Path root, Path output, int parents, int courses, int hotSeats, int courseSeats, int concurrency,
                       int baselineSeconds, double overloadFactor, int overloadSeconds, boolean reuse, String serverUrl,
                       String keycloakUrl, int postgresPort) {

    public static Settings fromSystemProperties() {
        Path root = Path.of(System.getProperty("kehou.root", ".")).toAbsolutePath().normalize();
        return new Settings(root,
                Path.of(System.getProperty("bench.output", root.resolve("deployment/bench/target").toString())),
                Integer.getInteger("bench.parents", 500),
                Integer.getInteger("bench.courses", 500),
                Integer.getInteger("bench.hot-seats", 30),
                Integer.getInteger("bench.course-seats", 30),
                Integer.getInteger("bench.concurrency", 32),
                Integer.getInteger("bench.baseline-seconds", 5),
                Double.parseDouble(System.getProperty("bench.overload-factor", "3")),
                Integer.getInteger("bench.overload-seconds", 5),
                Boolean.getBoolean("bench.reuse"),
                System.getProperty("bench.server-url", "http://localhost:8080"),
                System.getProperty("bench.keycloak-url", "http://localhost:8180"),
                Integer.getInteger("bench.postgres-port", 5433));
    }

    public Settings {
        if (parents < 1 || courses < 2 || hotSeats < 1 || courseSeats < 1 || concurrency < 1) {
            throw new IllegalArgumentException("bench sizes must be positive (and at least two courses)");
        }
    }
}
