package cn.kehou.server.attendance;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The service teacher's phone roster: tap to check a child in, "all present", absence, hand-over,
 * and release to an authorised pickup person. Every action goes through {@link RosterResource}
 * (same permission checks, same rules); a refusal is shown on the page in the user's language —
 * an unauthorised pickup person with the instruction to call the guardian. Works without script.
 */
@Path("/t/{tenant}/rosters")
@Produces(MediaType.TEXT_HTML)
public class RosterPages {

    @Inject
    PortalSession session;
    @Inject
    RosterResource api;
    @Inject
    Rosters rosters;
    @Inject
    Pickup pickup;
    @Inject
    Clock clock;

    /** A refusal shown on the page: its title and what to do, and which child it is about. */
    public record Refusal(String code, String title, String detail, UUID child) {
    }

    /** One card of the roster: the child and, for a child present, who may take it home today. */
    public record Card(Rosters.ChildRow row, List<Pickup.Person> pickupPersons) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sessions(Shell shell, String school, LocalDate date, List<Rosters.SessionView> sessions);

        static native TemplateInstance roster(Shell shell, String school, String base, Rosters.RosterView roster,
                                              List<Card> cards, Refusal refusal, boolean saved);
    }

    /** The service teacher's home list: today's sessions at {@code school} they are on duty for. */
    public Waiting todaysSessions(String tenantCode, School school) {
        LocalDate today = LocalDate.now(clock);
        List<Waiting.Item> items = api.sessions(school.code, today).stream()
                .map(s -> new Waiting.Item(s.title(), s.start() + "–" + s.end() + " · " + s.venue(),
                        url(tenantCode, school.code, s.service(), today)))
                .toList();
        return new Waiting(Waiting.Kind.SESSIONS, items, PortalPath.PREFIX + tenantCode + "/rosters/" + school.code);
    }

    @GET
    @Path("/{school}")
    public TemplateInstance sessions(@PathParam("tenant") String code, @PathParam("school") String school,
                                     @QueryParam("date") LocalDate date) {
        Shell shell = session.enter(code);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        return Templates.sessions(shell, school, day, api.sessions(school, day)).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/{school}/{service}/{date}")
    public TemplateInstance roster(@PathParam("tenant") String code, @PathParam("school") String school,
                                   @PathParam("service") UUID service, @PathParam("date") LocalDate date,
                                   @QueryParam("saved") boolean saved) {
        Shell shell = session.enter(code);
        return page(shell, school, api.roster(school, service, date), null, saved);
    }

    @POST
    @Path("/{school}/{service}/{date}/check-in")
    public Response checkIn(@PathParam("tenant") String code, @PathParam("school") String school,
                            @PathParam("service") UUID service, @PathParam("date") LocalDate date,
                            @RestForm String child, @RestForm boolean all) {
        Shell shell = session.enter(code);
        UUID id = uuid(child);
        return act(shell, school, service, date, id, () -> api.checkIn(school, service, date,
                new RosterResource.CheckIn(id == null ? List.of() : List.of(id), all)));
    }

    @POST
    @Path("/{school}/{service}/{date}/absent")
    public Response absent(@PathParam("tenant") String code, @PathParam("school") String school,
                           @PathParam("service") UUID service, @PathParam("date") LocalDate date,
                           @RestForm String child, @RestForm String reason) {
        Shell shell = session.enter(code);
        UUID id = uuid(child);
        return act(shell, school, service, date, id, () -> api.absent(school, service, date,
                new RosterResource.Absence(id, blankToNull(reason) == null ? "—" : reason.strip())));
    }

    @POST
    @Path("/{school}/{service}/{date}/handover")
    public Response handOver(@PathParam("tenant") String code, @PathParam("school") String school,
                             @PathParam("service") UUID service, @PathParam("date") LocalDate date, @RestForm String to) {
        Shell shell = session.enter(code);
        return act(shell, school, service, date, null, () -> {
            List<UUID> present = api.roster(school, service, date).children().stream()
                    .filter(c -> c.status() == Rosters.Status.PRESENT).map(Rosters.ChildRow::child).toList();
            String adult = blankToNull(to);
            if (adult == null) {
                throw new ProblemException(422, "NOT_SCHOOL_STAFF", "—");
            }
            return api.handOver(school, service, date, new RosterResource.HandOver(present, adult));
        });
    }

    @POST
    @Path("/{school}/{service}/{date}/departure")
    public Response depart(@PathParam("tenant") String code, @PathParam("school") String school,
                           @PathParam("service") UUID service, @PathParam("date") LocalDate date,
                           @RestForm String child, @RestForm String person, @RestForm String name, @RestForm String phone) {
        Shell shell = session.enter(code);
        UUID id = uuid(child);
        UUID who = "other".equals(person) || "alone".equals(person) ? null : uuid(person);
        boolean other = "other".equals(person);
        return act(shell, school, service, date, id, () -> {
            if (other && blankToNull(name) == null && blankToNull(phone) == null) {
                // "Someone else" without a name or phone is nobody the guardian authorised.
                throw new ProblemException(422, "PICKUP_NOT_AUTHORIZED");
            }
            return api.depart(school, service, date,
                    new RosterResource.Departure(id, who, other ? blankToNull(name) : null, other ? blankToNull(phone) : null));
        });
    }

    private Response act(Shell shell, String school, UUID service, LocalDate date, UUID child, Supplier<Rosters.RosterView> action) {
        try {
            action.get();
        } catch (ProblemException p) {
            if (p.status() == 403 || p.status() == 404 || p.status() >= 500) {
                throw p;
            }
            boolean en = shell.lang().english();
            String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
            Refusal refusal = new Refusal(p.code(), ProblemMessages.title(p.code(), en), detail, child);
            return Response.status(p.status()).type("text/html;charset=UTF-8")
                    .entity(page(shell, school, api.roster(school, service, date), refusal, false)).build();
        }
        return Response.seeOther(URI.create(url(shell.tenantCode(), school, service, date) + "?saved=true")).build();
    }

    private TemplateInstance page(Shell shell, String school, Rosters.RosterView roster, Refusal refusal, boolean saved) {
        Map<UUID, List<Pickup.Person>> persons = new LinkedHashMap<>();
        List<Card> cards = roster.children().stream().map(c -> new Card(c, c.status() == Rosters.Status.PRESENT
                ? persons.computeIfAbsent(c.child(), k -> pickup.authorisedOn(k, roster.session().date())) : List.of())).toList();
        String base = url(shell.tenantCode(), school, roster.session().service(), roster.session().date());
        return Templates.roster(shell, school, base, roster, cards, refusal, saved).setLocale(shell.lang().locale());
    }

    static String url(String tenant, String school, UUID service, LocalDate date) {
        return PortalPath.PREFIX + tenant + "/rosters/" + school + "/" + service + "/" + date;
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
