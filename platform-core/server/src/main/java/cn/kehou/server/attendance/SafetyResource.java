package cn.kehou.server.attendance;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A school's safety registers (001 §四, 003 §五: 门卫登记, 应急预案, 安全保险): visitors at the gate,
 * emergency plans with their drills, insurance for pupils and staff. Rows are only added (a visitor
 * gains the time they left); each addition is also in the audit chain.
 */
@Path("/api/t/{tenant}/schools/{school}/safety")
@Produces(MediaType.APPLICATION_JSON)
public class SafetyResource {

    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    AttendanceAudit audit;
    @Inject
    Clock clock;

    public record NewVisit(@NotBlank @Size(max = 50) String name, @Size(max = 100) String organisation,
                           @NotBlank @Size(max = 200) String purpose, @Size(max = 20) String phone) {
    }

    public record Visit(UUID id, String name, String organisation, String purpose, String phone, OffsetDateTime arrivedAt,
                        OffsetDateTime leftAt, String recordedBy) {
    }

    public record NewPlan(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String content,
                          @NotNull LocalDate adoptedOn) {
    }

    public record NewDrill(@NotNull LocalDate heldOn, @Min(1) @Max(100000) int participants, @NotBlank @Size(max = 2000) String notes) {
    }

    public record Drill(UUID id, LocalDate heldOn, int participants, String notes, String recordedBy) {
    }

    public record Plan(UUID id, String title, String content, LocalDate adoptedOn, String recordedBy, List<Drill> drills) {
    }

    public enum Covers { PUPILS, STAFF }

    public record NewInsurance(@NotNull Covers covers, @NotBlank @Size(max = 100) String insurer,
                               @NotBlank @Size(max = 100) String policyNo, @NotNull LocalDate validFrom, @NotNull LocalDate validTo,
                               @Min(1) @Max(1000000) int insuredCount) {
    }

    public record Insurance(UUID id, Covers covers, String insurer, String policyNo, LocalDate validFrom, LocalDate validTo,
                            int insuredCount, String recordedBy) {
    }

    /** The gate register of one day (today by default). */
    @GET
    @Path("/visitors")
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Visit> visitors(@PathParam("school") String code, @QueryParam("date") LocalDate date) {
        School school = at(code, "safety.gate");
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        OffsetDateTime from = day.atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, name, organisation, purpose, phone, arrived_at, left_at, recorded_by FROM gate_visit
                        WHERE school_id = ?1 AND arrived_at >= ?2 AND arrived_at < ?3 ORDER BY arrived_at, id""")
                .setParameter(1, school.id).setParameter(2, from).setParameter(3, from.plusDays(1)).getResultList();
        return rows.stream().map(r -> new Visit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                Rosters.time(r[5]), Rosters.time(r[6]), (String) r[7])).toList();
    }

    @POST
    @Path("/visitors")
    @Transactional
    public Response arrive(@PathParam("school") String code, @Valid @NotNull NewVisit body) {
        School school = at(code, "safety.gate");
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO gate_visit (tenant_id, id, school_id, name, organisation, purpose, phone, arrived_at, recorded_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, school.id).setParameter(4, body.name().strip())
                .setParameter(5, body.organisation()).setParameter(6, body.purpose().strip()).setParameter(7, body.phone())
                .setParameter(8, now()).setParameter(9, caller.username()).executeUpdate();
        audit.append(school.tenantId, caller.username(), "safety.visitor", "school:" + school.code, null, row("gate_visit", id));
        return Response.status(201).entity(visit(id)).build();
    }

    @POST
    @Path("/visitors/{id}/leave")
    @Transactional
    public Visit leave(@PathParam("school") String code, @PathParam("id") UUID id) {
        School school = at(code, "safety.gate");
        String before = row("gate_visit", id);
        int n = em.createNativeQuery("UPDATE gate_visit SET left_at = ?3 WHERE id = ?1 AND school_id = ?2 AND left_at IS NULL")
                .setParameter(1, id).setParameter(2, school.id).setParameter(3, now()).executeUpdate();
        if (n == 0 && before == null) {
            throw ProblemException.notFound("visitor", id.toString());
        }
        if (n > 0) {
            audit.append(school.tenantId, caller.username(), "safety.visitor-left", "school:" + school.code, before, row("gate_visit", id));
        }
        return visit(id);
    }

    @GET
    @Path("/emergency-plans")
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Plan> plans(@PathParam("school") String code) {
        School school = at(code, "safety.registers");
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, title, content, adopted_on, recorded_by FROM emergency_plan WHERE school_id = ?1
                        ORDER BY adopted_on DESC, recorded_at DESC""").setParameter(1, school.id).getResultList();
        return rows.stream().map(r -> {
            List<Object[]> drills = em.createNativeQuery("""
                            SELECT id, held_on, participants, notes, recorded_by FROM emergency_drill WHERE plan_id = ?1
                            ORDER BY held_on, recorded_at""").setParameter(1, r[0]).getResultList();
            return new Plan((UUID) r[0], (String) r[1], (String) r[2], Pickup.date(r[3]), (String) r[4], drills.stream()
                    .map(d -> new Drill((UUID) d[0], Pickup.date(d[1]), ((Number) d[2]).intValue(), (String) d[3], (String) d[4]))
                    .toList());
        }).toList();
    }

    @POST
    @Path("/emergency-plans")
    @Transactional
    public Response adopt(@PathParam("school") String code, @Valid @NotNull NewPlan body) {
        School school = at(code, "safety.registers");
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO emergency_plan (tenant_id, id, school_id, title, content, adopted_on, recorded_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, school.id).setParameter(4, body.title().strip())
                .setParameter(5, body.content()).setParameter(6, body.adoptedOn()).setParameter(7, caller.username()).executeUpdate();
        audit.append(school.tenantId, caller.username(), "safety.plan", "school:" + school.code, null, row("emergency_plan", id));
        return Response.status(201).entity(plans(code).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()).build();
    }

    @POST
    @Path("/emergency-plans/{id}/drills")
    @Transactional
    public Response drill(@PathParam("school") String code, @PathParam("id") UUID plan, @Valid @NotNull NewDrill body) {
        School school = at(code, "safety.registers");
        if (plans(code).stream().noneMatch(p -> p.id().equals(plan))) {
            throw ProblemException.notFound("emergency plan", plan.toString());
        }
        if (body.heldOn().isAfter(LocalDate.now(clock))) {
            throw new ProblemException(400, "DRILL_IN_FUTURE", body.heldOn());
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO emergency_drill (tenant_id, id, plan_id, held_on, participants, notes, recorded_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, plan).setParameter(4, body.heldOn())
                .setParameter(5, body.participants()).setParameter(6, body.notes().strip()).setParameter(7, caller.username())
                .executeUpdate();
        audit.append(school.tenantId, caller.username(), "safety.drill", "plan:" + plan, null, row("emergency_drill", id));
        return Response.status(201).entity(plans(code).stream().filter(p -> p.id().equals(plan)).findFirst().orElseThrow()).build();
    }

    @GET
    @Path("/insurance")
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Insurance> insurance(@PathParam("school") String code) {
        School school = at(code, "safety.registers");
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, covers, insurer, policy_no, valid_from, valid_to, insured_count, recorded_by FROM insurance_record
                        WHERE school_id = ?1 ORDER BY valid_from DESC, recorded_at DESC""").setParameter(1, school.id).getResultList();
        return rows.stream().map(r -> new Insurance((UUID) r[0], Covers.valueOf((String) r[1]), (String) r[2], (String) r[3],
                Pickup.date(r[4]), Pickup.date(r[5]), ((Number) r[6]).intValue(), (String) r[7])).toList();
    }

    @POST
    @Path("/insurance")
    @Transactional
    public Response insure(@PathParam("school") String code, @Valid @NotNull NewInsurance body) {
        School school = at(code, "safety.registers");
        if (body.validTo().isBefore(body.validFrom())) {
            throw new ProblemException(400, "INSURANCE_ENDS_BEFORE_START");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO insurance_record (tenant_id, id, school_id, covers, insurer, policy_no, valid_from, valid_to,
                                                      insured_count, recorded_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, school.id).setParameter(4, body.covers().name())
                .setParameter(5, body.insurer().strip()).setParameter(6, body.policyNo().strip()).setParameter(7, body.validFrom())
                .setParameter(8, body.validTo()).setParameter(9, body.insuredCount()).setParameter(10, caller.username())
                .executeUpdate();
        audit.append(school.tenantId, caller.username(), "safety.insurance", "school:" + school.code, null,
                row("insurance_record", id));
        return Response.status(201).entity(insurance(code).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow()).build();
    }

    private School at(String code, String permission) {
        School school = School.require(code);
        caller.requireAtSchool(permission, school.id);
        return school;
    }

    private Visit visit(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        SELECT id, name, organisation, purpose, phone, arrived_at, left_at, recorded_by FROM gate_visit WHERE id = ?1""")
                .setParameter(1, id).getSingleResult();
        return new Visit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], Rosters.time(r[5]),
                Rosters.time(r[6]), (String) r[7]);
    }

    /** {@code table} is one of this class's own table names, never input. */
    private String row(String table, UUID id) {
        return audit.rowJson("SELECT to_jsonb(x)::text FROM " + table + " x WHERE id = ?1", id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
