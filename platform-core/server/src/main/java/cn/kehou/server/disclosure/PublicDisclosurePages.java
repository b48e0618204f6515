package cn.kehou.server.disclosure;

import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.tenancy.PublicTenantResource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A tenant's public disclosure pages (公示), open to anyone without login and without script: the
 * schools, each school's service guide, published fees and ledger summaries, the yearly provider
 * blacklist — each as it stood on any past day ({@code ?on=}) — and the complaint form (监督举报).
 * They show what {@link PublicDisclosureResource} serves.
 */
@Path("/t/{tenant}/public/disclosure")
@Produces(MediaType.TEXT_HTML)
public class PublicDisclosurePages {

    @Inject
    PortalSession session;
    @Inject
    PublicTenantResource tenants;
    @Inject
    PublicDisclosureResource disclosure;
    @Inject
    PublicComplaintResource complaints;
    @Inject
    Clock clock;

    /** One published version's stamp: which version, when and by whom. */
    public record Stamp(int version, OffsetDateTime publishedAt, String publishedBy) {
        static Stamp of(Publications.Version<?> v) {
            return new Stamp(v.version(), v.publishedAt(), v.publishedBy());
        }

        public String when() {
            return publishedAt.toLocalDate() + " " + String.format("%02d:%02d", publishedAt.getHour(), publishedAt.getMinute());
        }
    }

    public record GuideView(Disclosed.ServiceGuide guide, Stamp stamp) {
    }

    public record LedgerView(Disclosed.LedgerSummary summary, Stamp stamp) {
    }

    public record AgreementView(Disclosed.AgreementText agreement, Stamp stamp) {
    }

    public record BlacklistRow(Disclosed.Blacklisting entry, Stamp stamp) {
    }

    public record SchoolPage(String tenant, String code, String name, LocalDate on, boolean today, GuideView guide,
                             List<Disclosures.FeeItem> fees, List<LedgerView> ledgers, List<AgreementView> agreements) {
    }

    public record ComplaintForm(String tenant, List<PublicTenantResource.SchoolSummary> schools, Map<String, String> values,
                                String problemTitle, String problemDetail, String filedId) {
        public List<Complaint.About> abouts() {
            return Arrays.asList(Complaint.About.values());
        }

        public String value(String key) {
            return values.getOrDefault(key, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Shell shell, PublicTenantResource.TenantPage page, int year);

        static native TemplateInstance school(Shell shell, SchoolPage page);

        static native TemplateInstance blacklist(Shell shell, int year, int previousYear, LocalDate on, boolean today, List<BlacklistRow> rows);

        static native TemplateInstance complaint(Shell shell, ComplaintForm form);
    }

    @GET
    public TemplateInstance index(@PathParam("tenant") String code) {
        Shell shell = session.visit(code);
        return Templates.index(shell, tenants.page(code), LocalDate.now(clock).getYear()).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/schools/{school}")
    public TemplateInstance school(@PathParam("tenant") String code, @PathParam("school") String school, @QueryParam("on") String on) {
        Shell shell = session.visit(code);
        Disclosures.SchoolDisclosure d = disclosure.school(code, school, on);
        boolean english = shell.lang().english();
        SchoolPage page = new SchoolPage(code, d.school(), english && d.nameEn() != null ? d.nameEn() : d.nameZh(), d.on(),
                d.on().equals(LocalDate.now(clock)),
                d.guide() == null ? null : new GuideView(d.guide().content(), Stamp.of(d.guide())), d.fees(),
                d.ledgers().stream().map(v -> new LedgerView(v.content(), Stamp.of(v))).toList(),
                d.agreements().stream().map(v -> new AgreementView(v.content(), Stamp.of(v))).toList());
        return Templates.school(shell, page).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/blacklist")
    public TemplateInstance blacklist(@PathParam("tenant") String code, @QueryParam("year") Integer year, @QueryParam("on") String on) {
        Shell shell = session.visit(code);
        PublicDisclosureResource.BlacklistPage page = disclosure.blacklist(code, year, on);
        return Templates.blacklist(shell, page.year(), page.year() - 1, page.on(), page.on().equals(LocalDate.now(clock)),
                page.entries().stream().map(v -> new BlacklistRow(v.content(), Stamp.of(v))).toList()).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/complaint")
    public TemplateInstance complaintForm(@PathParam("tenant") String code, @QueryParam("filed") String filed) {
        Shell shell = session.visit(code);
        return Templates.complaint(shell, new ComplaintForm(code, tenants.page(code).schools(), Map.of(), null, null, filed))
                .setLocale(shell.lang().locale());
    }

    /** The complaint form, posted without script; a refusal is shown on the form with what was typed. */
    @POST
    @Path("/complaint")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complain(@PathParam("tenant") String code, MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        Shell shell = session.visit(code);
        Map<String, String> values = Map.of("about", one(form, "about"), "school", one(form, "school"), "subject", one(form, "subject"),
                "body", one(form, "body"), "name", one(form, "name"), "phone", one(form, "phone"));
        try {
            Complaint.About about;
            try {
                about = Complaint.About.valueOf(values.get("about"));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "INVALID_FIELD");
            }
            String phone = values.get("phone");
            if (!phone.isEmpty() && !phone.matches("[0-9+\\- ]{5,20}")) {
                throw new ProblemException(400, "INVALID_FIELD");
            }
            if (values.get("body").length() > 2000 || values.get("name").length() > 50 || values.get("subject").length() > 200) {
                throw new ProblemException(400, "INVALID_FIELD");
            }
            Complaint c = complaints.file(code, new PublicComplaintResource.PublicComplaint(about, blankToNull(values.get("school")),
                    blankToNull(values.get("subject")), values.get("body"), blankToNull(values.get("name")), blankToNull(phone)),
                    request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
            return Response.seeOther(URI.create(PortalPath.PREFIX + code + "/public/disclosure/complaint?filed=" + c.id)).build();
        } catch (ProblemException p) {
            boolean en = shell.lang().english();
            String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
            return Response.status(p.status()).entity(Templates.complaint(shell, new ComplaintForm(code, tenants.page(code).schools(),
                    values, ProblemMessages.title(p.code(), en), detail, null)).setLocale(shell.lang().locale())).build();
        }
    }

    private static String one(MultivaluedMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
