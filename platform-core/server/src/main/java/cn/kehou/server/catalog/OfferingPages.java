package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.Money;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.Role;
import cn.kehou.server.identity.RoleGrant;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A provider admin's own courses and their off-campus prices (as GET /api/t/{tenant}/providers/{provider}
 * and POST …/courses): only non-academic courses pass, as in the API.
 */
@Path("/t/{tenant}/offerings")
@Produces(MediaType.TEXT_HTML)
public class OfferingPages {

    @Inject
    PortalSession session;
    @Inject
    Caller caller;
    @Inject
    ProviderResource providers;

    public record Offerings(ProviderResource.ProviderView provider, PageProblem problem, boolean saved) {
        public List<ContentTag> tags() {
            return Arrays.asList(ContentTag.values());
        }

        public List<DayOfWeek> days() {
            return Arrays.asList(DayOfWeek.values());
        }

        public List<Integer> grades() {
            return IntStream.rangeClosed(1, 9).boxed().toList();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offerings(Shell shell, List<Offerings> providers);
    }

    @GET
    public TemplateInstance offerings(@PathParam("tenant") String tenant, @QueryParam("saved") String saved) {
        Shell shell = session.enter(tenant);
        return Templates.offerings(shell, mine(saved, null, null)).setLocale(shell.lang().locale());
    }

    @POST
    @Path("/{provider}/courses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCourse(@PathParam("tenant") String tenant, @PathParam("provider") String code,
                              MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            Set<ContentTag> tags = EnumSet.noneOf(ContentTag.class);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            long offCampus;
            int from;
            int to;
            try {
                form.getOrDefault("tags", List.of()).forEach(t -> tags.add(ContentTag.valueOf(t)));
                form.getOrDefault("days", List.of()).forEach(d -> days.add(DayOfWeek.valueOf(d)));
                offCampus = Money.fenOf(SchoolSetupPages.one(form, "offCampus"));
                from = Integer.parseInt(SchoolSetupPages.one(form, "gradeFrom"));
                to = Integer.parseInt(SchoolSetupPages.one(form, "gradeTo"));
            } catch (IllegalArgumentException unreadable) {
                throw new ProblemException(400, "INVALID_FIELD");
            }
            String title = SchoolSetupPages.one(form, "titleZh");
            if (title.isEmpty() || tags.isEmpty() || days.isEmpty() || offCampus <= 0 || from < 1 || to > 9) {
                throw new ProblemException(400, "FIELD_REQUIRED");
            }
            providers.addCourse(code, new ProviderResource.NewCourse(title, tags, from, to, days, offCampus));
        } catch (ProblemException p) {
            return SchoolSetupPages.page(p.status(), Templates.offerings(shell, mine(null, code,
                    PageProblem.of(p, shell.lang().english()))), shell);
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/offerings?saved=" + code)).build();
    }

    /** The providers the caller administers here, each with its courses. */
    private List<Offerings> mine(String saved, String refused, PageProblem problem) {
        List<String> codes = caller.grants().stream().filter(g -> g.role() == Role.PROVIDER_ADMIN)
                .map(RoleGrant::providerCode).distinct().sorted().toList();
        if (codes.isEmpty()) {
            throw new ProblemException(403, "FORBIDDEN");
        }
        return codes.stream().map(c -> new Offerings(providers.get(c), c.equals(refused) ? problem : null, c.equals(saved)))
                .toList();
    }
}
