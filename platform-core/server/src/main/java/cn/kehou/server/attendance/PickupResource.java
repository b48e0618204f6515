package cn.kehou.server.attendance;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A guardian's side of pickup: the people they authorise to take their child home (standing, or a
 * delegate for one date), agreed departures, and the child's attendance today. Only a confirmed
 * guardian of the child reaches any of it; every change is audited.
 */
@Path("/api/t/{tenant}/me/children/{child}")
@Produces(MediaType.APPLICATION_JSON)
public class PickupResource {

    @Inject
    Caller caller;
    @Inject
    People people;
    @Inject
    Pickup pickup;
    @Inject
    Rosters rosters;
    @Inject
    AttendanceAudit audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public record NewPerson(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String relation,
                            @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone, LocalDate validOn) {
    }

    public record NewArrangement(@NotNull UUID service, LocalDate date, @NotNull LocalTime leaveAt, boolean goesAlone) {
    }

    /** The child in one of today's sessions, as its guardian sees it. */
    public record Today(UUID service, String title, LocalDate date, LocalTime start, LocalTime end, Rosters.Status status,
                        String absenceReason, String responsible, String departedWith, OffsetDateTime checkedInAt,
                        OffsetDateTime departedAt) {
    }

    static final String PERSON = "SELECT to_jsonb(p)::text FROM pickup_person p WHERE id = ?1";

    @GET
    @Path("/pickup-persons")
    @Transactional
    public List<Pickup.Person> persons(@PathParam("child") UUID child) {
        guardianOf(child);
        return pickup.persons(child);
    }

    @POST
    @Path("/pickup-persons")
    @Transactional
    public Response register(@PathParam("child") UUID child, @Valid @NotNull NewPerson body) {
        UUID tenant = guardianOf(child);
        if (body.validOn() != null && body.validOn().isBefore(LocalDate.now(clock))) {
            throw new ProblemException(400, "DELEGATE_DATE_PAST", body.validOn());
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO pickup_person (tenant_id, id, child_id, name, relation, phone, valid_on, registered_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, tenant).setParameter(2, id).setParameter(3, child).setParameter(4, body.name().strip())
                .setParameter(5, body.relation().strip()).setParameter(6, body.phone().strip()).setParameter(7, body.validOn())
                .setParameter(8, caller.username()).executeUpdate();
        audit.append(tenant, caller.username(), "pickup.person-register", "child:" + child, null, audit.rowJson(PERSON, id));
        return Response.status(201).entity(pickup.persons(child).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow())
                .build();
    }

    @POST
    @Path("/pickup-persons/{id}/revoke")
    @Transactional
    public Pickup.Person revoke(@PathParam("child") UUID child, @PathParam("id") UUID id) {
        UUID tenant = guardianOf(child);
        Pickup.Person p = pickup.persons(child).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("pickup person", id.toString()));
        if (!p.revoked()) {
            String before = audit.rowJson(PERSON, id);
            em.createNativeQuery("UPDATE pickup_person SET revoked_at = now() WHERE id = ?1").setParameter(1, id).executeUpdate();
            audit.append(tenant, caller.username(), "pickup.person-revoke", "child:" + child, before, audit.rowJson(PERSON, id));
        }
        return pickup.persons(child).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** An agreed departure time (弹性离校) for one date or every service day; checked by {@link Pickup#checkArrangement}. */
    @POST
    @Path("/departure-arrangements")
    @Transactional
    public Response arrange(@PathParam("child") UUID child, @Valid @NotNull NewArrangement body) {
        UUID tenant = guardianOf(child);
        OfferedService s = OfferedService.findById(body.service());
        if (s == null || ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM enrollment_application WHERE service_id = ?1 AND child_id = ?2 AND status = 'ARRANGED'")
                .setParameter(1, s.id).setParameter(2, child).getSingleResult()).intValue() == 0) {
            throw ProblemException.notFound("service", String.valueOf(body.service()));
        }
        School school = School.findById(s.schoolId);
        LocalDate day = body.date() == null ? LocalDate.now(clock) : body.date();
        pickup.checkArrangement(school, s, day, body.leaveAt());
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO departure_arrangement (tenant_id, id, child_id, service_id, on_date, leave_at, goes_alone, registered_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, tenant).setParameter(2, id).setParameter(3, child).setParameter(4, s.id)
                .setParameter(5, body.date()).setParameter(6, body.leaveAt()).setParameter(7, body.goesAlone())
                .setParameter(8, caller.username()).executeUpdate();
        audit.append(tenant, caller.username(), "pickup.arrangement", "child:" + child, null,
                audit.rowJson("SELECT to_jsonb(a)::text FROM departure_arrangement a WHERE id = ?1", id));
        return Response.status(201).entity(new Pickup.Arrangement(id, s.id, body.date(), body.leaveAt(), body.goesAlone())).build();
    }

    /** Where the child is in each of its sessions on {@code date} (today by default). */
    @GET
    @Path("/attendance")
    @Transactional
    public List<Today> attendance(@PathParam("child") UUID child, @QueryParam("date") LocalDate date) {
        guardianOf(child);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        @SuppressWarnings("unchecked")
        List<UUID> services = em.createNativeQuery(
                        "SELECT service_id FROM enrollment_application WHERE child_id = ?1 AND status = 'ARRANGED'")
                .setParameter(1, child).getResultList();
        List<Today> out = new ArrayList<>();
        for (UUID id : services) {
            OfferedService s = OfferedService.findById(id);
            if (s == null || !rosters.held(s, day)) {
                continue;
            }
            rosters.roster(s, day).children().stream().filter(c -> c.child().equals(child)).findFirst().ifPresent(c ->
                    out.add(new Today(s.id, s.titleZh, day, s.start, s.end, c.status(), c.absenceReason(), c.responsible(),
                            c.departedWith(), c.checkedInAt(), c.departedAt())));
        }
        return out;
    }

    /** The child's tenant, when the caller is its confirmed guardian here; otherwise 404 (nothing about the child leaks). */
    private UUID guardianOf(UUID child) {
        caller.require("me.pickup");
        List<?> tenant = em.createNativeQuery("SELECT tenant_id FROM child WHERE id = ?1").setParameter(1, child).getResultList();
        if (tenant.isEmpty() || !people.guards(child, caller.username())) {
            throw ProblemException.notFound("child", child.toString());
        }
        return (UUID) tenant.get(0);
    }
}
