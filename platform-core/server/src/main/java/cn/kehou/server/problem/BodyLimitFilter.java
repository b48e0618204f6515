package cn.kehou.server.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversize API bodies with a problem+json 413 before they are read. The HTTP layer's own
 * limit (quarkus.http.limits.max-body-size) stays above this one as the hard stop for bodies that
 * declare no length.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    @ConfigProperty(name = "kehou.api.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            throw new ProblemException(413, "PAYLOAD_TOO_LARGE", maxBodyBytes / 1024);
        }
    }
}
