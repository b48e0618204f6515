package cn.kehou.server.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Carries the request's tenant into PostgreSQL whenever the server's pool hands out a connection,
 * and wipes it when the connection goes back. Row-level-security policies read these settings
 * ({@code kehou_current_tenant()}), so a query that forgets its tenant filter still sees only the
 * request's tenant — and with no tenant, nothing.
 *
 * <p>Why at acquisition: Quarkus holds one connection per transaction, so the setting lives exactly
 * as long as the transaction's use of it; a tenant switch therefore needs a new transaction
 * ({@link TenantScope}). Only the default (application-role) datasource is intercepted.
 */
@ApplicationScoped
public class TenantConnectionSetup implements AgroalPoolInterceptor {

    @Override
    public void onConnectionAcquire(Connection connection) {
        TenantContext context = currentContext();
        String tenant = context == null ? "" : context.tenantId().map(Object::toString).orElse("");
        boolean subtree = context != null && context.readsSubtree() && !tenant.isEmpty();
        String username = context == null ? "" : context.username().orElse("");
        apply(connection, tenant, subtree, username);
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        apply(connection, "", false, "");
    }

    private static void apply(Connection connection, String tenant, boolean subtree, String username) {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false),"
                + " set_config('app.read_subtree', ?, false), set_config('app.username', ?, false)")) {
            s.setString(1, tenant);
            s.setString(2, Boolean.toString(subtree));
            s.setString(3, username);
            s.execute();
        } catch (SQLException e) {
            // Fail closed: a connection whose tenant could not be set must not be used.
            throw new IllegalStateException("could not set the tenant on a database connection", e);
        }
    }

    private static TenantContext currentContext() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        return Arc.container().instance(TenantContext.class).get();
    }
}
