package cn.kehou.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.kehou.tenants.TenantDescriptors.DemoUser;
import cn.kehou.tenants.TenantDescriptors.Located;
import cn.kehou.tenants.TenantDescriptors.Membership;
import cn.kehou.tenants.TenantDescriptors.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local Keycloak realm agrees with the descriptors: every demo user can log in with the
 * password written in tenants/, belongs to the organization of each tenant they have a role in,
 * and every organization is a tenant. Surefire runs in the module directory, so the realm file is
 * found relative to it.
 */
class KeycloakRealmTest {

    static final Path REALM_FILE = Path.of(System.getProperty("user.dir"))
            .resolve("../deployment/embedded/src/main/resources/keycloak/kehou-realm.json").normalize();
    static final String API_CLIENT = "kehou-api";
    static final String SERVICE_ACCOUNT = "service-account-" + API_CLIENT;
    static final Set<String> API_ADMIN_ROLES = Set.of("manage-users", "manage-clients", "view-users", "query-users", "manage-realm");

    static TenantDescriptors d;
    static JsonNode realm;
    static Map<String, JsonNode> users;
    static Map<String, JsonNode> organizations;
    static Map<String, JsonNode> clients;

    @BeforeAll
    static void load() throws IOException {
        d = TenantDescriptors.load();
        realm = TenantDescriptors.JSON.readTree(REALM_FILE.toFile());
        users = byKey(realm.path("users"), "username");
        organizations = byKey(realm.path("organizations"), "alias");
        clients = byKey(realm.path("clients"), "clientId");
    }

    static void assertNone(List<String> problems) {
        DescriptorFilesTest.assertNone(problems);
    }

    @Test
    void the_realm_is_kehou_with_organizations_and_chinese_first() {
        assertEquals("kehou", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        assertTrue(realm.path("organizationsEnabled").asBoolean());
        assertTrue(realm.path("internationalizationEnabled").asBoolean());
        assertEquals("zh-CN", realm.path("defaultLocale").asText());
        assertEquals(Set.of("zh-CN", "en"), texts(realm.path("supportedLocales")));
        // Parents are registered by the platform itself, never through Keycloak's own form.
        assertEquals(false, realm.path("registrationAllowed").asBoolean(true));
        assertEquals(300, realm.path("accessTokenLifespan").asInt());
    }

    @Test
    void every_demo_user_is_a_realm_user_with_their_password() {
        List<String> problems = new ArrayList<>();
        for (Located<DemoUser> l : d.allUsers) {
            DemoUser u = l.value();
            JsonNode kc = users.get(u.username());
            if (kc == null) {
                problems.add(u.username() + " (" + l.folder() + ") is not a realm user");
                continue;
            }
            if (!kc.path("enabled").asBoolean() || !kc.path("emailVerified").asBoolean()) {
                problems.add(u.username() + " is not enabled with a verified email");
            }
            expect(u.username() + " firstName", u.displayName(), kc.path("firstName").asText(null), problems);
            expect(u.username() + " email", u.username() + "@demo.kehou.local", kc.path("email").asText(null), problems);
            expect(u.username() + " phone", List.of(u.phone()), List.copyOf(texts(kc.path("attributes").path("phone"))), problems);
            List<JsonNode> passwords = stream(kc.path("credentials"))
                    .filter(c -> "password".equals(c.path("type").asText())).toList();
            if (passwords.size() != 1 || !u.password().equals(passwords.get(0).path("value").asText())
                    || passwords.get(0).path("temporary").asBoolean(false)) {
                problems.add(u.username() + " has no permanent password credential equal to the one in "
                        + l.folder() + "/demo-users.json");
            }
        }
        assertNone(problems);
    }

    @Test
    void every_realm_user_is_a_demo_user_or_the_api_service_account() {
        Set<String> demo = d.allUsers.stream().map(l -> l.value().username()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        users.forEach((username, kc) -> {
            if (!demo.contains(username) && !SERVICE_ACCOUNT.equals(username)) {
                problems.add("realm user " + username + " is in no demo-users.json");
            }
        });
        assertNone(problems);
    }

    @Test
    void every_demo_user_is_a_member_of_the_organization_of_each_tenant_they_have_a_role_in() {
        List<String> problems = new ArrayList<>();
        for (Located<DemoUser> l : d.allUsers) {
            DemoUser u = l.value();
            for (String tenant : u.memberships().stream().map(Membership::tenant).collect(Collectors.toCollection(HashSet::new))) {
                JsonNode org = organizations.get(tenant);
                if (org == null) {
                    problems.add(u.username() + " has a role in " + tenant + ", which has no organization");
                } else if (!members(org).contains(u.username())) {
                    problems.add(u.username() + " has a role in " + tenant + " but is not a member of its organization");
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void every_organization_is_a_tenant_and_lists_only_that_tenants_users() {
        List<String> problems = new ArrayList<>();
        organizations.forEach((alias, org) -> {
            Optional<Tenant> tenant = d.tenant(alias);
            if (tenant.isEmpty()) {
                problems.add("organization " + alias + " is not a tenant code");
                return;
            }
            expect("organization " + alias + " name", tenant.get().nameZh(), org.path("name").asText(null), problems);
            if (!org.path("enabled").asBoolean()) {
                problems.add("organization " + alias + " is disabled");
            }
            stream(org.path("members")).forEach(m -> {
                String username = m.path("username").asText();
                boolean member = d.allUsers.stream().map(Located::value).filter(u -> u.username().equals(username))
                        .anyMatch(u -> u.memberships().stream().anyMatch(ms -> alias.equals(ms.tenant())));
                if (!member) {
                    problems.add("organization " + alias + " lists " + username + ", who has no role in that tenant");
                }
                if (!"UNMANAGED".equals(m.path("membershipType").asText())) {
                    problems.add("organization " + alias + " member " + username + " is not UNMANAGED");
                }
            });
        });
        assertNone(problems);
    }

    @Test
    void every_tenant_that_binds_a_plugin_has_an_organization_and_a_portal_client_named_for_it() {
        List<String> problems = new ArrayList<>();
        for (Located<Tenant> l : d.allTenants) {
            Tenant t = l.value();
            if (t.plugin() == null) {
                continue;
            }
            if (!organizations.containsKey(t.code())) {
                problems.add("region tenant " + t.code() + " has no organization");
            }
            JsonNode portal = clients.get("portal-" + t.code());
            if (portal == null) {
                problems.add("region tenant " + t.code() + " has no client portal-" + t.code());
                continue;
            }
            // The login theme prints client.name: it must be the tenant's own display name.
            String displayName = d.effectiveBranding(t.code()).map(TenantDescriptors.Branding::displayName).orElse(null);
            expect("portal-" + t.code() + " name", displayName, portal.path("name").asText(null), problems);
            expect("portal-" + t.code() + " kehou.tenant", t.code(), portal.path("attributes").path("kehou.tenant").asText(null), problems);
            expect("portal-" + t.code() + " redirectUris", Set.of("http://localhost:8080/t/" + t.code() + "/*"),
                    texts(portal.path("redirectUris")), problems);
            if (!portal.path("publicClient").asBoolean() || !portal.path("standardFlowEnabled").asBoolean()) {
                problems.add("portal-" + t.code() + " is not a public client with the standard flow");
            }
        }
        clients.forEach((id, c) -> {
            if (id.startsWith("portal-")) {
                String code = c.path("attributes").path("kehou.tenant").asText("");
                if (d.tenant(code).isEmpty() || !id.equals("portal-" + code)) {
                    problems.add("client " + id + " names tenant " + code + ", which does not match a tenant");
                }
            }
        });
        assertNone(problems);
    }

    @Test
    void every_client_puts_kehou_api_in_the_audience_and_the_organization_claim_in_tokens() {
        List<String> problems = new ArrayList<>();
        for (String required : List.of(API_CLIENT, "kehou-cli")) {
            if (!clients.containsKey(required)) {
                problems.add("client " + required + " is missing");
            }
        }
        clients.forEach((id, c) -> {
            if (id.equals("kehou-test-no-audience")) {
                return; // on purpose: the server's tests prove it refuses tokens not meant for it
            }
            boolean audience = stream(c.path("protocolMappers")).anyMatch(m ->
                    "oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                            && API_CLIENT.equals(m.path("config").path("included.client.audience").asText())
                            && "true".equals(m.path("config").path("access.token.claim").asText()));
            if (!audience) {
                problems.add("client " + id + " has no audience mapper for " + API_CLIENT);
            }
            if (!texts(c.path("defaultClientScopes")).contains("organization")) {
                problems.add("client " + id + " lacks the organization default client scope");
            }
        });
        assertNone(problems);
    }

    @Test
    void the_api_client_is_confidential_and_its_service_account_can_manage_the_realm() {
        JsonNode api = clients.get(API_CLIENT);
        assertEquals(false, api.path("publicClient").asBoolean(true));
        assertEquals(false, api.path("directAccessGrantsEnabled").asBoolean(true));
        assertTrue(api.path("serviceAccountsEnabled").asBoolean());
        JsonNode cli = clients.get("kehou-cli");
        assertTrue(cli.path("publicClient").asBoolean());
        assertTrue(cli.path("directAccessGrantsEnabled").asBoolean());
        JsonNode account = users.get(SERVICE_ACCOUNT);
        assertEquals(API_CLIENT, account.path("serviceAccountClientId").asText());
        assertTrue(texts(account.path("clientRoles").path("realm-management")).containsAll(API_ADMIN_ROLES),
                () -> "service account roles: " + account.path("clientRoles"));
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        stream(array).forEach(n -> {
            if (map.put(n.path(key).asText(), n) != null) {
                throw new AssertionError("realm file: " + key + " " + n.path(key).asText() + " appears twice");
            }
        });
        return map;
    }

    private static Set<String> members(JsonNode org) {
        return stream(org.path("members")).map(m -> m.path("username").asText()).collect(Collectors.toSet());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Set<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static void expect(String what, Object expected, Object actual, List<String> problems) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", realm file has " + actual);
        }
    }
}
