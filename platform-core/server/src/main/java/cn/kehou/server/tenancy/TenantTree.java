package cn.kehou.server.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Questions about the tenant tree: ancestry, reach, inherited settings. */
@ApplicationScoped
public class TenantTree {

    @Inject
    EntityManager em;

    /** Recomputes the closure table from parent links (small: one row per ancestor pair). */
    public void rebuildClosure() {
        em.createNativeQuery("DELETE FROM tenant_closure").executeUpdate();
        em.createNativeQuery("""
                INSERT INTO tenant_closure (ancestor_id, descendant_id, depth)
                WITH RECURSIVE up(descendant_id, ancestor_id, depth) AS (
                    SELECT id, id, 0 FROM tenant
                    UNION ALL
                    SELECT up.descendant_id, t.parent_id, up.depth + 1
                    FROM up JOIN tenant t ON t.id = up.ancestor_id
                    WHERE t.parent_id IS NOT NULL)
                SELECT ancestor_id, descendant_id, depth FROM up""").executeUpdate();
    }

    /** The tenant and its ancestors, nearest first (the tenant itself at index 0). */
    public List<Tenant> chain(Tenant tenant) {
        List<Tenant> chain = new ArrayList<>();
        Tenant t = tenant;
        while (t != null) {
            chain.add(t);
            t = t.parentId == null ? null : Tenant.findById(t.parentId);
        }
        return chain;
    }

    public boolean isAncestorOrSelf(UUID ancestor, UUID descendant) {
        return ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM tenant_closure WHERE ancestor_id = ?1 AND descendant_id = ?2")
                .setParameter(1, ancestor).setParameter(2, descendant).getSingleResult()).longValue() > 0;
    }

    /** The nearest branding up the chain: a city without its own shows its province's. */
    public Optional<Branding> effectiveBranding(Tenant tenant) {
        return chain(tenant).stream().map(t -> t.branding).filter(b -> b != null).findFirst();
    }

    public List<Tenant> children(Tenant tenant) {
        return Tenant.list("parentId = ?1 order by code", tenant.id);
    }
}
