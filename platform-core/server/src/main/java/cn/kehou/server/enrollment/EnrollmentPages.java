package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.portal.Homes;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A parent's enrollment pages: the services open to each child, the application (pickup
 * arrangement), its status through the region's steps, the agreement texts to read and sign, an
 * offer to accept, and withdrawal with the refund it would bring. Every action is the API's own
 * ({@link EnrollmentResource}): same permission, same rules, same row-level security.
 */
@Path("/t/{tenant}/enrollment")
@Produces(MediaType.TEXT_HTML)
public class EnrollmentPages {

    @Inject
    PortalSession session;
    @Inject
    EnrollmentResource api;
    @Inject
    Enrollment enrollment;
    @Inject
    Homes homes;
    @Inject
    java.time.Clock clock;

    /** How the child goes home; stored as the text the agreement shows (接送 Pickup). */
    public enum Pickup {
        GUARDIAN("家长接"), DELEGATE("委托接送"), ALONE("自行离校（家长同意）");

        final String zh;

        Pickup(String zh) {
            this.zh = zh;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance services(Shell shell, List<EnrollmentResource.ApplicationView> applications,
                                                List<EnrollmentResource.ChildServices> children, Map<String, String> schoolNames);

        static native TemplateInstance apply(Shell shell, ApplyForm form);

        static native TemplateInstance application(Shell shell, ApplicationPage page);

        static native TemplateInstance withdraw(Shell shell, EnrollmentResource.ApplicationView app,
                                                EnrollmentResource.WithdrawalPreview preview, PageProblem problem);
    }

    /** The apply form: the child and service chosen, the pickup arrangement, and what went wrong. */
    public record ApplyForm(EnrollmentResource.ChildServices child, EnrollmentResource.OpenService service, String schoolName,
                            String key, String pickup, String pickupNote, PageProblem problem) {
        public List<Pickup> pickups() {
            return List.of(Pickup.values());
        }

        public boolean pickupIs(Pickup p) {
            return p.name().equals(pickup);
        }
    }

    /** One step of the region's flow as the family sees it. */
    public record StepView(EnrollmentStep step, boolean done, boolean current) {
    }

    /** A document to read and sign, with the family's signature of this exact text if there is one. */
    public record DocView(Agreements.Document document, EnrollmentResource.Signed signed) {
    }

    public record ApplicationPage(EnrollmentResource.ApplicationView app, OfferedService service, String schoolName,
                                  String allocation, List<StepView> steps, List<DocView> documents, boolean signingNow,
                                  boolean confirmingNow, Integer waitlistPosition, Lottery lottery, String done,
                                  PageProblem problem) {
        public boolean live() {
            return Application.Status.valueOf(app.status()).live();
        }

        public boolean offered() {
            return "OFFERED".equals(app.status());
        }

        public boolean firstCome() {
            return "FIRST_COME".equals(allocation);
        }
    }

    /** A lottery's decision on this child: where the draw put the family, in which group, with which seed. */
    public record Lottery(String run, long seed, int position, String group, int familySize, boolean placed) {
        public boolean priority() {
            return "priority".equals(group);
        }
    }

    /** A refusal shown on the page it came from, in the page's language. */
    public record PageProblem(String code, String title, String detail) {
        static PageProblem of(ProblemException p, boolean english) {
            String detail = p.detail(english) != null ? p.detail(english)
                    : cn.kehou.server.problem.ProblemMessages.detail(p.code(), english, p.args());
            return new PageProblem(p.code(), cn.kehou.server.problem.ProblemMessages.title(p.code(), english), detail);
        }
    }

    // ------------------------------------------------------------------ browse

    /** The family's applications and, per child, the services it may apply to now (GET /me/services). */
    @GET
    public TemplateInstance services(@PathParam("tenant") String code) {
        Shell shell = session.enter(code);
        return Templates.services(shell, api.mineBrief(), api.openServices(code), homes.schoolNames()).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/apply")
    public TemplateInstance applyForm(@PathParam("tenant") String code, @QueryParam("child") UUID child,
                                      @QueryParam("service") UUID service) {
        Shell shell = session.enter(code);
        return Templates.apply(shell, form(shell, code, child, service, UUID.randomUUID().toString(), Pickup.GUARDIAN.name(), "",
                null)).setLocale(shell.lang().locale());
    }

    /**
     * Applies (as POST /me/applications). The form carries its own idempotency key, so a double
     * click or a resent form returns the first application instead of a second one.
     */
    @POST
    @Path("/apply")
    public Response apply(@PathParam("tenant") String code, @RestForm UUID child, @RestForm UUID service, @RestForm String key,
                          @RestForm String pickup, @RestForm String pickupNote) {
        Shell shell = session.enter(code);
        String note = pickupNote == null ? "" : pickupNote.strip();
        Pickup mode = Optional.ofNullable(pickup).flatMap(p -> java.util.Arrays.stream(Pickup.values())
                .filter(x -> x.name().equals(p)).findFirst()).orElse(Pickup.GUARDIAN);
        String text = mode.zh + (note.isEmpty() ? "" : "：" + note);
        try {
            if (note.length() > 100) {
                throw new ProblemException(422, "VALIDATION_FAILED");
            }
            Response r = api.apply(code, key, new EnrollmentResource.NewApplication(child, service, text));
            EnrollmentResource.ApplicationView view = (EnrollmentResource.ApplicationView) r.getEntity();
            return Response.seeOther(URI.create(applicationUrl(code, view.id()) + "?done=applied")).build();
        } catch (ProblemException p) {
            ApplyForm form = form(shell, code, child, service, key, mode.name(), note, PageProblem.of(p, shell.lang().english()));
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.apply(shell, form).setLocale(shell.lang().locale())).build();
        }
    }

    private ApplyForm form(Shell shell, String code, UUID childId, UUID serviceId, String key, String pickup, String note,
                           PageProblem problem) {
        EnrollmentResource.ChildServices child = api.openServices(code).stream().filter(c -> c.child().equals(childId)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "CHILD_NOT_FOUND"));
        EnrollmentResource.OpenService service = child.services().stream().filter(s -> s.id().equals(serviceId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("service", String.valueOf(serviceId)));
        return new ApplyForm(child, service, homes.schoolNames().getOrDefault(service.school(), service.school()), key, pickup, note,
                problem);
    }

    // ------------------------------------------------------------------ one application

    @GET
    @Path("/applications/{id}")
    public TemplateInstance application(@PathParam("tenant") String code, @PathParam("id") UUID id, @QueryParam("done") String done) {
        Shell shell = session.enter(code);
        return Templates.application(shell, page(shell, code, id, done, null)).setLocale(shell.lang().locale());
    }

    /** Signs one document (as POST /me/applications/{id}/signatures): the hash binds the text the page showed. */
    @POST
    @Path("/applications/{id}/sign")
    public Response sign(@PathParam("tenant") String code, @PathParam("id") UUID id, @RestForm String documentCode,
                         @RestForm String textSha256, @HeaderParam(HttpHeaders.USER_AGENT) String client) {
        Shell shell = session.enter(code);
        return act(shell, code, id, "signed", () -> api.sign(code, id,
                new EnrollmentResource.Signature(documentCode == null ? "" : documentCode, textSha256 == null ? "" : textSha256),
                client));
    }

    @POST
    @Path("/applications/{id}/confirm")
    public Response confirm(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        Shell shell = session.enter(code);
        return act(shell, code, id, "confirmed", () -> api.confirm(code, id));
    }

    @POST
    @Path("/applications/{id}/accept-offer")
    public Response acceptOffer(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        Shell shell = session.enter(code);
        return act(shell, code, id, "accepted", () -> api.acceptOffer(code, id));
    }

    /** Before withdrawing: what it means and what it would refund (GET /me/applications/{id}/withdrawal). */
    @GET
    @Path("/applications/{id}/withdraw")
    public TemplateInstance withdrawForm(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        Shell shell = session.enter(code);
        return Templates.withdraw(shell, api.mineOne(id), api.withdrawalPreview(id), null).setLocale(shell.lang().locale());
    }

    @POST
    @Path("/applications/{id}/withdraw")
    public Response withdraw(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        Shell shell = session.enter(code);
        return act(shell, code, id, "withdrawn", () -> api.withdraw(id));
    }

    private Response act(Shell shell, String code, UUID id, String done, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create(applicationUrl(code, id) + "?done=" + done)).build();
        } catch (ProblemException p) {
            if (p.status() == 404 || p.status() == 403 || p.status() == 401) {
                throw p;
            }
            ApplicationPage page = page(shell, code, id, null, PageProblem.of(p, shell.lang().english()));
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.application(shell, page).setLocale(shell.lang().locale())).build();
        }
    }

    private ApplicationPage page(Shell shell, String code, UUID id, String done, PageProblem problem) {
        EnrollmentResource.ApplicationView app = api.mineOne(id);
        List<Agreements.Document> docs = api.agreement(code, id);
        List<EnrollmentResource.Signed> signed = api.signatures(id);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Tenant tenant = Tenant.byCode(code).orElseThrow();
            OfferedService service = OfferedService.findById(app.service());
            Application entity = Application.findById(app.id());
            List<EnrollmentStep> flow = new ArrayList<>(enrollment.terms(tenant, service, LocalDate.now(clock)).steps());
            flow.removeAll(Enrollment.LATER);
            if (!flow.contains(EnrollmentStep.ARRANGE)) {
                flow.add(EnrollmentStep.ARRANGE);
            }
            EnrollmentStep at = EnrollmentStep.valueOf(app.step());
            boolean arranged = entity.status == Application.Status.ARRANGED;
            List<StepView> steps = flow.stream().map(s -> new StepView(s,
                    arranged || flow.indexOf(s) < flow.indexOf(at), !arranged && s == at && entity.status.live())).toList();
            List<DocView> documents = docs.stream().map(d -> new DocView(d, signed.stream()
                    .filter(x -> x.documentCode().equals(d.code()) && x.textSha256().equals(d.sha256())).findFirst().orElse(null)))
                    .toList();
            boolean live = entity.status.live();
            return new ApplicationPage(app, service, homes.schoolNames().get(School.<School>findByIdOptional(service.schoolId)
                    .map(s -> s.code).orElse("")), enrollment.allocationOf(entity), steps, documents,
                    live && at == EnrollmentStep.SIGN_AGREEMENT, live && at == EnrollmentStep.CONFIRM,
                    entity.status == Application.Status.WAITLISTED ? enrollment.waitlistPosition(entity) : null,
                    lottery(entity), done, problem);
        });
    }

    static Lottery lottery(Application app) {
        Map<String, Object> e = app.explanation;
        if (e == null || !"lottery".equals(e.get("allocation")) || e.get("seed") == null) {
            return null;
        }
        return new Lottery(String.valueOf(e.get("run")), ((Number) e.get("seed")).longValue(), ((Number) e.get("position")).intValue(),
                String.valueOf(e.get("group")), ((Number) e.getOrDefault("familySize", 1)).intValue(),
                Boolean.TRUE.equals(e.get("placed")));
    }

    static String applicationUrl(String code, UUID id) {
        return PortalPath.PREFIX + code + "/enrollment/applications/" + id;
    }

}
