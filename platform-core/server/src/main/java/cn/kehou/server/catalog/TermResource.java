package cn.kehou.server.catalog;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.Reason;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.notices.Notices;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A school's terms and, per term, its plan (一校一案): organisation, content, times, venues, staff,
 * safeguards and timetable. The school files the plan; the bureau approves it or sends it back.
 * Whether that is enough for enrollment to open is the regional plugin's call (checkPlanFiling):
 * 000 wants it approved before term, 001 filed a week before, 004 sets no rule.
 */
@Path("/api/t/{tenant}/schools/{school}/terms")
@Produces(MediaType.APPLICATION_JSON)
public class TermResource {

    /** The longest term accepted (a school year and a bit). */
    static final int MAX_TERM_DAYS = 400;

    @Inject
    Caller caller;
    @Inject
    CatalogSchools schools;
    @Inject
    RegionRules rules;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Notices notices;
    @Inject
    EntityManager em;

    public record Holiday(@NotBlank @Size(max = 100) String name, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    public record NewTerm(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                          List<@Valid @NotNull Holiday> holidays, LocalTime normalDismissal,
                          @Min(20) @Max(60) Integer periodMinutes) {
    }

    public record Plan(@NotBlank @Size(max = 4000) String organisation, @NotBlank @Size(max = 4000) String content,
                       @NotBlank @Size(max = 4000) String times, @NotBlank @Size(max = 4000) String venues,
                       @NotBlank @Size(max = 4000) String staffing, @NotBlank @Size(max = 4000) String safeguards,
                       @NotBlank @Size(max = 8000) String timetable) {
    }

    public record Review(@NotNull Boolean approved, @Size(max = 1000) String note) {
    }

    /** The plugin's answer to "may enrollment open on the strength of this plan today?". */
    public record FilingCheck(boolean allowed, List<Reason> reasons) {
        static FilingCheck of(Decision d) {
            return new FilingCheck(d.allowed(), d.reasons());
        }
    }

    public record PlanView(UUID term, Plan plan, ServicePlan.Status status, LocalDate filedOn, LocalDate decidedOn,
                           String decidedBy, String reviewNote, FilingCheck filing) {
        static PlanView of(ServicePlan p, FilingCheck filing) {
            return new PlanView(p.termId, new Plan(p.organisation, p.content, p.times, p.venues, p.staffing, p.safeguards,
                    p.timetable), p.status, p.filedOn, p.decidedOn, p.decidedBy, p.reviewNote, filing);
        }
    }

    public record TermView(UUID id, String name, LocalDate startsOn, LocalDate endsOn, List<Holiday> holidays,
                           LocalTime normalDismissal, int periodMinutes, PlanView plan) {
        static TermView of(SchoolTerm t) {
            List<Holiday> holidays = t.holidays == null ? List.of() : t.holidays.stream()
                    .map(h -> new Holiday(h.get("name"), LocalDate.parse(h.get("from")), LocalDate.parse(h.get("to"))))
                    .toList();
            PlanView plan = ServicePlan.<ServicePlan>findByIdOptional(t.id).map(p -> PlanView.of(p, null)).orElse(null);
            return new TermView(t.id, t.name, t.startsOn, t.endsOn, holidays, t.normalDismissal, t.periodMinutes, plan);
        }
    }

    @GET
    @Transactional
    public List<TermView> list(@PathParam("school") String schoolCode) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        return SchoolTerm.<SchoolTerm>list("schoolId = ?1 order by startsOn, name", school.id).stream()
                .map(TermView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@PathParam("school") String schoolCode, @Valid @NotNull NewTerm body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        if (!body.endsOn().isAfter(body.startsOn()) || body.startsOn().plusDays(MAX_TERM_DAYS).isBefore(body.endsOn())) {
            throw new ProblemException(400, "TERM_DATES_INVALID", MAX_TERM_DAYS);
        }
        List<Map<String, String>> holidays = new ArrayList<>();
        for (Holiday h : body.holidays() == null ? List.<Holiday>of() : body.holidays()) {
            if (h.to().isBefore(h.from()) || h.from().isBefore(body.startsOn()) || h.to().isAfter(body.endsOn())) {
                throw new ProblemException(400, "HOLIDAY_OUTSIDE_TERM", h.name());
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", h.name());
            entry.put("from", h.from().toString());
            entry.put("to", h.to().toString());
            holidays.add(entry);
        }
        school = schools.own(schoolCode);
        if (SchoolTerm.count("schoolId = ?1 and name = ?2", school.id, body.name()) > 0) {
            throw new ProblemException(409, "TERM_NAME_TAKEN", body.name());
        }
        SchoolTerm t = new SchoolTerm();
        t.id = UUID.randomUUID();
        t.tenantId = school.tenantId;
        t.schoolId = school.id;
        t.name = body.name();
        t.startsOn = body.startsOn();
        t.endsOn = body.endsOn();
        t.holidays = holidays;
        t.normalDismissal = body.normalDismissal() == null ? school.normalDismissal : body.normalDismissal();
        t.periodMinutes = body.periodMinutes() == null ? school.periodMinutes : body.periodMinutes();
        t.createdBy = caller.username();
        t.persist();
        audit.record(t.tenantId, caller.username(), "term.create", "school:" + school.code, TermView.of(t));
        return Response.status(201).entity(TermView.of(t)).build();
    }

    /** Writes the plan; a filed plan goes back to draft, an approved one cannot be changed. */
    @PUT
    @Path("/{term}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public PlanView writePlan(@PathParam("school") String schoolCode, @PathParam("term") UUID termId,
                              @Valid @NotNull Plan body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        school = schools.own(schoolCode);
        SchoolTerm term = term(school, termId);
        ServicePlan p = ServicePlan.<ServicePlan>findByIdOptional(term.id).orElse(null);
        if (p == null) {
            p = new ServicePlan();
            p.termId = term.id;
            p.tenantId = term.tenantId;
            p.schoolId = school.id;
        } else if (p.status == ServicePlan.Status.APPROVED) {
            throw new ProblemException(409, "PLAN_ALREADY_APPROVED");
        }
        p.organisation = body.organisation();
        p.content = body.content();
        p.times = body.times();
        p.venues = body.venues();
        p.staffing = body.staffing();
        p.safeguards = body.safeguards();
        p.timetable = body.timetable();
        p.status = ServicePlan.Status.DRAFT;
        p.filedOn = null;
        p.decidedOn = null;
        p.decidedBy = null;
        p.reviewNote = null;
        p.updatedBy = caller.username();
        p.persist();
        audit.record(p.tenantId, caller.username(), "plan.write", "term:" + term.id, body);
        return view(school, term, p);
    }

    /** Files the plan with the bureau today. */
    @POST
    @Path("/{term}/plan/file")
    @Transactional
    public PlanView file(@PathParam("school") String schoolCode, @PathParam("term") UUID termId) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        school = schools.own(schoolCode);
        SchoolTerm term = term(school, termId);
        ServicePlan p = plan(term);
        if (p.status != ServicePlan.Status.DRAFT && p.status != ServicePlan.Status.RETURNED) {
            throw new ProblemException(409, "PLAN_ALREADY_FILED", p.status);
        }
        p.status = ServicePlan.Status.FILED;
        p.filedOn = LocalDate.now(clock);
        p.decidedOn = null;
        p.decidedBy = null;
        p.updatedBy = caller.username();
        audit.record(p.tenantId, caller.username(), "plan.file", "term:" + term.id, p.filedOn);
        announceToEveryGuardian(school, term);
        return view(school, term, p);
    }

    /** The bureau approves a filed plan, or returns it with a note. */
    @POST
    @Path("/{term}/plan/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public PlanView review(@PathParam("school") String schoolCode, @PathParam("term") UUID termId,
                           @Valid @NotNull Review body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("plan.review", school.id);
        if (!body.approved() && (body.note() == null || body.note().isBlank())) {
            throw new ProblemException(400, "REASON_REQUIRED");
        }
        school = schools.own(schoolCode);
        SchoolTerm term = term(school, termId);
        ServicePlan p = plan(term);
        if (p.status != ServicePlan.Status.FILED) {
            throw new ProblemException(409, "PLAN_NOT_FILED", p.status);
        }
        p.status = body.approved() ? ServicePlan.Status.APPROVED : ServicePlan.Status.RETURNED;
        p.decidedOn = LocalDate.now(clock);
        p.decidedBy = caller.username();
        p.reviewNote = body.note();
        audit.record(p.tenantId, caller.username(), body.approved() ? "plan.approve" : "plan.return", "term:" + term.id, body);
        return view(school, term, p);
    }

    /**
     * 001 五(二)2: the parents of pupils who take part AND of those who do not are told of the plan
     * (services, times, pickup) — so every confirmed guardian at the school, once per term.
     */
    private void announceToEveryGuardian(School school, SchoolTerm term) {
        @SuppressWarnings("unchecked")
        List<String> guardians = em.createNativeQuery("""
                        SELECT DISTINCT g.username FROM guardianship g
                        JOIN child c ON c.tenant_id = g.tenant_id AND c.id = g.child_id
                        WHERE c.school_id = ?1 AND g.status = 'CONFIRMED'""")
                .setParameter(1, school.id).getResultList();
        String tenantCode = Tenant.<Tenant>findByIdOptional(school.tenantId).map(t -> t.code).orElseThrow();
        notices.send(school.tenantId, guardians, new Notices.Notice("SERVICE_PLAN",
                school.nameZh + "：" + term.name + " 课后服务方案已报教育局",
                "学校已制定本学期课后服务方案（服务内容、时间和接送安排）。课后服务由家长自愿选择参加；"
                        + "不参加的学生按正常放学时间离校，请家长做好接送安排。",
                PortalPath.PREFIX + tenantCode + "/enrollment", school.id, "plan:" + term.id));
    }

    private PlanView view(School school, SchoolTerm term, ServicePlan p) {
        return PlanView.of(p, FilingCheck.of(filing(rules, school, term, p, LocalDate.now(clock))));
    }

    /** The plugin's verdict on the plan of {@code term} as of {@code day}; no plan counts as nothing filed. */
    static Decision filing(RegionRules rules, School school, SchoolTerm term, ServicePlan plan, LocalDate day) {
        LocalDate on = plan == null ? null : plan.filedOrApprovedOn();
        boolean approved = plan != null && plan.status == ServicePlan.Status.APPROVED;
        return rules.planFiling(school, day, term.startsOn, on, approved);
    }

    static SchoolTerm term(School school, UUID termId) {
        return SchoolTerm.<SchoolTerm>find("id = ?1 and schoolId = ?2", termId, school.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("term", termId.toString()));
    }

    private static ServicePlan plan(SchoolTerm term) {
        return ServicePlan.<ServicePlan>findByIdOptional(term.id)
                .orElseThrow(() -> new ProblemException(409, "PLAN_MISSING", term.name));
    }
}
