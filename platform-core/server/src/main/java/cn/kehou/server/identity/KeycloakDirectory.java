package cn.kehou.server.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's writes to Keycloak (through the maintained admin client, as the kehou-api
 * service account): organizations for tenants, users, portal clients. Each create returns the new
 * object's id so a failed onboarding can undo exactly what it made.
 */
@ApplicationScoped
public class KeycloakDirectory {

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    @ConfigProperty(name = "kehou.portal.base-url", defaultValue = "http://localhost:8080")
    String portalBaseUrl;

    /** Keycloak refused a step; {@code step} names it for the caller's problem detail. */
    public static class DirectoryException extends RuntimeException {
        public final String step;

        DirectoryException(String step, String message) {
            super(message);
            this.step = step;
        }
    }

    RealmResource realm() {
        return keycloak.realm(realm);
    }

    public String createOrganization(String alias, String name) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias(alias);
        org.setName(name);
        org.setEnabled(true);
        try (Response r = realm().organizations().create(org)) {
            return created(r, "organization");
        }
    }

    public Optional<String> organizationId(String alias) {
        // Keycloak searches organizations by name or domain, not alias: page through and match the alias.
        int page = 200;
        for (int first = 0; ; first += page) {
            List<OrganizationRepresentation> batch = realm().organizations().list(first, page);
            Optional<String> id = batch.stream().filter(o -> alias.equals(o.getAlias())).findFirst()
                    .map(OrganizationRepresentation::getId);
            if (id.isPresent() || batch.size() < page) {
                return id;
            }
        }
    }

    public void deleteOrganization(String id) {
        realm().organizations().get(id).delete().close();
    }

    public String createUser(String username, String displayName, String phone, String password) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(username);
        u.setEnabled(true);
        u.setFirstName(displayName);
        u.setEmail(username + "@users.kehou.local");
        u.setEmailVerified(true);
        if (phone != null) {
            u.setAttributes(Map.of("phone", List.of(phone)));
        }
        CredentialRepresentation c = new CredentialRepresentation();
        c.setType(CredentialRepresentation.PASSWORD);
        c.setValue(password);
        c.setTemporary(false);
        u.setCredentials(List.of(c));
        try (Response r = realm().users().create(u)) {
            return created(r, "user");
        }
    }

    public Optional<String> userId(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst().map(UserRepresentation::getId);
    }

    public void deleteUser(String id) {
        realm().users().delete(id).close();
    }

    public void addMember(String organizationId, String userId) {
        try (Response r = realm().organizations().get(organizationId).members().addMember(userId)) {
            if (r.getStatus() >= 300) {
                throw new DirectoryException("membership", "Keycloak answered " + r.getStatus() + " adding a member");
            }
        }
    }

    /** One public portal client per tenant: the login theme shows its name (the tenant's). */
    public String createPortalClient(String tenantCode, String displayName) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId("portal-" + tenantCode);
        c.setName(displayName);
        c.setPublicClient(true);
        c.setStandardFlowEnabled(true);
        c.setDirectAccessGrantsEnabled(false);
        c.setRedirectUris(List.of(portalBaseUrl + "/t/" + tenantCode + "/*"));
        c.setWebOrigins(List.of("+"));
        c.setAttributes(Map.of("kehou.tenant", tenantCode, "post.logout.redirect.uris", portalBaseUrl + "/*"));
        c.setDefaultClientScopes(List.of("acr", "basic", "email", "organization", "profile", "roles", "web-origins"));
        try (Response r = realm().clients().create(c)) {
            return created(r, "portal client");
        }
    }

    public void deleteClient(String id) {
        realm().clients().get(id).remove();
    }

    private static String created(Response r, String what) {
        if (r.getStatus() != 201) {
            throw new DirectoryException(what, "Keycloak answered " + r.getStatus() + " creating the " + what);
        }
        String path = r.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
