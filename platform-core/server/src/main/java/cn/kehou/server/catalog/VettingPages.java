package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A bureau's vetting: providers for its area (whitelist with scope and validity, suspend,
 * blacklist with reason) through {@link ProviderResource}, and the people schools registered
 * (ethics, record check, health, qualification, validity) through {@link StaffResource} — the same
 * permissions and row-level security as the API. Refusals show on the card they concern.
 */
@Path("/t/{tenant}/vetting")
@Produces(MediaType.TEXT_HTML)
public class VettingPages {

    @Inject
    PortalSession session;
    @Inject
    ProviderResource providers;
    @Inject
    StaffResource staff;

    /** One provider as this bureau sees it, with its own approval (if any) and a refusal to show on it. */
    public record ProviderCard(ProviderResource.ProviderView provider, ProviderResource.ApprovalView own, PageProblem problem,
                               boolean done) {
        public List<ServiceKind> kinds() {
            return Arrays.asList(ServiceKind.values());
        }

        public boolean inScope(ServiceKind kind) {
            return own != null && own.scope().contains(kind);
        }

        public String validFrom() {
            return own == null ? "" : own.validFrom().toString();
        }

        public String validTo() {
            return own == null ? "" : own.validTo().toString();
        }

        public List<ProviderApproval.Status> statuses() {
            return Arrays.asList(ProviderApproval.Status.values());
        }
    }

    /** One school's registered people; {@code tenant} is the school's own tenant, where vetting is recorded. */
    public record SchoolStaff(String tenant, String code, String name, List<StaffCard> staff) {
    }

    public record StaffCard(StaffResource.StaffView member, PageProblem problem, boolean done) {
        public String validTo() {
            return member.validTo() == null ? "" : member.validTo().toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance providers(Shell shell, List<ProviderCard> cards);

        static native TemplateInstance staff(Shell shell, List<SchoolStaff> schools);
    }

    @GET
    @Path("/providers")
    public TemplateInstance providers(@PathParam("tenant") String tenant, @QueryParam("done") String done) {
        Shell shell = session.enter(tenant);
        return Templates.providers(shell, providerCards(tenant, done, null, null)).setLocale(shell.lang().locale());
    }

    /** Approves the provider for this bureau's area (as PUT /api/t/{tenant}/providers/{provider}/approval). */
    @POST
    @Path("/providers/{provider}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("tenant") String tenant, @PathParam("provider") String code,
                            MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            Set<ServiceKind> scope = EnumSet.noneOf(ServiceKind.class);
            for (String k : form.getOrDefault("scope", List.of())) {
                scope.add(ServiceKind.valueOf(k));
            }
            if (scope.isEmpty()) {
                throw new ProblemException(400, "SCOPE_REQUIRED");
            }
            providers.approve(code, new ProviderResource.Approval(scope, date(form, "validFrom", true), date(form, "validTo", true)));
        } catch (ProblemException p) {
            return refusedOnProvider(tenant, code, shell, p);
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/vetting/providers?done=" + code)).build();
    }

    /** Suspends, blacklists or reinstates the provider here (as POST …/approval/status). */
    @POST
    @Path("/providers/{provider}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setStatus(@PathParam("tenant") String tenant, @PathParam("provider") String code,
                              MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            ProviderApproval.Status status;
            try {
                status = ProviderApproval.Status.valueOf(SchoolSetupPages.one(form, "status"));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "INVALID_FIELD");
            }
            String reason = SchoolSetupPages.one(form, "reason");
            providers.setStatus(code, new ProviderResource.StatusChange(status, reason.isEmpty() ? null : reason,
                    date(form, "on", false)));
        } catch (ProblemException p) {
            return refusedOnProvider(tenant, code, shell, p);
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/vetting/providers?done=" + code)).build();
    }

    @GET
    @Path("/staff")
    public TemplateInstance staff(@PathParam("tenant") String tenant, @QueryParam("done") String done) {
        Shell shell = session.enter(tenant);
        return Templates.staff(shell, schoolStaff(shell, done, null, null)).setLocale(shell.lang().locale());
    }

    /**
     * Records the bureau's vetting of one person (as POST /api/t/{tenant}/schools/{school}/staff/{staff}/vetting,
     * in the school's own tenant); then back to the list the bureau came from.
     */
    @POST
    @Path("/staff/{school}/{staff}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vet(@PathParam("tenant") String tenant, @PathParam("school") String school,
                        @PathParam("staff") UUID staffId, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            staff.vet(school, staffId, new StaffResource.Vetting(checked(form, "ethicsOk"), checked(form, "recordCheckOk"),
                    checked(form, "healthOk"), checked(form, "qualificationOk"), date(form, "validTo", true),
                    SchoolSetupPages.one(form, "note").isEmpty() ? null : SchoolSetupPages.one(form, "note")));
        } catch (ProblemException p) {
            return SchoolSetupPages.page(p.status(), Templates.staff(shell, schoolStaff(shell, null, staffId,
                    PageProblem.of(p, shell.lang().english()))), shell);
        }
        // Back to the bureau's own list (a city bureau vets its districts' schools from its own page).
        String from = SchoolSetupPages.one(form, "from");
        String back = PortalPath.parse(PortalPath.PREFIX + from).isPresent() && Tenant.byCode(from).isPresent() ? from : tenant;
        return Response.seeOther(URI.create(PortalPath.PREFIX + back + "/vetting/staff?done=" + staffId)).build();
    }

    private Response refusedOnProvider(String tenant, String code, Shell shell, ProblemException p) {
        return SchoolSetupPages.page(p.status(), Templates.providers(shell, providerCards(tenant, null, code,
                PageProblem.of(p, shell.lang().english()))), shell);
    }

    private List<ProviderCard> providerCards(String tenant, String done, String refused, PageProblem problem) {
        List<ProviderCard> cards = new ArrayList<>();
        for (ProviderResource.ProviderView p : providers.list(null)) {
            ProviderResource.ApprovalView own = p.approvals().stream().filter(a -> tenant.equals(a.tenant())).findFirst().orElse(null);
            cards.add(new ProviderCard(p, own, p.code().equals(refused) ? problem : null, p.code().equals(done)));
        }
        return cards;
    }

    /** The schools this bureau sees (its own tenant's and its descendants'), each with its registered people. */
    private List<SchoolStaff> schoolStaff(Shell shell, String done, UUID refused, PageProblem problem) {
        Map<UUID, String> tenantCodes = Tenant.<Tenant>listAll().stream().collect(Collectors.toMap(t -> t.id, t -> t.code));
        List<SchoolStaff> result = new ArrayList<>();
        for (School s : School.<School>list("order by code")) {
            List<StaffCard> cards = staff.list(s.code).stream()
                    .map(m -> new StaffCard(m, m.id().equals(refused) ? problem : null, m.id().toString().equals(done)))
                    .toList();
            String name = shell.lang().english() && s.nameEn != null ? s.nameEn : s.nameZh;
            result.add(new SchoolStaff(tenantCodes.get(s.tenantId), s.code, name, cards));
        }
        return result;
    }

    private static boolean checked(MultivaluedMap<String, String> form, String name) {
        return "true".equals(SchoolSetupPages.one(form, name));
    }

    private static LocalDate date(MultivaluedMap<String, String> form, String name, boolean required) {
        String text = SchoolSetupPages.one(form, name);
        if (text.isEmpty()) {
            if (required) {
                throw new ProblemException(400, "FIELD_REQUIRED");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new ProblemException(400, "INVALID_FIELD");
        }
    }
}
