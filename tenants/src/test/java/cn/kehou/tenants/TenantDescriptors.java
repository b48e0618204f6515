package cn.kehou.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The descriptor files as the server sees them: read from the classpath under
 * {@code kehou-tenants/}, in {@code index.json} order. Unknown JSON fields fail the read, so a
 * typo in a file is an error, not a silently missing value.
 */
final class TenantDescriptors {

    static final String ROOT = "kehou-tenants/";
    static final ObjectMapper JSON = new ObjectMapper();

    record Index(List<String> regions) {}

    record TenantFile(List<Tenant> tenants, List<School> schools) {}

    record Tenant(String code, String nameZh, String nameEn, String kind, String parent, String status,
                  String plugin, Map<String, Object> pluginConfig, Branding branding) {}

    record Branding(String displayName, String displayNameEn, String primaryColor, String accentColor, String logo) {}

    record School(String code, String tenant, String nameZh, String nameEn, String level, Boolean urban,
                  String ruralTown, Boolean boarding, Boolean villageSchool, Boolean teachingPoint,
                  String centralSchool, Boolean publicSchool, String normalDismissal, Integer periodMinutes) {}

    record ProviderFile(List<Provider> providers) {}

    record Provider(String code, String nameZh, String nameEn, String licenceNo, Boolean nonAcademic) {}

    record UserFile(List<DemoUser> users) {}

    record DemoUser(String username, String password, String displayName, String phone,
                    List<Membership> memberships, List<Child> children, List<CommitteeSeat> parentsCommittee) {}

    /** A demo guardian's seat on a school's parents' committee (家长委员会). */
    record CommitteeSeat(String tenant, String school) {}

    record Membership(String tenant, String role, String school, String provider) {}

    record Child(String school, String nameZh, Integer grade, String className, List<String> priorityGroups,
                 Boolean dayStudent) {}

    /** A tenant with the folder that declared it. */
    record Located<T>(String folder, T value) {}

    final List<String> regions;
    /** In load order; a duplicate code keeps its first declaration (the tests report duplicates). */
    final Map<String, Located<Tenant>> tenants = new LinkedHashMap<>();
    final List<Located<Tenant>> allTenants = new ArrayList<>();
    final List<Located<School>> allSchools = new ArrayList<>();
    final List<Located<DemoUser>> allUsers = new ArrayList<>();
    final List<Provider> providers = new ArrayList<>();
    final Map<String, School> schools = new LinkedHashMap<>();

    private TenantDescriptors() {
        regions = read(ROOT + "index.json", Index.class).regions();
        for (String folder : regions) {
            TenantFile file = read(ROOT + folder + "/tenant.json", TenantFile.class);
            for (Tenant t : Objects.requireNonNull(file.tenants(), folder + "/tenant.json: no \"tenants\"")) {
                allTenants.add(new Located<>(folder, t));
                tenants.putIfAbsent(t.code(), new Located<>(folder, t));
            }
            for (School s : Optional.ofNullable(file.schools()).orElse(List.of())) {
                allSchools.add(new Located<>(folder, s));
                schools.putIfAbsent(s.code(), s);
            }
            if (exists(ROOT + folder + "/demo-users.json")) {
                read(ROOT + folder + "/demo-users.json", UserFile.class).users()
                        .forEach(u -> allUsers.add(new Located<>(folder, u)));
            }
            if (exists(ROOT + folder + "/providers.json")) {
                providers.addAll(read(ROOT + folder + "/providers.json", ProviderFile.class).providers());
            }
        }
    }

    static TenantDescriptors load() {
        return new TenantDescriptors();
    }

    Optional<Tenant> tenant(String code) {
        return Optional.ofNullable(code).map(tenants::get).map(Located::value);
    }

    /** Whether {@code descendant} is {@code ancestor} or lies below it. */
    boolean inSubtree(String descendant, String ancestor) {
        for (String c = descendant; c != null; c = tenant(c).map(Tenant::parent).orElse(null)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The plugin that governs a tenant: its own binding or its nearest ancestor's. */
    Optional<String> governingPlugin(String code) {
        for (String c = code; c != null; c = tenant(c).map(Tenant::parent).orElse(null)) {
            Optional<String> plugin = tenant(c).map(Tenant::plugin);
            if (plugin.isPresent()) {
                return plugin;
            }
        }
        return Optional.empty();
    }

    /** The branding a tenant shows: its own or its nearest ancestor's. */
    Optional<Branding> effectiveBranding(String code) {
        for (String c = code; c != null; c = tenant(c).map(Tenant::parent).orElse(null)) {
            Optional<Branding> branding = tenant(c).map(Tenant::branding);
            if (branding.isPresent()) {
                return branding;
            }
        }
        return Optional.empty();
    }

    static boolean exists(String resource) {
        return TenantDescriptors.class.getClassLoader().getResource(resource) != null;
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = TenantDescriptors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing on the classpath: " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
