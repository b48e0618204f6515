package cn.kehou.server.portal;

import cn.kehou.server.guardians.GuardianResource;
import cn.kehou.server.guardians.Guardianship;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.tenancy.PublicTenantResource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parent's children and the request to be linked to one; the rules are GuardianResource's. */
@Path("/t/{tenant}/children")
@Produces(MediaType.TEXT_HTML)
public class ChildrenPages {

    @Inject
    PortalSession session;
    @Inject
    Homes homes;
    @Inject
    GuardianResource guardians;
    @Inject
    PublicTenantResource publicTenants;
    @Inject
    PortalLanguage language;
    @Inject
    Validator validator;
    @Inject
    Caller caller;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance children(Shell shell, List<GuardianResource.ChildView> children,
                                                Map<String, String> schoolNames, boolean requested);

        static native TemplateInstance link(Shell shell, LinkForm form);
    }

    /** The children a school has confirmed for this parent (as GET /api/t/{tenant}/me/children). */
    @GET
    public TemplateInstance children(@PathParam("tenant") String code, @QueryParam("requested") boolean requested) {
        Shell shell = session.enter(code);
        return Templates.children(shell, homes.children(), homes.schoolNames(), requested).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/link")
    public TemplateInstance linkForm(@PathParam("tenant") String code) {
        Shell shell = session.enter(code);
        caller.require("me.children"); // the API's permission for a parent's own children
        return Templates.link(shell, LinkForm.blank(publicTenants.page(code).schools())).setLocale(shell.lang().locale());
    }

    /**
     * Sends the request (as POST /api/t/{tenant}/me/guardianships). Errors come back on the form, next
     * to their fields; with htmx only the form is replaced, without script the whole page.
     */
    @POST
    @Path("/link")
    public Response link(@PathParam("tenant") String code, @HeaderParam("HX-Request") String htmx,
                         @RestForm String school, @RestForm String childName, @RestForm String grade,
                         @RestForm String className, @RestForm String relation) {
        Shell shell = session.enter(code);
        caller.require("me.children");
        LinkForm form = new LinkForm(trim(school), trim(childName), trim(grade), trim(className), trim(relation), Map.of(),
                null, null, publicTenants.page(code).schools());
        GuardianResource.LinkRequest body = new GuardianResource.LinkRequest(form.school(), form.childName(),
                parseGrade(form.grade()), form.className(), parseRelation(form.relation()));
        Map<String, String> errors = fieldErrors(body);
        if (!errors.isEmpty()) {
            return page(shell, form.withErrors(errors), 422);
        }
        try {
            guardians.requestLink(body);
        } catch (ProblemException p) {
            boolean en = shell.lang().english();
            String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
            return switch (p.code()) {
                case "NOT_FOUND" -> page(shell, form.withErrors(Map.of("school", detail)), p.status());
                case "CHILD_NOT_FOUND", "GUARDIANSHIP_EXISTS" ->
                        page(shell, form.withProblem(ProblemMessages.title(p.code(), en), detail), p.status());
                default -> throw p;
            };
        }
        String done = PortalPath.PREFIX + code + "/children?requested=true";
        return "true".equals(htmx) ? Response.ok().header("HX-Redirect", done).build()
                : Response.seeOther(URI.create(done)).build();
    }

    private Response page(Shell shell, LinkForm form, int status) {
        return Response.status(status).type(PortalFilters.HTML)
                .entity(Templates.link(shell, form).setLocale(shell.lang().locale())).build();
    }

    /** Field → message in the page's language; "missing" in the portal's own words. */
    private Map<String, String> fieldErrors(GuardianResource.LinkRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<GuardianResource.LinkRequest> v : validator.validate(body)) {
            Class<? extends Annotation> constraint = v.getConstraintDescriptor().getAnnotation().annotationType();
            String message = constraint == NotNull.class || constraint == NotBlank.class ? language.msg().fieldMissing()
                    : v.getMessage();
            errors.putIfAbsent(v.getPropertyPath().toString(), message);
        }
        // Show them in the form's order.
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : List.of("school", "childName", "grade", "className", "relation")) {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        }
        return ordered;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static Integer parseGrade(String grade) {
        return grade.matches("\\d{1,2}") ? Integer.valueOf(grade) : null;
    }

    private static Guardianship.Relation parseRelation(String relation) {
        return Arrays.stream(Guardianship.Relation.values()).filter(r -> r.name().equals(relation)).findFirst().orElse(null);
    }
}
