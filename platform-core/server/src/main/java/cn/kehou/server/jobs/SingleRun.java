package cn.kehou.server.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.function.Supplier;

/**
 * Runs a scheduled job on one server instance only: several instances share one PostgreSQL, and
 * the job takes a transaction-scoped advisory lock named after it. An instance that does not get
 * the lock skips the run (another instance is doing it); the lock ends with the transaction, so a
 * crashed instance never holds it. Nothing lives in the JVM that a second instance would need.
 */
@ApplicationScoped
public class SingleRun {

    @Inject
    EntityManager em;

    /** @return the job's result, or null when another instance holds the lock right now. */
    public <T> T ifFree(String jobName, Supplier<T> job) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "kehou-job:" + jobName).getSingleResult();
            return mine ? job.get() : null;
        });
    }
}
