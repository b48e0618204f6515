package cn.kehou.server.attendance;

import cn.kehou.server.guardians.GuardianResource;
import cn.kehou.server.portal.Homes;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A guardian's phone page: for each of their children, the people authorised to take it home
 * (standing ones and one-off delegates for a date; add and revoke) and where the child is today
 * (checked in, absent, who is responsible now, gone home with whom and when). Everything goes
 * through {@link PickupResource} (same permission, same guardian check, same audit); a refusal is
 * shown next to the child's form in the user's language. Works without script.
 */
@Path("/t/{tenant}/pickup")
@Produces(MediaType.TEXT_HTML)
public class PickupPages {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    PortalSession session;
    @Inject
    PickupResource api;
    @Inject
    Homes homes;
    @Inject
    Validator validator;
    @Inject
    Clock clock;

    /** The add-a-person form of one child: what was typed, its field errors and a refusal of the API's. */
    public record Form(String name, String relation, String phone, String validOn, Map<String, String> errors,
                       RosterPages.Refusal refusal) {
        static Form blank() {
            return new Form("", "", "", "", Map.of(), null);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The child in one of today's sessions, with its times as the school's clock shows them. */
    public record Line(PickupResource.Today today, String checkedInAt, String departedAt) {
        public boolean present() {
            return today.status() == Rosters.Status.PRESENT;
        }

        public boolean departed() {
            return today.status() == Rosters.Status.DEPARTED;
        }

        public boolean absent() {
            return today.status() == Rosters.Status.ABSENT;
        }

        public String responsible() {
            return dash(today.responsible());
        }

        public String departedWith() {
            return dash(today.departedWith());
        }

        public String absenceReason() {
            return dash(today.absenceReason());
        }
    }

    static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** One child's card: the child, its school's name, who may take it home, today, and its form. */
    public record ChildCard(GuardianResource.ChildView child, String school, List<Pickup.Person> standing,
                            List<Pickup.Person> delegates, List<Line> today, Form form) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pickup(Shell shell, LocalDate today, List<ChildCard> cards, boolean saved);
    }

    @GET
    public TemplateInstance page(@PathParam("tenant") String code, @QueryParam("saved") boolean saved) {
        Shell shell = session.enter(code);
        return render(shell, null, null, saved);
    }

    /** Registers a pickup person (as POST …/me/children/{child}/pickup-persons); a date makes it a one-off delegate. */
    @POST
    @Path("/{child}/persons")
    public Response register(@PathParam("tenant") String code, @PathParam("child") UUID child, @RestForm String name,
                             @RestForm String relation, @RestForm String phone, @RestForm String validOn) {
        Shell shell = session.enter(code);
        Form typed = new Form(trim(name), trim(relation), trim(phone), trim(validOn), Map.of(), null);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        if (!typed.validOn().isEmpty()) {
            try {
                date = LocalDate.parse(typed.validOn());
            } catch (DateTimeParseException e) {
                errors.put("validOn", texts(shell).dateInvalid());
            }
        }
        PickupResource.NewPerson body = new PickupResource.NewPerson(typed.name(), typed.relation(), typed.phone(), date);
        for (ConstraintViolation<PickupResource.NewPerson> v : validator.validate(body)) {
            Class<?> constraint = v.getConstraintDescriptor().getAnnotation().annotationType();
            String message = constraint == NotBlank.class ? texts(shell).fieldMissing()
                    : constraint == Pattern.class ? texts(shell).phoneInvalid() : texts(shell).tooLong();
            errors.putIfAbsent(v.getPropertyPath().toString(), message);
        }
        if (!errors.isEmpty()) {
            return refused(shell, child, new Form(typed.name(), typed.relation(), typed.phone(), typed.validOn(), errors, null), 422);
        }
        try {
            api.register(child, body);
        } catch (ProblemException p) {
            if (p.status() == 403 || p.status() == 404 || p.status() >= 500) {
                throw p;
            }
            return refused(shell, child, new Form(typed.name(), typed.relation(), typed.phone(), typed.validOn(), Map.of(),
                    refusal(shell, p, child)), p.status());
        }
        return done(code, child);
    }

    /** Revokes a pickup person (as POST …/pickup-persons/{id}/revoke). */
    @POST
    @Path("/{child}/persons/{id}/revoke")
    public Response revoke(@PathParam("tenant") String code, @PathParam("child") UUID child, @PathParam("id") UUID id) {
        session.enter(code);
        api.revoke(child, id);
        return done(code, child);
    }

    private Response done(String code, UUID child) {
        return Response.seeOther(URI.create(PortalPath.PREFIX + code + "/pickup?saved=true#child-" + child)).build();
    }

    private Response refused(Shell shell, UUID child, Form form, int status) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(render(shell, child, form, false)).build();
    }

    private TemplateInstance render(Shell shell, UUID child, Form form, boolean saved) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> schools = homes.schoolNames();
        List<ChildCard> cards = homes.children().stream().map(c -> {
            List<Pickup.Person> persons = api.persons(c.id()).stream().filter(p -> !p.revoked()).toList();
            List<Line> lines = api.attendance(c.id(), today).stream()
                    .map(t -> new Line(t, dash(time(t.checkedInAt())), dash(time(t.departedAt())))).toList();
            return new ChildCard(c, schools.getOrDefault(c.school(), c.school()),
                    persons.stream().filter(p -> p.validOn() == null).toList(),
                    persons.stream().filter(p -> p.validOn() != null && !p.validOn().isBefore(today)).toList(),
                    lines, c.id().equals(child) ? form : Form.blank());
        }).toList();
        return Templates.pickup(shell, today, cards, saved).setLocale(shell.lang().locale());
    }

    private String time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).format(HH_MM);
    }

    private static RosterPages.Refusal refusal(Shell shell, ProblemException p, UUID child) {
        boolean en = shell.lang().english();
        String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
        return new RosterPages.Refusal(p.code(), ProblemMessages.title(p.code(), en), detail, child);
    }

    private static AttMsg texts(Shell shell) {
        return shell.lang().english() ? MessageBundles.get(AttMsg.class, Localized.Literal.of(shell.lang().tag()))
                : MessageBundles.get(AttMsg.class);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
