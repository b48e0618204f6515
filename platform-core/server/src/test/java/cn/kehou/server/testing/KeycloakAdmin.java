package cn.kehou.server.testing;

import org.eclipse.microprofile.config.ConfigProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/** Keycloak's own admin API, as the master-realm admin: for tests that arrange or inspect Keycloak. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    public static RealmResource realm() {
        Keycloak kc = KeycloakBuilder.builder()
                .serverUrl(ConfigProvider.getConfig().getValue("kehou.test.keycloak-url", String.class))
                .realm("master").clientId("admin-cli")
                .username(cn.kehou.embedded.LocalKeycloak.ADMIN_USER)
                .password(cn.kehou.embedded.LocalKeycloak.ADMIN_PASSWORD)
                .build();
        return kc.realm("kehou");
    }
}
