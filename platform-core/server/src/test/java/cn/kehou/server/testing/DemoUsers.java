package cn.kehou.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The demo users of tenants/ (the same ones the realm file imports into Keycloak). */
public final class DemoUsers {

    public record Membership(String tenant, String role, String school, String provider) {
    }

    public record DemoUser(String username, String password, List<Membership> memberships) {
    }

    private static final List<DemoUser> ALL = load();

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        return ALL;
    }

    public static DemoUser byUsername(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    /** The first demo user holding {@code role} directly in {@code tenant}. */
    public static DemoUser with(String tenant, String role) {
        return ALL.stream().filter(u -> u.memberships().stream()
                        .anyMatch(m -> m.tenant().equals(tenant) && m.role().equals(role)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo " + role + " in " + tenant));
    }

    private static List<DemoUser> load() {
        ObjectMapper json = new ObjectMapper();
        ClassLoader cl = DemoUsers.class.getClassLoader();
        List<DemoUser> users = new ArrayList<>();
        try (InputStream index = cl.getResourceAsStream("kehou-tenants/index.json")) {
            for (JsonNode region : json.readTree(index).get("regions")) {
                try (InputStream in = cl.getResourceAsStream("kehou-tenants/" + region.asText() + "/demo-users.json")) {
                    if (in == null) {
                        continue;
                    }
                    for (JsonNode u : json.readTree(in).get("users")) {
                        List<Membership> ms = new ArrayList<>();
                        for (JsonNode m : u.get("memberships")) {
                            ms.add(new Membership(m.get("tenant").asText(), m.get("role").asText(),
                                    m.path("school").isNull() ? null : m.path("school").asText(null),
                                    m.path("provider").isNull() ? null : m.path("provider").asText(null)));
                        }
                        users.add(new DemoUser(u.get("username").asText(), u.get("password").asText(), ms));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return users;
    }
}
