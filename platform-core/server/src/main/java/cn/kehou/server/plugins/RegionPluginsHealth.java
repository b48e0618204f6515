package cn.kehou.server.plugins;

import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Lists, in readiness, every tenant whose region plugin does not run. The server stays UP — the
 * other tenants keep working — while each listed tenant refuses its requests (fail closed).
 */
@Readiness
@ApplicationScoped
public class RegionPluginsHealth implements HealthCheck {

    @Inject
    RegionPolicies policies;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("Regional plugins").up();
        List<RegionPolicies.Resolution> resolutions = QuarkusTransaction.joiningExisting().call(() ->
                Tenant.<Tenant>listAll().stream().map(policies::resolve).toList());
        long notReady = 0;
        for (RegionPolicies.Resolution r : resolutions) {
            if (r.pluginId() == null) {
                continue;
            }
            if (r.ready()) {
                b.withData(r.tenantCode(), "ready: " + r.pluginId() + " " + r.pluginVersion());
            } else {
                notReady++;
                b.withData(r.tenantCode(), "NOT READY: " + r.problem());
            }
        }
        return b.withData("tenantsNotReady", notReady).build();
    }
}
