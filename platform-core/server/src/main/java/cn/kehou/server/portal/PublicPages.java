package cn.kehou.server.portal;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.PublicTenantResource;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantTree;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/** What anyone sees of a tenant's portal without logging in: its front page, logo and language switch. */
@Path("/t/{tenant}")
public class PublicPages {

    @Inject
    PortalSession session;
    @Inject
    PublicTenantResource publicTenants;
    @Inject
    TenantTree tree;
    @Inject
    Logos logos;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance front(Shell shell, PublicTenantResource.TenantPage page);
    }

    /** The tenant and its schools (the same data as GET /api/public/t/{tenant}). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance front(@PathParam("tenant") String code) {
        Shell shell = session.visit(code);
        return Templates.front(shell, publicTenants.page(code)).setLocale(shell.lang().locale());
    }

    /** The logo of the tenant's branding (its own or inherited), as an image only: it may run no script. */
    @GET
    @Path("/public/logo.svg")
    @Produces("image/svg+xml")
    public Response logo(@PathParam("tenant") String code) {
        Tenant tenant = Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        byte[] svg = tree.chain(tenant).stream().filter(t -> t.branding != null).findFirst()
                .flatMap(t -> logos.svg(t.code, t.branding))
                .orElseThrow(() -> ProblemException.notFound("logo", code));
        return Response.ok(svg)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    /** Switches the language and goes back where the visitor was; a link, so it needs no script. */
    @GET
    @Path("/public/lang")
    public Response language(@PathParam("tenant") String code, @QueryParam("to") String to, @QueryParam("back") String back) {
        Language language = Language.of(to).orElse(Language.ZH_CN);
        String target = PortalPath.isSafeReturn(back) ? back : PortalPath.PREFIX + code;
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(language.tag()).path(PortalLogin.COOKIE_PATH)
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
