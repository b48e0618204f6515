package cn.kehou.server.identity;

import cn.kehou.server.tenancy.DescriptorLoader;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Local and test runs only ({@code kehou.demo-data=true}): grants the demo users of
 * {@code tenants/<region>/demo-users.json} their roles. The same users exist in Keycloak from the
 * realm file; production grants roles through onboarding and the admin API instead.
 */
@ApplicationScoped
public class DemoRoleLoader {

    private static final Logger LOG = Logger.getLogger(DemoRoleLoader.class);

    @Inject
    DescriptorLoader descriptors;
    @Inject
    TenantScope scope;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kehou.demo-data", defaultValue = "false")
    boolean demoData;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (demoData) {
            LOG.infof("demo role assignments written: %d", loadBundled());
        }
    }

    /** @return how many assignments were new (0 on a second run). */
    public int loadBundled() {
        int written = 0;
        for (JsonNode region : descriptors.readTree(DescriptorLoader.ROOT + "index.json").get("regions")) {
            String resource = DescriptorLoader.ROOT + region.asText() + "/demo-users.json";
            JsonNode users;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                users = descriptors.json().readTree(in).get("users");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
            for (JsonNode user : users) {
                String username = user.get("username").asText();
                for (JsonNode m : user.get("memberships")) {
                    written += grant(username, m) ? 1 : 0;
                }
                for (JsonNode child : user.path("children")) {
                    written += enrolChildWithGuardian(username, child) ? 1 : 0;
                }
            }
        }
        return written;
    }

    private boolean grant(String username, JsonNode membership) {
        Tenant tenant = Tenant.byCode(membership.get("tenant").asText()).orElseThrow(
                () -> new IllegalStateException("demo user " + username + ": unknown tenant " + membership.get("tenant")));
        String role = membership.get("role").asText();
        String schoolCode = text(membership, "school");
        String provider = text(membership, "provider");
        return scope.callAs(tenant, false, () -> {
            UUID schoolId = schoolCode == null ? null : School.<School>find("code", schoolCode).firstResultOptional()
                    .map(s -> s.id).orElseThrow(() -> new IllegalStateException(
                            "demo user " + username + ": school " + schoolCode + " is not in " + tenant.code));
            UUID id = UUID.nameUUIDFromBytes(("kehou-role:" + tenant.code + ":" + username + ":" + role + ":"
                    + schoolCode + ":" + provider).getBytes(StandardCharsets.UTF_8));
            return em.createNativeQuery("""
                            INSERT INTO role_assignment (tenant_id, id, username, role, school_id, provider_code, granted_by)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'demo-data') ON CONFLICT DO NOTHING""")
                    .setParameter(1, tenant.id).setParameter(2, id).setParameter(3, username).setParameter(4, role)
                    .setParameter(5, schoolId).setParameter(6, provider)
                    .executeUpdate() > 0;
        });
    }

    /** A demo child at its school, with the demo parent already confirmed as guardian. */
    private boolean enrolChildWithGuardian(String username, JsonNode child) {
        String schoolCode = child.get("school").asText();
        Tenant owner = schoolOwner(schoolCode);
        return scope.callAs(owner, false, () -> {
            School school = School.<School>find("code", schoolCode).firstResult();
            UUID childId = UUID.nameUUIDFromBytes(("kehou-child:" + schoolCode + ":" + child.get("nameZh").asText())
                    .getBytes(StandardCharsets.UTF_8));
            String groups = "{" + String.join(",", java.util.stream.StreamSupport.stream(
                    child.path("priorityGroups").spliterator(), false).map(JsonNode::asText).toList()) + "}";
            int inserted = em.createNativeQuery("""
                            INSERT INTO child (tenant_id, id, school_id, name_zh, grade, class_name, day_student, priority_groups)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS text[])) ON CONFLICT DO NOTHING""")
                    .setParameter(1, owner.id).setParameter(2, childId).setParameter(3, school.id)
                    .setParameter(4, child.get("nameZh").asText()).setParameter(5, child.get("grade").asInt())
                    .setParameter(6, child.get("className").asText()).setParameter(7, child.path("dayStudent").asBoolean(true))
                    .setParameter(8, groups).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO guardianship (tenant_id, id, child_id, username, relation, status, decided_by, decided_at)
                            VALUES (?1, ?2, ?3, ?4, 'MOTHER', 'CONFIRMED', 'demo-data', now()) ON CONFLICT DO NOTHING""")
                    .setParameter(1, owner.id)
                    .setParameter(2, UUID.nameUUIDFromBytes(("kehou-guardian:" + childId + ":" + username).getBytes(StandardCharsets.UTF_8)))
                    .setParameter(3, childId).setParameter(4, username).executeUpdate();
            return inserted > 0;
        });
    }

    /** Schools are tenant-owned: find the owner by asking each tenant (demo data only, small). */
    private Tenant schoolOwner(String schoolCode) {
        for (Tenant t : Tenant.<Tenant>listAll()) {
            boolean here = scope.callAs(t, false, () -> School.count("code", schoolCode) > 0);
            if (here) {
                return t;
            }
        }
        throw new IllegalStateException("demo child at unknown school " + schoolCode);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
