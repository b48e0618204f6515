package cn.kehou.server.disclosure;

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

import java.io.IOException;
import java.io.InputStream;

/**
 * Local and test runs only ({@code kehou.demo-data=true}): seats the demo guardians listed under
 * {@code parentsCommittee} in {@code tenants/<region>/demo-users.json} on their school's parents'
 * committee (e.g. yj-parent at Jiangcheng No. 1 Primary).
 */
@ApplicationScoped
public class DemoCommitteeLoader {

    @Inject
    DescriptorLoader descriptors;
    @Inject
    TenantScope scope;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kehou.demo-data", defaultValue = "false")
    boolean demoData;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!demoData) {
            return;
        }
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
                for (JsonNode seat : user.path("parentsCommittee")) {
                    seat(user.get("username").asText(), seat.get("tenant").asText(), seat.get("school").asText());
                }
            }
        }
    }

    private void seat(String username, String tenantCode, String schoolCode) {
        Tenant tenant = Tenant.byCode(tenantCode).orElseThrow(() -> new IllegalStateException("demo committee: unknown tenant " + tenantCode));
        scope.callAs(tenant, false, () -> {
            School school = School.<School>find("code", schoolCode).firstResultOptional()
                    .orElseThrow(() -> new IllegalStateException("demo committee: no school " + schoolCode + " in " + tenantCode));
            return em.createNativeQuery("""
                            INSERT INTO parents_committee_member (tenant_id, school_id, username, added_by)
                            VALUES (?1, ?2, ?3, 'demo-data') ON CONFLICT DO NOTHING""")
                    .setParameter(1, tenant.id).setParameter(2, school.id).setParameter(3, username).executeUpdate();
        });
    }
}
