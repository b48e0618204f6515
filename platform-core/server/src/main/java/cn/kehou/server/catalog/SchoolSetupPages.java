package cn.kehou.server.catalog;

import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A school admin's after-school setup: terms, the plan (一校一案) filed with the bureau, and the
 * services — each saved through {@link ServiceResource} so the region's plugin checks it, its
 * refusal shown on the form with the plugin's own message and citation — then staffed and opened
 * for enrollment. Same permissions and row-level security as the API; works without script.
 */
@Path("/t/{tenant}/setup/{school}")
@Produces(MediaType.TEXT_HTML)
public class SchoolSetupPages {

    static final String HTML_TYPE = "text/html;charset=UTF-8";

    @Inject
    PortalSession session;
    @Inject
    CatalogSchools schools;
    @Inject
    TermResource terms;
    @Inject
    ServiceResource services;
    @Inject
    StaffResource staff;
    @Inject
    Validator validator;

    /** A new term as typed, with what is wrong with it. */
    public record TermForm(String name, String startsOn, String endsOn, String dismissal, String period,
                           Map<String, String> errors, PageProblem problem) {
        static TermForm blank() {
            return new TermForm("", "", "", "", "", Map.of(), null);
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || problem != null;
        }
    }

    /** The plan as typed, and its state at the bureau. */
    public record PlanForm(TermResource.Plan values, Map<String, String> errors, PageProblem problem,
                           ServicePlan.Status status) {
        static PlanForm of(TermResource.TermView term, TermResource.Plan typed, Map<String, String> errors, PageProblem problem) {
            TermResource.Plan values = typed != null ? typed : term.plan() != null ? term.plan().plan()
                    : new TermResource.Plan("", "", "", "", "", "", "");
            return new PlanForm(values, errors, problem, term.plan() == null ? null : term.plan().status());
        }

        /** An approved plan no longer changes. */
        public boolean locked() {
            return status == ServicePlan.Status.APPROVED;
        }

        /** A written plan not yet with the bureau can be filed. */
        public boolean fileable() {
            return status == ServicePlan.Status.DRAFT || status == ServicePlan.Status.RETURNED;
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || problem != null;
        }
    }

    /** One school's setup as the page shows it. */
    public record Setup(String tenant, String school, String schoolName, List<TermResource.TermView> terms,
                        List<ServiceResource.ServiceView> services) {
        public String base() {
            return PortalPath.PREFIX + tenant + "/setup/" + school;
        }

        public String termName(UUID id) {
            return terms.stream().filter(t -> t.id().equals(id)).map(TermResource.TermView::name).findFirst().orElse("");
        }
    }

    /** A vetted person who may be put on the service, and whether they are on it. */
    public record StaffChoice(UUID id, String nameZh, StaffMember.Kind kind, boolean assigned) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(Shell shell, Setup setup, TermForm termForm, boolean saved);

        static native TemplateInstance plan(Shell shell, Setup setup, TermResource.TermView term, PlanForm form, boolean saved);

        static native TemplateInstance service(Shell shell, Setup setup, ServiceResource.ServiceView existing, ServiceForm form,
                                               List<StaffChoice> vetted, PageProblem problem, String notice, boolean locked);
    }

    @GET
    public TemplateInstance setup(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                  @QueryParam("saved") boolean saved) {
        Shell shell = session.enter(tenant);
        return Templates.setup(shell, setup(tenant, school, shell), TermForm.blank(), saved).setLocale(shell.lang().locale());
    }

    /** Creates a term (as POST /api/t/{tenant}/schools/{school}/terms). */
    @POST
    @Path("/terms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTerm(@PathParam("tenant") String tenant, @PathParam("school") String school,
                               MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        Cat cat = cat(shell);
        TermForm typed = new TermForm(one(form, "name"), one(form, "startsOn"), one(form, "endsOn"), one(form, "dismissal"),
                one(form, "period"), Map.of(), null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (typed.name().isBlank()) {
            errors.put("name", cat.fieldMissing());
        }
        LocalDate starts = date(typed.startsOn(), "startsOn", true, errors, cat);
        LocalDate ends = date(typed.endsOn(), "endsOn", true, errors, cat);
        LocalTime dismissal = null;
        Integer period = null;
        try {
            dismissal = typed.dismissal().isEmpty() ? null : LocalTime.parse(typed.dismissal());
        } catch (RuntimeException e) {
            errors.put("dismissal", cat.fieldMalformed());
        }
        try {
            period = typed.period().isEmpty() ? null : Integer.valueOf(typed.period());
        } catch (RuntimeException e) {
            errors.put("period", cat.fieldMalformed());
        }
        TermResource.NewTerm body = new TermResource.NewTerm(typed.name(), starts, ends, List.of(), dismissal, period);
        if (errors.isEmpty()) {
            errors.putAll(violations(body, cat));
        }
        if (!errors.isEmpty()) {
            return page(422, Templates.setup(shell, setup(tenant, school, shell),
                    new TermForm(typed.name(), typed.startsOn(), typed.endsOn(), typed.dismissal(), typed.period(), errors, null), false), shell);
        }
        try {
            terms.create(school, body);
        } catch (ProblemException p) {
            return page(p.status(), Templates.setup(shell, setup(tenant, school, shell), new TermForm(typed.name(), typed.startsOn(),
                    typed.endsOn(), typed.dismissal(), typed.period(), Map.of(), PageProblem.of(p, shell.lang().english())), false), shell);
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + tenant + "/setup/" + school + "?saved=true")).build();
    }

    @GET
    @Path("/terms/{term}/plan")
    public TemplateInstance plan(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                 @PathParam("term") UUID termId, @QueryParam("saved") boolean saved) {
        Shell shell = session.enter(tenant);
        Setup setup = setup(tenant, school, shell);
        TermResource.TermView term = term(setup, termId);
        return Templates.plan(shell, setup, term, PlanForm.of(term, null, Map.of(), null), saved).setLocale(shell.lang().locale());
    }

    /** Writes the plan (as PUT …/terms/{term}/plan): a filed plan goes back to draft. */
    @POST
    @Path("/terms/{term}/plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response writePlan(@PathParam("tenant") String tenant, @PathParam("school") String school,
                              @PathParam("term") UUID termId, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        Cat cat = cat(shell);
        TermResource.Plan body = new TermResource.Plan(one(form, "organisation"), one(form, "content"), one(form, "times"),
                one(form, "venues"), one(form, "staffing"), one(form, "safeguards"), one(form, "timetable"));
        Map<String, String> errors = violations(body, cat);
        PageProblem problem = null;
        if (errors.isEmpty()) {
            try {
                terms.writePlan(school, termId, body);
                return Response.seeOther(URI.create(planUrl(tenant, school, termId))).build();
            } catch (ProblemException p) {
                problem = PageProblem.of(p, shell.lang().english());
            }
        }
        Setup setup = setup(tenant, school, shell);
        TermResource.TermView term = term(setup, termId);
        return page(problem == null ? 422 : 409, Templates.plan(shell, setup, term, PlanForm.of(term, body, errors, problem), false),
                shell);
    }

    /** Files the plan with the bureau today (as POST …/plan/file). */
    @POST
    @Path("/terms/{term}/plan/file")
    public Response filePlan(@PathParam("tenant") String tenant, @PathParam("school") String school,
                             @PathParam("term") UUID termId) {
        Shell shell = session.enter(tenant);
        try {
            terms.file(school, termId);
        } catch (ProblemException p) {
            Setup setup = setup(tenant, school, shell);
            TermResource.TermView term = term(setup, termId);
            return page(p.status(), Templates.plan(shell, setup, term, PlanForm.of(term, null, Map.of(),
                    PageProblem.of(p, shell.lang().english())), false), shell);
        }
        return Response.seeOther(URI.create(planUrl(tenant, school, termId))).build();
    }

    @GET
    @Path("/services/new")
    public TemplateInstance newService(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                       @QueryParam("term") String term) {
        Shell shell = session.enter(tenant);
        Setup setup = setup(tenant, school, shell);
        String chosen = term != null ? term : setup.terms().isEmpty() ? "" : setup.terms().get(setup.terms().size() - 1).id().toString();
        return Templates.service(shell, setup, null, ServiceForm.blank(chosen, grades(school)), List.of(), null, null, false)
                .setLocale(shell.lang().locale());
    }

    /** Creates the service (as POST …/services): the region's plugin checks it first. */
    @POST
    @Path("/services")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createService(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                  @HeaderParam("HX-Request") String htmx, MultivaluedMap<String, String> form) {
        return saveService(tenant, school, null, htmx, form);
    }

    @GET
    @Path("/services/{service}")
    public TemplateInstance service(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                    @PathParam("service") UUID serviceId, @QueryParam("done") String done) {
        Shell shell = session.enter(tenant);
        Setup setup = setup(tenant, school, shell);
        ServiceResource.ServiceView existing = find(setup, serviceId);
        Cat cat = cat(shell);
        String notice = "saved".equals(done) ? cat.saved() : "published".equals(done) ? cat.published() : null;
        return Templates.service(shell, setup, existing, ServiceForm.of(existing, grades(school)), vetted(school, existing), null,
                        notice, existing.enrollmentOpen())
                .setLocale(shell.lang().locale());
    }

    /** Changes the service before enrollment opens (as PUT …/services/{service}), with the same checks. */
    @POST
    @Path("/services/{service}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateService(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                  @PathParam("service") UUID serviceId, @HeaderParam("HX-Request") String htmx,
                                  MultivaluedMap<String, String> form) {
        return saveService(tenant, school, serviceId, htmx, form);
    }

    /** Who runs the service (as PUT …/services/{service}/staff). */
    @POST
    @Path("/services/{service}/staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignStaff(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                @PathParam("service") UUID serviceId, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        Set<UUID> chosen = new HashSet<>();
        try {
            for (String id : form.getOrDefault("staff", List.of())) {
                chosen.add(UUID.fromString(id));
            }
            services.assignStaff(school, serviceId, new ServiceResource.StaffAssignment(chosen));
        } catch (IllegalArgumentException unreadable) {
            return refusedOnService(tenant, school, serviceId, shell, new ProblemException(400, "INVALID_FIELD"));
        } catch (ProblemException p) {
            return refusedOnService(tenant, school, serviceId, shell, p);
        }
        return Response.seeOther(URI.create(serviceUrl(tenant, school, serviceId) + "?done=saved")).build();
    }

    /** Opens enrollment (as POST …/services/{service}/enrollment-open): the plugin checks the plan filing. */
    @POST
    @Path("/services/{service}/open")
    public Response openEnrollment(@PathParam("tenant") String tenant, @PathParam("school") String school,
                                   @PathParam("service") UUID serviceId) {
        Shell shell = session.enter(tenant);
        try {
            services.openEnrollment(school, serviceId);
        } catch (ProblemException p) {
            return refusedOnService(tenant, school, serviceId, shell, p);
        }
        return Response.seeOther(URI.create(serviceUrl(tenant, school, serviceId) + "?done=published")).build();
    }

    private Response saveService(String tenant, String school, UUID serviceId, String htmx, MultivaluedMap<String, String> form) {
        Shell shell = session.enter(tenant);
        Cat cat = cat(shell);
        Setup setup = setup(tenant, school, shell);
        ServiceResource.ServiceView existing = serviceId == null ? null : find(setup, serviceId);
        ServiceForm typed = ServiceForm.from(form, grades(school));
        Map<String, String> errors = new LinkedHashMap<>();
        ServiceResource.NewService body = typed.toBody(errors, cat.fieldMissing(), cat.fieldMalformed());
        if (body != null) {
            errors.putAll(violations(body, cat));
        }
        if (!errors.isEmpty()) {
            return servicePage(422, shell, setup, existing, typed.withErrors(errors), school);
        }
        UUID saved;
        try {
            saved = serviceId == null ? ((ServiceResource.ServiceView) services.create(school, body).getEntity()).id()
                    : services.update(school, serviceId, body).id();
        } catch (ProblemException p) {
            // The API refused, the region's plugin included: nothing was written; the form comes back as typed.
            return servicePage(p.status(), shell, setup, existing, typed.withProblem(PageProblem.of(p, shell.lang().english())), school);
        }
        String done = serviceUrl(tenant, school, saved) + "?done=saved";
        return "true".equals(htmx) ? Response.ok().header("HX-Redirect", done).build()
                : Response.seeOther(URI.create(done)).build();
    }

    private Response refusedOnService(String tenant, String school, UUID serviceId, Shell shell, ProblemException p) {
        Setup setup = setup(tenant, school, shell);
        ServiceResource.ServiceView existing = find(setup, serviceId);
        return page(p.status(), Templates.service(shell, setup, existing, ServiceForm.of(existing, grades(school)),
                vetted(school, existing), PageProblem.of(p, shell.lang().english()), null, existing.enrollmentOpen()), shell);
    }

    private Response servicePage(int status, Shell shell, Setup setup, ServiceResource.ServiceView existing, ServiceForm form,
                                 String school) {
        return page(status, Templates.service(shell, setup, existing, form, existing == null ? List.of() : vetted(school, existing),
                null, null, existing != null && existing.enrollmentOpen()), shell);
    }

    private Setup setup(String tenant, String schoolCode, Shell shell) {
        School school = schools.visible(schoolCode);
        String name = shell.lang().english() && school.nameEn != null ? school.nameEn : school.nameZh;
        return new Setup(tenant, school.code, name, terms.list(schoolCode), services.list(schoolCode).stream()
                .filter(s -> schoolCode.equals(s.school())).toList());
    }

    /** The school's staff whom the bureau has vetted and who may serve today. */
    private List<StaffChoice> vetted(String school, ServiceResource.ServiceView service) {
        Set<UUID> on = new HashSet<>();
        service.staff().forEach(a -> on.add(a.id()));
        return staff.list(school).stream().filter(s -> "APPROVED".equals(s.status()))
                .map(s -> new StaffChoice(s.id(), s.nameZh(), s.kind(), on.contains(s.id()))).toList();
    }

    private List<Integer> grades(String schoolCode) {
        School school = schools.visible(schoolCode);
        return IntStream.rangeClosed(CatalogSchools.firstGrade(school), CatalogSchools.lastGrade(school)).boxed().toList();
    }

    private static TermResource.TermView term(Setup setup, UUID termId) {
        return setup.terms().stream().filter(t -> t.id().equals(termId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("term", termId.toString()));
    }

    private static ServiceResource.ServiceView find(Setup setup, UUID serviceId) {
        return setup.services().stream().filter(s -> s.id().equals(serviceId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("service", serviceId.toString()));
    }

    private static String planUrl(String tenant, String school, UUID term) {
        return PortalPath.PREFIX + tenant + "/setup/" + school + "/terms/" + term + "/plan?saved=true";
    }

    private static String serviceUrl(String tenant, String school, UUID service) {
        return PortalPath.PREFIX + tenant + "/setup/" + school + "/services/" + service;
    }

    /** Bean-validation messages by field, "missing" in the pages' own words (the API's rules, in the page's language). */
    private <T> Map<String, String> violations(T body, Cat cat) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : validator.validate(body)) {
            Class<? extends Annotation> constraint = v.getConstraintDescriptor().getAnnotation().annotationType();
            String message = constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class
                    ? cat.fieldMissing() : v.getMessage();
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field.contains("[") ? field.substring(0, field.indexOf('[')) : field, message);
        }
        return errors;
    }

    private static LocalDate date(String text, String field, boolean required, Map<String, String> errors, Cat cat) {
        if (text.isEmpty()) {
            if (required) {
                errors.put(field, cat.fieldMissing());
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            errors.put(field, cat.fieldMalformed());
            return null;
        }
    }

    static Response page(int status, TemplateInstance page, Shell shell) {
        return Response.status(status).type(HTML_TYPE).entity(page.setLocale(shell.lang().locale())).build();
    }

    static Cat cat(Shell shell) {
        return shell.lang().english() ? MessageBundles.get(Cat.class, Localized.Literal.of(shell.lang().tag()))
                : MessageBundles.get(Cat.class);
    }

    static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
