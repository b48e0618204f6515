package cn.kehou.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.kehou.tenants.TenantDescriptors.Branding;
import cn.kehou.tenants.TenantDescriptors.Child;
import cn.kehou.tenants.TenantDescriptors.DemoUser;
import cn.kehou.tenants.TenantDescriptors.Located;
import cn.kehou.tenants.TenantDescriptors.Membership;
import cn.kehou.tenants.TenantDescriptors.Provider;
import cn.kehou.tenants.TenantDescriptors.School;
import cn.kehou.tenants.TenantDescriptors.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The descriptor files agree with each other; each test lists every problem it finds. */
class DescriptorFilesTest {

    /** Same pattern as the tenant table's CHECK (V1__tenancy.sql). */
    static final Pattern TENANT_CODE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    static final Pattern CLOCK = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

    static final Set<String> KINDS = Set.of("PLATFORM", "PROVINCE", "CITY", "DISTRICT");
    static final Set<String> STATUSES = Set.of("ONBOARDING", "ACTIVE", "SUSPENDED");
    static final Set<String> LEVELS = Set.of("PRIMARY", "JUNIOR", "NINE_YEAR");
    /** 留守儿童, 随迁子女, 建档立卡, 低保, 残疾儿童, 困境儿童 (REGIONS.md, shared rules). */
    static final Set<String> PRIORITY_GROUPS = Set.of("LEFT_BEHIND", "MIGRANT", "REGISTERED_POOR",
            "MINIMUM_ALLOWANCE", "ECONOMIC_HARDSHIP", "DISABLED", "IN_DISTRESS", "LOWER_GRADE");

    static final Set<String> PLATFORM_ROLES = Set.of("platform-admin");
    static final Set<String> BUREAU_ROLES = Set.of("bureau-admin", "bureau-inspector");
    static final Set<String> SCHOOL_ROLES = Set.of("school-admin", "class-teacher", "service-teacher", "school-finance");
    static final Set<String> PROVIDER_ROLES = Set.of("provider-admin", "provider-staff");
    static final String PARENT = "parent";
    static final Set<String> ROLES = Stream.of(PLATFORM_ROLES, BUREAU_ROLES, SCHOOL_ROLES, PROVIDER_ROLES, Set.of(PARENT))
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** The plugin ids of the five regions in ../shared/REGIONS.md (seed files 000–004). */
    static final Set<String> REGION_PLUGINS = Set.of(
            "guangdong-yangjiang", "chongqing-jiangbei", "henan", "jiangxi", "xinjiang-urumqi");

    static TenantDescriptors d;

    @BeforeAll
    static void load() {
        d = TenantDescriptors.load();
    }

    static void assertNone(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }

    @Test
    void every_indexed_folder_exists_and_no_folder_is_left_out_of_the_index() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String folder : d.regions) {
            if (!seen.add(folder)) {
                problems.add("index.json lists " + folder + " twice");
            }
            if (!TenantDescriptors.exists(TenantDescriptors.ROOT + folder + "/tenant.json")) {
                problems.add("index.json lists " + folder + " but " + folder + "/tenant.json is missing");
            }
        }
        Path source = Path.of(System.getProperty("user.dir"), "src/main/resources/kehou-tenants");
        try (Stream<Path> folders = Files.list(source)) {
            folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(f -> !seen.contains(f))
                    .forEach(f -> problems.add("folder " + f + " is not listed in index.json, so it never loads"));
        }
        assertNone(problems);
    }

    @Test
    void there_is_exactly_one_platform_root_and_it_loads_first() {
        List<Tenant> roots = d.allTenants.stream().map(Located::value)
                .filter(t -> t.parent() == null || "PLATFORM".equals(t.kind())).toList();
        assertEquals(1, roots.size(), () -> "roots: " + roots);
        Tenant root = roots.get(0);
        assertEquals("PLATFORM", root.kind());
        assertEquals(null, root.parent());
        assertEquals("platform", d.regions.get(0));
        assertEquals(List.of(root), d.allTenants.stream().filter(l -> l.folder().equals("platform"))
                .map(Located::value).toList(), "platform/tenant.json holds only the root");
        assertTrue(root.branding() != null, "the root has branding, so every tenant inherits some");
    }

    @Test
    void every_parent_exists_and_loads_before_its_children() {
        List<String> problems = new ArrayList<>();
        Set<String> loaded = new HashSet<>();
        for (Located<Tenant> l : d.allTenants) {
            Tenant t = l.value();
            if (t.parent() != null && !loaded.contains(t.parent())) {
                problems.add(l.folder() + ": " + t.code() + " names parent " + t.parent()
                        + (d.tenants.containsKey(t.parent()) ? ", which loads after it" : ", which does not exist"));
            }
            loaded.add(t.code());
        }
        assertNone(problems);
    }

    @Test
    void codes_are_unique_and_well_formed() {
        List<String> problems = new ArrayList<>();
        duplicates(d.allTenants.stream().map(l -> l.value().code()), "tenant code", problems);
        duplicates(d.allSchools.stream().map(l -> l.value().code()), "school code", problems);
        duplicates(d.providers.stream().map(Provider::code), "provider code", problems);
        d.allTenants.forEach(l -> wellFormed(l.value().code(), TENANT_CODE, "tenant", problems));
        d.allSchools.forEach(l -> wellFormed(l.value().code(), CODE, "school", problems));
        d.providers.forEach(p -> wellFormed(p.code(), CODE, "provider", problems));
        assertNone(problems);
    }

    @Test
    void tenants_are_complete_and_sit_at_a_sensible_level() {
        List<String> problems = new ArrayList<>();
        for (Located<Tenant> l : d.allTenants) {
            Tenant t = l.value();
            String at = l.folder() + ": tenant " + t.code();
            blank(t.nameZh(), at + " nameZh", problems);
            blank(t.nameEn(), at + " nameEn", problems);
            if (!KINDS.contains(t.kind())) {
                problems.add(at + " has kind " + t.kind() + ", not one of " + KINDS);
            }
            if (!STATUSES.contains(t.status())) {
                problems.add(at + " has status " + t.status() + ", not one of " + STATUSES);
            }
            if (t.pluginConfig() == null) {
                problems.add(at + " has no pluginConfig (write {} for none)");
            }
            if (t.plugin() != null && !CODE.matcher(t.plugin()).matches()) {
                problems.add(at + " binds plugin id " + t.plugin() + ", not a plugin id");
            }
            // A municipality (直辖市 such as Chongqing) is a PROVINCE whose districts hang directly below it.
            Set<String> parentKinds = switch (String.valueOf(t.kind())) {
                case "PROVINCE" -> Set.of("PLATFORM");
                case "CITY" -> Set.of("PROVINCE");
                case "DISTRICT" -> Set.of("CITY", "PROVINCE");
                default -> Set.of();
            };
            d.tenant(t.parent()).filter(p -> !parentKinds.contains(p.kind())).ifPresent(p ->
                    problems.add(at + " (" + t.kind() + ") sits under " + p.code() + " (" + p.kind() + ")"));
        }
        assertNone(problems);
    }

    @Test
    void branding_is_complete_and_its_logo_is_a_valid_svg_in_the_same_folder() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Located<Tenant> l : d.allTenants) {
            Branding b = l.value().branding();
            if (b == null) {
                continue;
            }
            String at = l.folder() + ": branding of " + l.value().code();
            blank(b.displayName(), at + " displayName", problems);
            blank(b.displayNameEn(), at + " displayNameEn", problems);
            for (String colour : new String[] {b.primaryColor(), b.accentColor()}) {
                if (colour == null || !COLOUR.matcher(colour).matches()) {
                    problems.add(at + " has colour " + colour + ", not #rrggbb");
                }
            }
            String logo = TenantDescriptors.ROOT + l.folder() + "/" + b.logo();
            if (b.logo() == null || b.logo().contains("/") || !b.logo().endsWith(".svg")) {
                problems.add(at + " has logo " + b.logo() + ", not an .svg file name in its folder");
            } else if (!TenantDescriptors.exists(logo)) {
                problems.add(at + ": logo " + logo + " is missing");
            } else {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(logo)) {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(true);
                    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    Document svg = f.newDocumentBuilder().parse(in);
                    if (!"svg".equals(svg.getDocumentElement().getLocalName())
                            || !"http://www.w3.org/2000/svg".equals(svg.getDocumentElement().getNamespaceURI())) {
                        problems.add(logo + " is XML but not an SVG document");
                    }
                } catch (org.xml.sax.SAXException e) {
                    problems.add(logo + " is not well-formed: " + e.getMessage());
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void every_region_of_the_rulebook_has_its_plugin_bound_to_a_tenant() {
        Set<String> bound = d.allTenants.stream().map(l -> l.value().plugin())
                .filter(p -> p != null).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(REGION_PLUGINS);
        missing.removeAll(bound);
        assertTrue(missing.isEmpty(), () -> "no tenant binds plugin(s) " + missing);
    }

    @Test
    void every_tenant_that_runs_schools_is_governed_by_a_plugin() {
        // A tenant without a plugin does not run (fail closed), so its schools would be stranded.
        List<String> problems = new ArrayList<>();
        d.allSchools.stream().map(l -> l.value().tenant()).distinct()
                .filter(t -> d.tenants.containsKey(t) && d.governingPlugin(t).isEmpty())
                .forEach(t -> problems.add("tenant " + t + " runs schools but neither it nor an ancestor binds a plugin"));
        assertNone(problems);
    }

    @Test
    void schools_belong_to_an_existing_tenant_and_their_attributes_agree() {
        List<String> problems = new ArrayList<>();
        for (Located<School> l : d.allSchools) {
            School s = l.value();
            String at = l.folder() + ": school " + s.code();
            Optional<Tenant> tenant = d.tenant(s.tenant());
            if (tenant.isEmpty()) {
                problems.add(at + " belongs to unknown tenant " + s.tenant());
            } else if (Set.of("PLATFORM", "PROVINCE").contains(tenant.get().kind())) {
                problems.add(at + " belongs to " + s.tenant() + " (" + tenant.get().kind() + "); schools belong to a city, district or county");
            }
            blank(s.nameZh(), at + " nameZh", problems);
            blank(s.nameEn(), at + " nameEn", problems);
            if (!LEVELS.contains(s.level())) {
                problems.add(at + " has level " + s.level() + ", not one of " + LEVELS);
            }
            Map<String, Boolean> flags = new LinkedHashMap<>();
            flags.put("urban", s.urban());
            flags.put("boarding", s.boarding());
            flags.put("villageSchool", s.villageSchool());
            flags.put("teachingPoint", s.teachingPoint());
            flags.put("publicSchool", s.publicSchool());
            flags.forEach((flag, value) -> {
                if (value == null) {
                    problems.add(at + " has no " + flag + " (true or false)");
                }
            });
            if (s.normalDismissal() == null || !CLOCK.matcher(s.normalDismissal()).matches()) {
                problems.add(at + " has normalDismissal " + s.normalDismissal() + ", not HH:mm");
            }
            if (s.periodMinutes() == null || s.periodMinutes() < 20 || s.periodMinutes() > 60) {
                problems.add(at + " has periodMinutes " + s.periodMinutes() + ", outside 20–60");
            }
            if (Boolean.TRUE.equals(s.urban()) && s.ruralTown() != null) {
                problems.add(at + " is urban but names rural town " + s.ruralTown());
            }
            boolean attached = Boolean.TRUE.equals(s.villageSchool()) || Boolean.TRUE.equals(s.teachingPoint());
            if (Boolean.TRUE.equals(s.villageSchool()) && Boolean.TRUE.equals(s.teachingPoint())) {
                problems.add(at + " is both a village school and a teaching point");
            }
            // 003 §二: village schools and teaching points join their township central school (村小、教学点 … 中心校).
            if (attached) {
                School central = s.centralSchool() == null ? null : d.schools.get(s.centralSchool());
                if (central == null) {
                    problems.add(at + " is a village school or teaching point without an existing centralSchool");
                } else if (!central.tenant().equals(s.tenant())) {
                    problems.add(at + " has central school " + central.code() + " of another tenant (" + central.tenant() + ")");
                } else if (Boolean.TRUE.equals(central.villageSchool()) || Boolean.TRUE.equals(central.teachingPoint())) {
                    problems.add(at + " has central school " + central.code() + ", itself a village school or teaching point");
                }
            } else if (s.centralSchool() != null) {
                problems.add(at + " names a centralSchool but is neither a village school nor a teaching point");
            }
        }
        assertNone(problems);
    }

    @Test
    void providers_are_complete_and_non_academic() {
        List<String> problems = new ArrayList<>();
        for (Provider p : d.providers) {
            blank(p.nameZh(), "provider " + p.code() + " nameZh", problems);
            blank(p.nameEn(), "provider " + p.code() + " nameEn", problems);
            blank(p.licenceNo(), "provider " + p.code() + " licenceNo", problems);
            // Shared rule (REGIONS.md): third parties may offer only non-academic (非学科类) courses.
            if (!Boolean.TRUE.equals(p.nonAcademic())) {
                problems.add("provider " + p.code() + " is not marked nonAcademic");
            }
        }
        assertNone(problems);
    }

    @Test
    void demo_users_are_unique_and_well_formed() {
        List<String> problems = new ArrayList<>();
        duplicates(d.allUsers.stream().map(l -> l.value().username()), "username", problems);
        duplicates(d.allUsers.stream().map(l -> l.value().phone()), "phone", problems);
        for (Located<DemoUser> l : d.allUsers) {
            DemoUser u = l.value();
            String at = l.folder() + ": user " + u.username();
            if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
                problems.add(at + ": username is not lowercase ascii with hyphens");
            }
            if (u.password() == null || u.password().length() < 8) {
                problems.add(at + ": password shorter than 8 characters");
            }
            blank(u.displayName(), at + " displayName", problems);
            if (u.phone() == null || !MOBILE.matcher(u.phone()).matches()) {
                problems.add(at + ": phone " + u.phone() + " is not a Chinese mobile number");
            }
            if (u.memberships() == null || u.memberships().isEmpty()) {
                problems.add(at + " has no membership");
            }
        }
        assertNone(problems);
    }

    @Test
    void every_membership_names_a_known_role_in_its_scope() {
        List<String> problems = new ArrayList<>();
        Set<String> providerCodes = d.providers.stream().map(Provider::code).collect(Collectors.toSet());
        for (Located<DemoUser> l : d.allUsers) {
            DemoUser u = l.value();
            for (Membership m : Optional.ofNullable(u.memberships()).orElse(List.of())) {
                String at = l.folder() + ": " + u.username() + " as " + m.role() + " in " + m.tenant();
                Optional<Tenant> tenant = d.tenant(m.tenant());
                if (tenant.isEmpty()) {
                    problems.add(at + ": no such tenant");
                    continue;
                }
                if (!ROLES.contains(m.role())) {
                    problems.add(at + ": unknown role, expected one of " + ROLES);
                    continue;
                }
                boolean platform = "PLATFORM".equals(tenant.get().kind());
                if (PLATFORM_ROLES.contains(m.role()) != platform) {
                    problems.add(at + ": platform-admin is the only role, and the only place for it, on the platform tenant");
                }
                if (SCHOOL_ROLES.contains(m.role())) {
                    School school = m.school() == null ? null : d.schools.get(m.school());
                    if (school == null) {
                        problems.add(at + ": a school role needs an existing school, got " + m.school());
                    } else if (!d.inSubtree(school.tenant(), m.tenant())) {
                        problems.add(at + ": school " + school.code() + " belongs to " + school.tenant()
                                + ", outside " + m.tenant());
                    }
                } else if (m.school() != null) {
                    problems.add(at + ": only school roles name a school");
                }
                if (PROVIDER_ROLES.contains(m.role())) {
                    if (!providerCodes.contains(m.provider())) {
                        problems.add(at + ": a provider role needs an existing provider, got " + m.provider());
                    }
                } else if (m.provider() != null) {
                    problems.add(at + ": only provider roles name a provider");
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void parents_have_children_in_schools_of_their_tenants_and_nobody_else_has_children() {
        List<String> problems = new ArrayList<>();
        for (Located<DemoUser> l : d.allUsers) {
            DemoUser u = l.value();
            List<String> parentTenants = Optional.ofNullable(u.memberships()).orElse(List.of()).stream()
                    .filter(m -> PARENT.equals(m.role())).map(Membership::tenant).toList();
            List<Child> children = Optional.ofNullable(u.children()).orElse(List.of());
            String at = l.folder() + ": " + u.username();
            if (parentTenants.isEmpty() != children.isEmpty()) {
                problems.add(at + (parentTenants.isEmpty() ? " has children but no parent membership"
                        : " is a parent without children"));
            }
            for (Child c : children) {
                String child = at + "'s child " + c.nameZh();
                blank(c.nameZh(), at + "'s child nameZh", problems);
                blank(c.className(), child + " className", problems);
                School school = c.school() == null ? null : d.schools.get(c.school());
                if (school == null) {
                    problems.add(child + " attends unknown school " + c.school());
                } else if (parentTenants.stream().noneMatch(t -> d.inSubtree(school.tenant(), t))) {
                    problems.add(child + " attends " + school.code() + " outside the tenants where " + u.username() + " is a parent");
                } else if (c.grade() != null && (school.level().equals("PRIMARY") ? c.grade() > 6
                        : school.level().equals("JUNIOR") && c.grade() < 7)) {
                    problems.add(child + " is in grade " + c.grade() + " at a " + school.level() + " school");
                }
                if (c.grade() == null || c.grade() < 1 || c.grade() > 9) {
                    problems.add(child + " has grade " + c.grade() + ", outside 1–9");
                }
                if (c.dayStudent() == null) {
                    problems.add(child + " has no dayStudent (true or false)");
                }
                Optional.ofNullable(c.priorityGroups()).orElse(List.of()).stream()
                        .filter(g -> !PRIORITY_GROUPS.contains(g))
                        .forEach(g -> problems.add(child + " has unknown priority group " + g + ", expected one of " + PRIORITY_GROUPS));
            }
        }
        assertNone(problems);
    }

    @Test
    void a_parents_committee_seat_is_at_a_school_of_that_tenant_where_the_user_has_a_child() {
        List<String> problems = new ArrayList<>();
        for (Located<DemoUser> l : d.allUsers) {
            DemoUser u = l.value();
            for (TenantDescriptors.CommitteeSeat seat : Optional.ofNullable(u.parentsCommittee()).orElse(List.of())) {
                String at = l.folder() + ": " + u.username() + "'s committee seat at " + seat.school();
                School school = seat.school() == null ? null : d.schools.get(seat.school());
                if (school == null || !school.tenant().equals(seat.tenant())) {
                    problems.add(at + " names no school of tenant " + seat.tenant());
                } else if (Optional.ofNullable(u.children()).orElse(List.of()).stream().noneMatch(c -> seat.school().equals(c.school()))) {
                    problems.add(at + ": the user has no child there");
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void yangjiang_and_urumqi_each_have_a_demo_user_for_every_tenant_role() {
        List<String> problems = new ArrayList<>();
        for (String region : List.of("guangdong-yangjiang", "xinjiang-urumqi")) {
            Set<String> present = d.allUsers.stream().flatMap(l -> l.value().memberships().stream())
                    .filter(m -> d.inSubtree(m.tenant(), region)).map(Membership::role).collect(Collectors.toSet());
            ROLES.stream().filter(r -> !PLATFORM_ROLES.contains(r) && !present.contains(r)).sorted()
                    .forEach(r -> problems.add(region + " has no demo user with role " + r));
        }
        assertNone(problems);
    }

    private static void duplicates(Stream<String> values, String what, List<String> problems) {
        Map<String, Long> counts = values.collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
        counts.forEach((v, n) -> {
            if (n > 1) {
                problems.add(what + " " + v + " appears " + n + " times");
            }
        });
    }

    private static void wellFormed(String code, Pattern pattern, String what, List<String> problems) {
        if (code == null || code.length() > 63 || !pattern.matcher(code).matches()) {
            problems.add(what + " code " + code + " is not lowercase ascii with hyphens of at most 63 characters");
        }
    }

    private static void blank(String value, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is missing");
        }
    }
}
