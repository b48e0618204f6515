package cn.kehou.server.tenancy;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant a request acts in — the only holder of "the current tenant" in the server. It is set
 * from a verified token and an explicit path (never a default), and every database connection the
 * request uses carries it into PostgreSQL (see {@link TenantConnectionSetup}). Empty means no
 * tenant: tenant-owned tables then return no rows.
 */
@RequestScoped
public class TenantContext {

    private UUID tenantId;
    private String tenantCode;
    private boolean readsSubtree;
    /** The verified username: lets a user read their own role assignments across tenants. */
    private String username;

    public void identify(String username) {
        this.username = username;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Acts in {@code tenant}; {@code readsSubtree} lets a bureau read its descendants' rows. */
    public void actIn(Tenant tenant, boolean readsSubtree) {
        this.tenantId = tenant.id;
        this.tenantCode = tenant.code;
        this.readsSubtree = readsSubtree;
    }

    /** What the context holds now, to put back after acting as another tenant for a moment. */
    public State state() {
        return new State(tenantId, tenantCode, readsSubtree);
    }

    public void restore(State state) {
        tenantId = state.tenantId();
        tenantCode = state.tenantCode();
        readsSubtree = state.readsSubtree();
    }

    public record State(UUID tenantId, String tenantCode, boolean readsSubtree) {
    }

    public void clear() {
        tenantId = null;
        tenantCode = null;
        readsSubtree = false;
    }

    public Optional<UUID> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    public Optional<String> tenantCode() {
        return Optional.ofNullable(tenantCode);
    }

    public boolean readsSubtree() {
        return readsSubtree;
    }

    /** The tenant id, or a problem when the request has none (a programming error upstream). */
    public UUID requireTenantId() {
        if (tenantId == null) {
            throw new IllegalStateException("no tenant in this request");
        }
        return tenantId;
    }
}
