package cn.kehou.server.portal;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;

/**
 * The OpenAPI document describes the API; the portal's HTML pages under {@code /t/} are not part of
 * it (registered as {@code mp.openapi.filter} in application.properties).
 */
public class PagesAreNotApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> path.startsWith(PortalPath.PREFIX)).toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
    }
}
