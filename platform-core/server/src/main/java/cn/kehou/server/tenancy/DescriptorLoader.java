package cn.kehou.server.tenancy;

import cn.kehou.server.problem.Problem;
import cn.kehou.server.problem.ProblemException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Loads the region descriptors of {@code tenants/} into the database, idempotently: an unchanged
 * descriptor writes nothing, a changed one updates just what changed. Ids derive from codes, so a
 * tenant or school keeps its id across reloads and machines.
 */
@ApplicationScoped
public class DescriptorLoader {

    private static final Logger LOG = Logger.getLogger(DescriptorLoader.class);
    public static final String ROOT = "kehou-tenants/";

    @Inject
    EntityManager em;
    @Inject
    TenantScope tenantScope;
    @Inject
    TenantTree tree;

    @ConfigProperty(name = "kehou.tenants.load-at-start", defaultValue = "true")
    boolean loadAtStart;

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a load did: rows inserted and updated (both 0 when nothing changed). */
    public record LoadReport(int tenantsInserted, int tenantsUpdated, int schoolsInserted, int schoolsUpdated) {
        LoadReport plus(LoadReport o) {
            return new LoadReport(tenantsInserted + o.tenantsInserted, tenantsUpdated + o.tenantsUpdated,
                    schoolsInserted + o.schoolsInserted, schoolsUpdated + o.schoolsUpdated);
        }

        public boolean wroteNothing() {
            return tenantsInserted + tenantsUpdated + schoolsInserted + schoolsUpdated == 0;
        }
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (loadAtStart) {
            LoadReport report = loadBundled();
            LOG.infof("region descriptors loaded: %s", report);
        }
    }

    /** Loads every region listed in the bundled {@code kehou-tenants/index.json}, parents first. */
    public LoadReport loadBundled() {
        JsonNode index = readTree(ROOT + "index.json");
        LoadReport total = new LoadReport(0, 0, 0, 0);
        for (JsonNode region : index.get("regions")) {
            total = total.plus(load(readRegion(ROOT + region.asText() + "/tenant.json")));
        }
        return total;
    }

    /** Loads one region descriptor (also the admin API's entry point). */
    public LoadReport load(RegionDescriptor region) {
        validate(region);
        int[] tenantCounts = QuarkusTransaction.requiringNew().call(() -> upsertTenants(region.tenants()));
        int inserted = 0;
        int updated = 0;
        for (RegionDescriptor.SchoolEntry entry : orderCentralSchoolsFirst(region.schools())) {
            Tenant owner = Tenant.byCode(entry.tenant()).orElseThrow(
                    () -> new ProblemException(400, "TENANT_UNKNOWN", entry.tenant()));
            Boolean wasInserted = tenantScope.callAs(owner, false, () -> upsertSchool(owner, entry));
            if (wasInserted == null) {
                continue;
            }
            if (wasInserted) {
                inserted++;
            } else {
                updated++;
            }
        }
        return new LoadReport(tenantCounts[0], tenantCounts[1], inserted, updated);
    }

    private int[] upsertTenants(List<RegionDescriptor.TenantEntry> entries) {
        int inserted = 0;
        int updated = 0;
        for (RegionDescriptor.TenantEntry e : entries) {
            UUID parentId = null;
            if (e.parent() != null) {
                Tenant parent = Tenant.byCode(e.parent()).orElseThrow(
                        () -> new ProblemException(400, "TENANT_UNKNOWN", e.parent()));
                if (!e.kind().mayHaveParent(parent.kind)) {
                    throw ProblemException.invalidFields("VALIDATION_FAILED", List.of(new Problem.FieldProblem(
                            "tenants[" + e.code() + "].parent", e.kind() + " cannot sit under " + parent.kind)));
                }
                parentId = parent.id;
            }
            Tenant t = Tenant.byCode(e.code()).orElse(null);
            boolean isNew = t == null;
            if (isNew) {
                t = new Tenant();
                t.id = tenantId(e.code());
                t.code = e.code();
            }
            Map<String, String> config = e.pluginConfig() == null ? Map.of() : Map.copyOf(e.pluginConfig());
            TenantStatus status = e.status() == null ? TenantStatus.ACTIVE : e.status();
            boolean changed = isNew || !Objects.equals(t.nameZh, e.nameZh()) || !Objects.equals(t.nameEn, e.nameEn())
                    || t.kind != e.kind() || !Objects.equals(t.parentId, parentId) || t.status != status
                    || !Objects.equals(t.pluginId, e.plugin()) || !Objects.equals(t.pluginConfig, config)
                    || !Objects.equals(t.branding, e.branding());
            if (!changed) {
                continue;
            }
            t.nameZh = e.nameZh();
            t.nameEn = e.nameEn();
            t.kind = e.kind();
            t.parentId = parentId;
            t.status = status;
            t.pluginId = e.plugin();
            t.pluginConfig = new HashMap<>(config);
            t.branding = e.branding();
            if (isNew) {
                t.persist();
                inserted++;
            } else {
                updated++;
            }
            em.flush();
        }
        if (inserted + updated > 0) {
            tree.rebuildClosure();
        }
        return new int[] {inserted, updated};
    }

    /** @return true when inserted, false when updated, null when nothing changed. */
    private Boolean upsertSchool(Tenant owner, RegionDescriptor.SchoolEntry e) {
        UUID centralId = null;
        if (e.centralSchool() != null) {
            centralId = School.<School>find("code", e.centralSchool()).firstResultOptional()
                    .map(s -> s.id)
                    .orElseThrow(() -> new ProblemException(400, "CENTRAL_SCHOOL_UNKNOWN", e.centralSchool()));
        }
        School s = School.<School>find("code", e.code()).firstResult();
        boolean isNew = s == null;
        if (isNew) {
            s = new School();
            s.id = schoolId(owner.code, e.code());
            s.tenantId = owner.id;
            s.code = e.code();
        }
        School target = new School();
        target.nameZh = e.nameZh();
        target.nameEn = e.nameEn();
        target.level = e.level();
        target.urban = e.urban();
        target.ruralTown = e.ruralTown();
        target.boarding = e.boarding();
        target.villageSchool = e.villageSchool();
        target.teachingPoint = e.teachingPoint();
        target.centralSchoolId = centralId;
        target.publicSchool = e.publicSchool() == null || e.publicSchool();
        target.normalDismissal = e.normalDismissal();
        target.periodMinutes = e.periodMinutes() == null ? 40 : e.periodMinutes();
        if (!isNew && sameAttributes(s, target)) {
            return null;
        }
        s.nameZh = target.nameZh;
        s.nameEn = target.nameEn;
        s.level = target.level;
        s.urban = target.urban;
        s.ruralTown = target.ruralTown;
        s.boarding = target.boarding;
        s.villageSchool = target.villageSchool;
        s.teachingPoint = target.teachingPoint;
        s.centralSchoolId = target.centralSchoolId;
        s.publicSchool = target.publicSchool;
        s.normalDismissal = target.normalDismissal;
        s.periodMinutes = target.periodMinutes;
        if (isNew) {
            s.persist();
        }
        return isNew;
    }

    private static boolean sameAttributes(School a, School b) {
        return Objects.equals(a.nameZh, b.nameZh) && Objects.equals(a.nameEn, b.nameEn) && a.level == b.level
                && a.urban == b.urban && Objects.equals(a.ruralTown, b.ruralTown) && a.boarding == b.boarding
                && a.villageSchool == b.villageSchool && a.teachingPoint == b.teachingPoint
                && Objects.equals(a.centralSchoolId, b.centralSchoolId) && a.publicSchool == b.publicSchool
                && Objects.equals(a.normalDismissal, b.normalDismissal) && a.periodMinutes == b.periodMinutes;
    }

    private static List<RegionDescriptor.SchoolEntry> orderCentralSchoolsFirst(List<RegionDescriptor.SchoolEntry> schools) {
        List<RegionDescriptor.SchoolEntry> ordered = new ArrayList<>(schools.stream().filter(s -> s.centralSchool() == null).toList());
        ordered.addAll(schools.stream().filter(s -> s.centralSchool() != null).toList());
        return ordered;
    }

    private static void validate(RegionDescriptor region) {
        List<Problem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < region.tenants().size(); i++) {
            RegionDescriptor.TenantEntry t = region.tenants().get(i);
            String at = "tenants[" + i + "]";
            if (t.code() == null || !t.code().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") || t.code().length() > 63) {
                problems.add(new Problem.FieldProblem(at + ".code", "lowercase letters, digits and hyphens, at most 63"));
            }
            if (t.nameZh() == null || t.nameZh().isBlank()) {
                problems.add(new Problem.FieldProblem(at + ".nameZh", "required"));
            }
            if (t.nameEn() == null || t.nameEn().isBlank()) {
                problems.add(new Problem.FieldProblem(at + ".nameEn", "required"));
            }
            if (t.kind() == null) {
                problems.add(new Problem.FieldProblem(at + ".kind", "required"));
            } else if ((t.kind() == TenantKind.PLATFORM) != (t.parent() == null)) {
                problems.add(new Problem.FieldProblem(at + ".parent", "every tenant but the platform has a parent"));
            }
        }
        for (int i = 0; i < region.schools().size(); i++) {
            RegionDescriptor.SchoolEntry s = region.schools().get(i);
            String at = "schools[" + i + "]";
            if (s.code() == null || !s.code().matches("[a-z0-9]+(-[a-z0-9]+)*") || s.code().length() > 63) {
                problems.add(new Problem.FieldProblem(at + ".code", "lowercase letters, digits and hyphens, at most 63"));
            }
            if (s.tenant() == null) {
                problems.add(new Problem.FieldProblem(at + ".tenant", "required"));
            }
            if (s.nameZh() == null || s.nameZh().isBlank() || s.nameEn() == null || s.nameEn().isBlank()) {
                problems.add(new Problem.FieldProblem(at + ".name", "nameZh and nameEn are required"));
            }
            if (s.level() == null) {
                problems.add(new Problem.FieldProblem(at + ".level", "required"));
            }
            if (s.normalDismissal() == null) {
                problems.add(new Problem.FieldProblem(at + ".normalDismissal", "required (HH:mm)"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields("VALIDATION_FAILED", problems);
        }
    }

    public static UUID tenantId(String code) {
        return UUID.nameUUIDFromBytes(("kehou-tenant:" + code).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID schoolId(String tenantCode, String schoolCode) {
        return UUID.nameUUIDFromBytes(("kehou-school:" + tenantCode + ":" + schoolCode).getBytes(StandardCharsets.UTF_8));
    }

    public ObjectMapper json() {
        return json;
    }

    RegionDescriptor readRegion(String resource) {
        try (InputStream in = open(resource)) {
            return json.readValue(in, RegionDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region descriptor " + resource + ": " + e.getMessage(), e);
        }
    }

    public JsonNode readTree(String resource) {
        try (InputStream in = open(resource)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static InputStream open(String resource) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the classpath (is kehou-tenants a dependency?)");
        }
        return in;
    }
}
