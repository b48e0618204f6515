package cn.kehou.server.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

import java.time.Duration;

/**
 * The numbers an operator pages on, at {@code /q/metrics} (Prometheus): every request per tenant
 * ({@link RequestLog}), every problem answered by code, enrollment load shed, how long a payment
 * waited for its gateway notification, and plugin failures per tenant. Labels are tenant codes
 * already admitted, plugin ids and problem codes: a bounded set.
 */
@ApplicationScoped
public class OperationsMetrics {

    public static final String REQUESTS = "kehou.http.requests";
    public static final String PROBLEMS = "kehou.problems";
    public static final String SHED = "kehou.enrollment.shed";
    public static final String NOTIFICATION_LAG = "kehou.payments.notification.lag";
    public static final String PLUGIN_ERRORS = "kehou.plugin.errors";
    static final String NO_TENANT = "none";

    @Inject
    MeterRegistry registry;

    /** An enrollment request turned away at once because the endpoint is full (503 OVERLOADED). */
    public void shed() {
        registry.counter(SHED, "tenant", currentTenant()).increment();
    }

    /** A payment's gateway notification applied {@code lag} after the family started paying. */
    public void notificationApplied(String tenant, Duration lag) {
        Timer.builder(NOTIFICATION_LAG)
                .description("From the start of a payment to its gateway notification being applied")
                .tag("tenant", tenant)
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** A regional plugin threw, answered nothing or answered out of range. */
    public void pluginFailed(String tenant, String plugin) {
        registry.counter(PLUGIN_ERRORS, "tenant", tenant == null ? NO_TENANT : tenant, "plugin",
                plugin == null ? "?" : plugin).increment();
    }

    private static String currentTenant() {
        Object t = MDC.get("tenant");
        return t == null ? NO_TENANT : t.toString();
    }
}
