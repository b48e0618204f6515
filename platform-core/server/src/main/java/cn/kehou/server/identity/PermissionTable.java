package cn.kehou.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Which role may do what: read from {@code identity/permissions.json}, the one table that the
 * server enforces, the README renders and the role tests read.
 */
@ApplicationScoped
public class PermissionTable {

    private final Map<String, Set<Role>> allowed = new HashMap<>();

    public PermissionTable() {
        try (InputStream in = PermissionTable.class.getResourceAsStream("/identity/permissions.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Iterator<Map.Entry<String, JsonNode>> it = root.get("permissions").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (JsonNode r : e.getValue().get("roles")) {
                    roles.add(Role.of(r.asText()).orElseThrow(
                            () -> new IllegalStateException("unknown role " + r + " in permissions.json")));
                }
                allowed.put(e.getKey(), roles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<Role> rolesFor(String permission) {
        Set<Role> roles = allowed.get(permission);
        if (roles == null) {
            throw new IllegalArgumentException("permission not in permissions.json: " + permission);
        }
        return roles;
    }

    public Set<String> permissions() {
        return allowed.keySet();
    }
}
