package cn.kehou.server.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Runs scheduled jobs once although several server instances share one PostgreSQL and each has the
 * same schedule. Two guards, both in the database so nothing lives in a JVM that another instance
 * would need:
 * <ul>
 *   <li>{@link #claim}: a tick (job, slot of the period) is claimed by inserting its row; the first
 *       instance to insert runs it, the others find the row and skip — the job runs once per period
 *       however the instances' timers are offset;</li>
 *   <li>{@link #ifFree}: the run itself holds a transaction-scoped advisory lock named after the job,
 *       so a manual or late run never overlaps another; a crashed instance never holds it.</li>
 * </ul>
 */
@ApplicationScoped
public class SingleRun {

    /** Who claimed a tick, for operators reading job_run: host and process. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    EntityManager em;

    /** @return the job's result, or null when another instance holds the lock right now. */
    public <T> T ifFree(String jobName, Supplier<T> job) {
        return ifFree(jobName, null, job);
    }

    /** The same, for a job that may hold its lock longer than the default transaction timeout (null: the default). */
    public <T> T ifFree(String jobName, Duration timeout, Supplier<T> job) {
        var tx = QuarkusTransaction.requiringNew();
        if (timeout != null) {
            tx = tx.timeout((int) timeout.toSeconds());
        }
        return tx.call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "kehou-job:" + jobName).getSingleResult();
            return mine ? job.get() : null;
        });
    }

    /**
     * Claims the tick of {@code jobName} that {@code now} falls in ({@code now} rounded down to the
     * period, since the epoch).
     *
     * @return true for exactly one caller per job and slot, across all instances
     */
    public boolean claim(String jobName, Instant now, Duration period) {
        long millis = period.toMillis();
        OffsetDateTime slot = OffsetDateTime.ofInstant(Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis),
                ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("INSERT INTO job_run (job, slot, instance) VALUES (?1, ?2, ?3)"
                            + " ON CONFLICT (job, slot) DO NOTHING")
                    .setParameter(1, jobName).setParameter(2, slot).setParameter(3, INSTANCE).executeUpdate();
            if (inserted == 1 && Math.floorMod(slot.toEpochSecond(), 3600L) == 0) {
                // Once an hour: ticks older than a week are history nobody reads.
                em.createNativeQuery("DELETE FROM job_run WHERE job = ?1 AND slot < ?2")
                        .setParameter(1, jobName).setParameter(2, slot.minusDays(7)).executeUpdate();
            }
            return inserted == 1;
        });
    }
}
