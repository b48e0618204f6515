package cn.kehou.server.portal;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Where a signed-in user lands: each of their roles with what waits for it. */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    PortalSession session;
    @Inject
    Memberships memberships;
    @Inject
    Homes homes;
    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Shell shell, LocalDate today, List<RoleHome> roles);

        static native TemplateInstance choose(Shell shell, List<Memberships.Home> homes);
    }

    /**
     * After Keycloak's login (this is the portal client's redirect path): straight to the user's home
     * when they have one place under this portal, a choice when several, a readable refusal when none.
     */
    @GET
    @Path("/login")
    public Response login(@PathParam("tenant") String code) {
        Shell shell = session.signedIn(code);
        Tenant root = Tenant.byCode(code).orElseThrow();
        List<Memberships.Home> places = memberships.homesUnder(root, session.idToken());
        if (places.size() == 1) {
            return Response.seeOther(URI.create(PortalPath.PREFIX + places.get(0).tenantCode() + "/home")).build();
        }
        if (places.isEmpty()) {
            throw new ProblemException(403, "FORBIDDEN");
        }
        return Response.ok(Templates.choose(shell, places).setLocale(shell.lang().locale())).build();
    }

    @GET
    @Path("/home")
    public TemplateInstance home(@PathParam("tenant") String code) {
        Shell shell = session.enter(code);
        return Templates.home(shell, LocalDate.now(clock), homes.of(code)).setLocale(shell.lang().locale());
    }
}
