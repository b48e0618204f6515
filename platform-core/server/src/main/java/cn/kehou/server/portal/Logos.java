package cn.kehou.server.portal;

import cn.kehou.server.tenancy.Branding;
import cn.kehou.server.tenancy.DescriptorLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenants' logo files. A branding names its logo by file name ({@code logo.svg}); the file lies
 * in the descriptor folder of the tenant that declares the branding, in the bundled
 * {@code kehou-tenants/}. A tenant onboarded through the API names no file we hold: no logo.
 */
@ApplicationScoped
public class Logos {

    private static final Pattern FILE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}\\.svg$");

    /** tenant code → the descriptor folder that declares it. */
    private final Map<String, String> folders = new HashMap<>();

    @PostConstruct
    void index() {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode index = read(json, DescriptorLoader.ROOT + "index.json");
            for (JsonNode region : index.path("regions")) {
                JsonNode descriptor = read(json, DescriptorLoader.ROOT + region.asText() + "/tenant.json");
                for (JsonNode tenant : descriptor.path("tenants")) {
                    folders.put(tenant.path("code").asText(), region.asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SVG of the logo {@code branding} names, when {@code declaredBy} (a tenant code) has one on file. */
    public Optional<byte[]> svg(String declaredBy, Branding branding) {
        String folder = folders.get(declaredBy);
        if (folder == null || branding == null || branding.logo() == null || !FILE.matcher(branding.logo()).matches()) {
            return Optional.empty();
        }
        try (InputStream in = DescriptorLoader.open(DescriptorLoader.ROOT + folder + "/" + branding.logo())) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean has(String declaredBy, Branding branding) {
        return folders.containsKey(declaredBy) && branding != null && branding.logo() != null
                && FILE.matcher(branding.logo()).matches();
    }

    private static JsonNode read(ObjectMapper json, String resource) throws IOException {
        try (InputStream in = DescriptorLoader.open(resource)) {
            return json.readTree(in);
        }
    }
}
