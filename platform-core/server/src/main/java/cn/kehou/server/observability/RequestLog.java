package cn.kehou.server.observability;

import cn.kehou.server.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One log line per API request (method, path, status, milliseconds). In production the console
 * writes JSON, and the MDC's {@code tenant} (set when a tenant path is admitted) rides along.
 * The same moment feeds the per-tenant metrics operators watch ({@link OperationsMetrics}).
 */
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("kehou.request");
    private static final String STARTED = "kehou.started";

    @Inject
    MeterRegistry registry;

    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = 1)
    public void start(ContainerRequestContext request) {
        MDC.remove("tenant");
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void finish(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long nanos = started instanceof Long t ? System.nanoTime() - t : -1;
        LOG.infof("%s %s %d %dms", request.getMethod(), request.getUriInfo().getPath(), response.getStatus(),
                nanos < 0 ? -1 : nanos / 1_000_000);
        // Only a tenant admitted by TenantAdmission is a label: a made-up code in a URL must not
        // create a new time series.
        Object admitted = MDC.get("tenant");
        String tenant = admitted == null ? OperationsMetrics.NO_TENANT : admitted.toString();
        if (nanos >= 0) {
            Timer.builder(OperationsMetrics.REQUESTS)
                    .description("API and portal requests, per tenant")
                    .tag("tenant", tenant)
                    .tag("method", request.getMethod())
                    .tag("outcome", (response.getStatus() / 100) + "xx")
                    .register(registry)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        if (response.getEntity() instanceof Problem p) {
            registry.counter(OperationsMetrics.PROBLEMS, "tenant", tenant, "code", p.code(),
                    "status", Integer.toString(p.status())).increment();
        }
        MDC.remove("tenant");
    }
}
