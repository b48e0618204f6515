package cn.kehou.server.onboarding;

import cn.kehou.server.identity.KeycloakDirectory;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.Branding;
import cn.kehou.server.tenancy.DescriptorLoader;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantKind;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.tenancy.TenantStatus;
import cn.kehou.server.tenancy.TenantTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A bureau onboards a child tenant: the tenant record with its plugin and config, a Keycloak
 * organization, the first admin (a user, a member, a bureau-admin role) and a portal client. Every
 * step that succeeded is undone, newest first, when a later one fails — no half-created tenant.
 */
@ApplicationScoped
public class Onboarding {

    private static final Logger LOG = Logger.getLogger(Onboarding.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KeycloakDirectory directory;
    @Inject
    RegionPolicies policies;
    @Inject
    TenantTree tree;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    public record FirstAdmin(String username, String displayName, String phone) {
    }

    public record Request(String code, String nameZh, String nameEn, TenantKind kind, String plugin,
                          Map<String, String> pluginConfig, Branding branding, FirstAdmin admin) {
    }

    /** The admin's initial password is shown once, to the onboarding bureau, to pass on. */
    public record Result(String tenant, TenantStatus status, String adminUsername, String adminInitialPassword) {
    }

    public Result onboard(Tenant parent, Request req, String actor) {
        validate(parent, req);
        Deque<Runnable> undo = new ArrayDeque<>();
        String step = "tenant";
        try {
            Tenant created = QuarkusTransaction.requiringNew().call(() -> {
                Tenant t = new Tenant();
                t.id = DescriptorLoader.tenantId(req.code());
                t.code = req.code();
                t.nameZh = req.nameZh();
                t.nameEn = req.nameEn();
                t.kind = req.kind();
                t.parentId = parent.id;
                t.status = TenantStatus.ONBOARDING;
                t.pluginId = req.plugin();
                t.pluginConfig = new HashMap<>(req.pluginConfig() == null ? Map.of() : req.pluginConfig());
                t.branding = req.branding();
                t.persist();
                em.flush();
                tree.rebuildClosure();
                return t;
            });
            undo.push(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE FROM tenant_closure WHERE descendant_id = ?1 OR ancestor_id = ?1")
                        .setParameter(1, created.id).executeUpdate();
                Tenant.deleteById(created.id);
            }));

            step = "organization";
            String orgId = directory.createOrganization(req.code(), req.nameZh());
            undo.push(() -> directory.deleteOrganization(orgId));

            step = "user";
            String password = initialPassword();
            String userId = directory.createUser(req.admin().username(), req.admin().displayName(), req.admin().phone(), password);
            undo.push(() -> directory.deleteUser(userId));

            step = "membership";
            directory.addMember(orgId, userId);

            step = "portal client";
            String display = req.branding() != null && req.branding().displayName() != null
                    ? req.branding().displayName() : req.nameZh();
            String clientId = directory.createPortalClient(req.code(), display);
            undo.push(() -> directory.deleteClient(clientId));

            step = "role";
            scope.callAs(created, false, () -> {
                em.createNativeQuery("INSERT INTO role_assignment (tenant_id, id, username, role, granted_by)"
                                + " VALUES (?1, ?2, ?3, 'bureau-admin', ?4)")
                        .setParameter(1, created.id)
                        .setParameter(2, UUID.nameUUIDFromBytes(("kehou-role:" + req.code() + ":" + req.admin().username())
                                .getBytes(StandardCharsets.UTF_8)))
                        .setParameter(3, req.admin().username()).setParameter(4, actor).executeUpdate();
                audit.record(created.id, actor, "tenant.onboard", "tenant:" + req.code(), Map.of("admin", req.admin().username()));
                return null;
            });
            step = "activation";
            QuarkusTransaction.requiringNew().run(() -> Tenant.<Tenant>findById(created.id).status = TenantStatus.ACTIVE);
            scope.callAs(parent, false, () -> {
                audit.record(parent.id, actor, "tenant.onboard", "tenant:" + req.code(),
                        Map.of("plugin", String.valueOf(req.plugin()), "admin", req.admin().username()));
                return null;
            });
            return new Result(req.code(), TenantStatus.ACTIVE, req.admin().username(), password);
        } catch (RuntimeException e) {
            String failedStep = step;
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException undoFailure) {
                    LOG.errorf(undoFailure, "onboarding %s: could not undo a step after '%s' failed", req.code(), failedStep);
                }
            }
            if (e instanceof ProblemException p) {
                throw p;
            }
            LOG.warnf(e, "onboarding %s failed at %s", req.code(), failedStep);
            throw new ProblemException(502, "ONBOARDING_FAILED", failedStep, e.getMessage());
        }
    }

    private void validate(Tenant parent, Request req) {
        if (Tenant.byCode(req.code()).isPresent()) {
            throw new ProblemException(409, "TENANT_CODE_TAKEN", req.code());
        }
        if (!req.kind().mayHaveParent(parent.kind)) {
            throw new ProblemException(400, "TENANT_KIND_INVALID", req.kind(), parent.kind);
        }
        Map<String, String> config = req.pluginConfig() == null ? Map.of() : req.pluginConfig();
        if (req.plugin() != null) {
            policies.validateConfig(req.plugin(), config);
        } else if (!config.isEmpty()) {
            // Config only: checked against the plugin the new tenant will inherit.
            RegionPolicies.Resolution inherited = policies.require(parent);
            policies.validateConfig(inherited.pluginId(), config);
        }
    }

    private static String initialPassword() {
        String letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder b = new StringBuilder("Kh");
        for (int i = 0; i < 10; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.append(RANDOM.nextInt(90) + 10).toString();
    }
}
