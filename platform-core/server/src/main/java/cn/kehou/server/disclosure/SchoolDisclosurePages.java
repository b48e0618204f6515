package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.payments.FeePublication;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A school admin's publishing desk (公示), without script: the service guide (safety measures,
 * complaint phone), a term's ledger summary, a service's agreement text (guardians are told), taking
 * a fee publication down with a reason, and sending a satisfaction survey to a service's guardians.
 * Every action goes through {@link DisclosureResource}: the same permission checks as the API.
 */
@Path("/t/{tenant}/schools/{school}/disclosures")
@Produces(MediaType.TEXT_HTML)
public class SchoolDisclosurePages {

    @Inject
    PortalSession session;
    @Inject
    DisclosureResource api;
    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;

    public record Option(String value, String label) {
    }

    public record Desk(String school, String schoolName, List<Option> terms, List<Option> services, List<Option> fees,
                       DisclosureDeskPages.Refusal refusal, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(Shell shell, Desk desk);
    }

    @GET
    public TemplateInstance desk(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                 @QueryParam("done") String done) {
        Shell shell = session.enter(tenant);
        // In a transaction begun once the session holds the tenant (row-level security), as the API's methods are.
        return QuarkusTransaction.requiringNew().call(() -> page(shell, school, null, done));
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("tenant") String tenant, @PathParam("school") String school, @PathParam("action") String action,
                        MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        try {
            switch (action) {
                case "guide" -> api.publish(school, new DisclosureResource.NewDisclosure(Publications.Kind.SERVICE_GUIDE,
                        one(form, "safetyMeasures"), blankToNull(one(form, "complaintPhone")), one(form, "note"), null, null, null, null));
                case "ledger" -> api.publish(school, new DisclosureResource.NewDisclosure(Publications.Kind.LEDGER_SUMMARY,
                        null, null, null, uuid(form, "term"), null, null, null));
                case "agreement" -> api.publish(school, new DisclosureResource.NewDisclosure(Publications.Kind.AGREEMENT,
                        null, null, null, null, uuid(form, "service"), one(form, "title"), one(form, "text")));
                case "withdrawal" -> api.withdrawFee(school, required(uuid(form, "publication")),
                        new DisclosureResource.Withdrawal(one(form, "reason")));
                case "survey" -> api.sendSurvey(school, new DisclosureResource.NewSurvey(required(uuid(form, "service")),
                        one(form, "title"), Arrays.stream(one(form, "questions").split("\\R")).map(String::strip)
                        .filter(q -> !q.isEmpty()).toList()));
                default -> throw ProblemException.notFound("action", action);
            }
        } catch (ProblemException p) {
            return Response.status(p.status()).entity(refused(shell, school, DisclosureDeskPages.Refusal.of(p, shell.lang().english())))
                    .build();
        } catch (ConstraintViolationException e) {
            return Response.status(400).entity(refused(shell, school,
                    DisclosureDeskPages.Refusal.of(new ProblemException(400, "INVALID_FIELD"), shell.lang().english()))).build();
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/schools/" + school + "/disclosures?done=" + action)).build();
    }

    private TemplateInstance refused(Shell shell, String school, DisclosureDeskPages.Refusal refusal) {
        return QuarkusTransaction.requiringNew().call(() -> page(shell, school, refusal, null));
    }

    private TemplateInstance page(Shell shell, String schoolCode, DisclosureDeskPages.Refusal refusal, String done) {
        School school = School.<School>find("code = ?1 and tenantId = ?2", schoolCode, tenantContext.requireTenantId())
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("school", schoolCode));
        caller.requireAtSchool("disclosure.publish", school.id);
        List<Option> terms = SchoolTerm.<SchoolTerm>list("schoolId = ?1 order by startsOn desc", school.id).stream()
                .map(t -> new Option(t.id.toString(), t.name)).toList();
        List<Option> services = OfferedService.<OfferedService>list("schoolId = ?1 order by validFrom desc, titleZh", school.id).stream()
                .map(s -> new Option(s.id.toString(), s.titleZh)).toList();
        List<Option> fees = FeePublication.<FeePublication>list("schoolId = ?1"
                        + " and id not in (select w.publicationId from FeeWithdrawal w) order by recordedAt desc", school.id).stream()
                .map(p -> new Option(p.id.toString(), p.feeItem + " · " + p.reference)).toList();
        String name = shell.lang().english() && school.nameEn != null ? school.nameEn : school.nameZh;
        return Templates.desk(shell, new Desk(school.code, name, terms, services, fees, refusal, done)).setLocale(shell.lang().locale());
    }

    private static String one(MultivaluedMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static UUID uuid(MultivaluedMap<String, String> form, String key) {
        String v = one(form, key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "INVALID_FIELD");
        }
    }

    private static UUID required(UUID id) {
        if (id == null) {
            throw new ProblemException(400, "INVALID_FIELD");
        }
        return id;
    }
}
