package cn.kehou.bench;

import cn.kehou.embedded.LocalKeycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Kehou realm through Keycloak's admin REST API and its token endpoint: the benchmark's parents. */
final class KeycloakRealm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String adminToken;
    private long adminTokenAt;

    KeycloakRealm(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private String admin() {
        return baseUrl + "/admin/realms/" + LocalKeycloak.REALM;
    }

    /** The master realm's tokens live 60 s; a large preparation outlives several. */
    private synchronized String adminToken() throws IOException {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofSeconds(40).toNanos()) {
            adminToken = token(baseUrl + "/realms/master", "admin-cli", LocalKeycloak.ADMIN_USER, LocalKeycloak.ADMIN_PASSWORD, null);
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /**
     * Makes parents cheap to log in, in the benchmark's own throw-away realm only (never a reused
     * stack's). Keycloak hashes a password at creation and at every login with argon2 (7 MiB of
     * memory a hash), slow on purpose: a few hundred parents would cost two cores minutes before the
     * first enrollment, and again whenever the 5-minute tokens ran out. One PBKDF2 round and
     * hour-long tokens instead — enrollment is what is measured, and the tokens are the same real tokens.
     */
    void cheapLogins(Duration tokenLifespan) throws IOException {
        send(HttpRequest.newBuilder(URI.create(admin())).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"passwordPolicy\": \"hashAlgorithm(pbkdf2-sha256) and"
                        + " hashIterations(1)\", \"accessTokenLifespan\": " + tokenLifespan.toSeconds() + "}")), 204);
    }

    /** Creates the users in one partial import; returns username → Keycloak user id. */
    Map<String, String> importUsers(List<String> usernames, String password) throws IOException {
        Map<String, String> ids = new HashMap<>();
        int chunk = 500;
        for (int from = 0; from < usernames.size(); from += chunk) {
            ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "FAIL");
            ArrayNode users = body.putArray("users");
            for (String username : usernames.subList(from, Math.min(usernames.size(), from + chunk))) {
                ObjectNode u = users.addObject().put("username", username).put("enabled", true).put("emailVerified", true)
                        .put("firstName", "压测家长").put("email", username + "@bench.kehou.local");
                u.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
            }
            JsonNode result = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin() + "/partialImport"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 200));
            for (JsonNode r : result.get("results")) {
                ids.put(r.get("resourceName").asText(), r.get("id").asText());
            }
        }
        return ids;
    }

    String organizationId(String alias) throws IOException {
        JsonNode orgs = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin() + "/organizations?first=0&max=1000")).GET(), 200));
        for (JsonNode o : orgs) {
            if (alias.equals(o.path("alias").asText())) {
                return o.get("id").asText();
            }
        }
        throw new IOException("no Keycloak organization " + alias);
    }

    /** Membership of the tenant's organization puts the tenant into the user's token (the organization claim). */
    void addMember(String organizationId, String userId) throws IOException {
        send(HttpRequest.newBuilder(URI.create(admin() + "/organizations/" + organizationId + "/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(userId))), 201);
    }

    /** A user's access token for the API, as the kehou-cli client gets it (the README's curl). */
    /** Lets a portal client send its users back to {@code redirectUris} (a stack on other ports than the realm file's). */
    void allowRedirects(String clientId, List<String> redirectUris) throws IOException {
        JsonNode clients = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin() + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET(), 200));
        ObjectNode client = (ObjectNode) clients.get(0);
        ArrayNode uris = client.putArray("redirectUris");
        redirectUris.forEach(uris::add);
        send(HttpRequest.newBuilder(URI.create(admin() + "/clients/" + client.get("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())), 204);
    }

    String userToken(String username, String password) throws IOException {
        return token(baseUrl + "/realms/" + LocalKeycloak.REALM, "kehou-cli", username, password, "openid organization:*");
    }

    private String token(String realmUrl, String client, String username, String password, String scope) throws IOException {
        StringBuilder form = new StringBuilder("grant_type=password&client_id=").append(client)
                .append("&username=").append(URLEncoder.encode(username, StandardCharsets.UTF_8))
                .append("&password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (scope != null) {
            form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        HttpResponse<String> r = exchange(request);
        if (r.statusCode() != 200) {
            throw new IOException("no token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException {
        HttpResponse<String> r = exchange(request.header("Authorization", "Bearer " + adminToken()).build());
        if (r.statusCode() != expected) {
            throw new IOException(request.build().method() + " " + request.build().uri().getPath() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
