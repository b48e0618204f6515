package cn.kehou.server.catalog;

import cn.kehou.server.tenancy.DescriptorLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Loads the providers of {@code tenants/<region>/providers.json} into the registry at start,
 * idempotently and matched by code (an unchanged file writes nothing). Approvals are not in the
 * files: each bureau vets providers for its own area.
 */
@ApplicationScoped
public class ProviderRegistryLoader {

    private static final Logger LOG = Logger.getLogger(ProviderRegistryLoader.class);

    @Inject
    DescriptorLoader descriptors;

    @ConfigProperty(name = "kehou.tenants.load-at-start", defaultValue = "true")
    boolean loadAtStart;

    void onStart(@Observes @Priority(25) StartupEvent event) {
        if (loadAtStart) {
            LOG.infof("providers written: %d", loadBundled());
        }
    }

    /** @return how many providers were inserted or changed. */
    public int loadBundled() {
        int written = 0;
        for (JsonNode region : descriptors.readTree(DescriptorLoader.ROOT + "index.json").get("regions")) {
            String resource = DescriptorLoader.ROOT + region.asText() + "/providers.json";
            JsonNode providers;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                providers = descriptors.json().readTree(in).get("providers");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            for (JsonNode entry : providers) {
                written += QuarkusTransaction.requiringNew().call(() -> upsert(entry, resource)) ? 1 : 0;
            }
        }
        return written;
    }

    private static boolean upsert(JsonNode e, String resource) {
        String code = e.get("code").asText();
        if (!e.path("nonAcademic").asBoolean(false)) {
            // Third parties may offer only non-academic courses: such a file is wrong, not a provider to load.
            throw new IllegalStateException(resource + ": provider " + code + " is not non-academic");
        }
        Provider p = Provider.byCode(code).orElse(null);
        boolean isNew = p == null;
        if (isNew) {
            p = new Provider();
            p.id = Provider.idFor(code);
            p.code = code;
            p.nonAcademic = true;
            p.registeredBy = "descriptor";
        }
        String nameZh = e.get("nameZh").asText();
        String nameEn = e.get("nameEn").asText();
        String licence = e.get("licenceNo").asText();
        if (!isNew && Objects.equals(p.nameZh, nameZh) && Objects.equals(p.nameEn, nameEn) && Objects.equals(p.licenceNo, licence)) {
            return false;
        }
        p.nameZh = nameZh;
        p.nameEn = nameEn;
        p.licenceNo = licence;
        if (isNew) {
            p.persist();
        }
        return true;
    }
}
