package cn.kehou.server.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One log line per API request (method, path, status, milliseconds). In production the console
 * writes JSON, and the MDC's {@code tenant} (set when a tenant path is admitted) rides along.
 */
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("kehou.request");
    private static final String STARTED = "kehou.started";

    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = 1)
    public void start(ContainerRequestContext request) {
        MDC.remove("tenant");
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void finish(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long ms = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
        LOG.infof("%s %s %d %dms", request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), ms);
        MDC.remove("tenant");
    }
}
