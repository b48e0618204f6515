package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.guardians.Guardianship;
import cn.kehou.server.plugins.PluginOutput;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applications from apply to arranged, in the steps the region's plugin gives (EnrollmentRules):
 * eligibility, seats (first come, first served, or a lottery), reviews, waitlist offers and
 * withdrawal. Every change is one transaction and one event in the application's trail.
 */
@ApplicationScoped
public class Enrollment {

    /** Steps a school takes; the others are the family's or the platform's. */
    static final Set<EnrollmentStep> REVIEWS = EnumSet.of(EnrollmentStep.CLASS_REVIEW, EnrollmentStep.SCHOOL_REVIEW);
    /** Steps that need a part of the platform not built yet (payments): passed through for now. */
    static final Set<EnrollmentStep> LATER = EnumSet.of(EnrollmentStep.PUBLISH_RESULT, EnrollmentStep.PAY);

    @Inject
    Seats seats;
    @Inject
    RegionPolicies policies;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @ConfigProperty(name = "kehou.enrollment.offer-hours", defaultValue = "48")
    int offerHours;

    public record Outcome(Application application, boolean replayed) {
    }

    /** Fired by a family's withdrawal; observers act after it commits (payments refunds what was not delivered). */
    public record Withdrawn(UUID tenantId, UUID applicationId, String applicant) {
    }

    @Inject
    jakarta.enterprise.event.Event<Withdrawn> withdrawn;

    @Transactional
    public Outcome apply(Tenant tenant, String applicant, UUID childId, UUID serviceId, String pickup, String key) {
        Application earlier = Application.<Application>find("idempotencyKey", key).firstResult();
        if (earlier != null) {
            if (!earlier.childId.equals(childId) || !earlier.serviceId.equals(serviceId) || !earlier.applicant.equals(applicant)) {
                throw new ProblemException(409, "IDEMPOTENCY_KEY_REUSED");
            }
            return new Outcome(earlier, true);
        }
        Child child = Child.<Child>findByIdOptional(childId)
                .filter(c -> Guardianship.confirmed(c.id, applicant))
                .orElseThrow(() -> new ProblemException(404, "CHILD_NOT_FOUND"));
        OfferedService service = OfferedService.<OfferedService>findByIdOptional(serviceId)
                .orElseThrow(() -> ProblemException.notFound("service", String.valueOf(serviceId)));
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(service.validTo)) {
            throw new ProblemException(409, "TERM_CLOSED");
        }
        if (!service.enrollmentOpen) {
            throw new ProblemException(409, "ENROLLMENT_CLOSED");
        }
        checkEligible(tenant, child, service, today);
        if (Application.count("childId = ?1 and serviceId = ?2 and status not in ?3", childId, serviceId,
                List.of(Application.Status.REFUSED, Application.Status.WITHDRAWN, Application.Status.EXPIRED)) > 0) {
            throw new ProblemException(409, "APPLICATION_EXISTS");
        }
        EnrollmentTerms terms = terms(tenant, service, today);
        Application app = new Application();
        app.id = UUID.randomUUID();
        app.tenantId = tenant.id;
        app.serviceId = serviceId;
        app.childId = childId;
        app.applicant = applicant;
        app.priorityGroups = child.priorityGroups == null ? new String[0] : child.priorityGroups;
        app.pickup = pickup;
        app.idempotencyKey = key;
        app.step = next(terms.steps(), EnrollmentStep.APPLY).name();
        app.createdAt = OffsetDateTime.now(clock);
        app.updatedAt = app.createdAt;
        app.explanation = new LinkedHashMap<>();
        if ("LOTTERY".equals(seats.allocation(tenant.id, serviceId))) {
            if (service.signupFrom != null && (today.isBefore(service.signupFrom) || today.isAfter(service.signupTo))) {
                throw new ProblemException(409, "SIGNUP_CLOSED", service.signupFrom, service.signupTo);
            }
            app.status = Application.Status.PENDING;
            app.explanation.put("allocation", "lottery after " + service.signupTo);
        } else if (seats.take(tenant.id, serviceId)) {
            app.holdsSeat = true;
            app.status = EnrollmentStep.ARRANGE.name().equals(app.step) ? Application.Status.ARRANGED : Application.Status.HELD;
            app.explanation.put("allocation", "first come, first served: a seat was free");
        } else {
            app.status = Application.Status.WAITLISTED;
            app.waitlistedAt = app.createdAt;
            app.explanation.put("allocation", "first come, first served: all " + service.capacity + " seats taken");
        }
        app.persist();
        event(app, applicant, null, "applied");
        return new Outcome(app, false);
    }

    /** A school's decision at the application's current review step. */
    @Transactional
    public Application review(Tenant tenant, UUID applicationId, boolean approve, String reviewer, String note) {
        Application app = find(applicationId);
        EnrollmentStep step = EnrollmentStep.valueOf(app.step);
        if (!REVIEWS.contains(step) || !app.status.live()) {
            throw new ProblemException(409, "NOT_AWAITING_REVIEW", app.status, app.step);
        }
        Application.Status before = app.status;
        if (!approve) {
            app.status = Application.Status.REFUSED;
            releaseSeat(app);
        } else {
            advance(tenant, app, step);
        }
        app.updatedAt = OffsetDateTime.now(clock);
        event(app, reviewer, before, note == null ? (approve ? "approved at " + step : "refused at " + step) : note);
        return app;
    }

    /**
     * Participation is voluntary: a family may withdraw at any time and is never penalised; payments
     * refunds what was paid for undelivered sessions (it observes {@link Withdrawn}).
     */
    @Transactional
    public Application withdraw(UUID applicationId, String applicant) {
        Application app = ownApplication(applicationId, applicant);
        if (!app.status.live()) {
            throw new ProblemException(409, "APPLICATION_ENDED", app.status);
        }
        Application.Status before = app.status;
        app.status = Application.Status.WITHDRAWN;
        app.updatedAt = OffsetDateTime.now(clock);
        releaseSeat(app);
        event(app, applicant, before, "withdrawn by the family");
        withdrawn.fire(new Withdrawn(app.tenantId, app.id, applicant));
        return app;
    }

    @Transactional
    public Application acceptOffer(Tenant tenant, UUID applicationId, String applicant) {
        Application app = ownApplication(applicationId, applicant);
        if (app.status != Application.Status.OFFERED || app.offerExpiresAt.toInstant().isBefore(clock.instant())) {
            throw new ProblemException(409, "NO_OPEN_OFFER");
        }
        app.status = EnrollmentStep.ARRANGE.name().equals(app.step) ? Application.Status.ARRANGED : Application.Status.HELD;
        app.offerExpiresAt = null;
        app.updatedAt = OffsetDateTime.now(clock);
        event(app, applicant, Application.Status.OFFERED, "offer accepted");
        return app;
    }

    /** Offers past their deadline expire and pass to the next child; {@code now} from the caller's clock. */
    @Transactional
    public int expireOffers(OffsetDateTime now) {
        List<Application> due = Application.list("status = ?1 and offerExpiresAt < ?2", Application.Status.OFFERED, now);
        for (Application app : due) {
            app.status = Application.Status.EXPIRED;
            app.updatedAt = now;
            releaseSeat(app);
            event(app, "system", Application.Status.OFFERED, "offer expired unanswered");
        }
        return due.size();
    }

    public record LotteryResult(UUID run, long seed, int placed, int waitlisted, List<Map<String, Object>> order) {
    }

    /**
     * Draws the lottery of a service whose application window has closed: guaranteed-priority
     * families first, then a seeded shuffle; siblings placed together; every decision explained.
     */
    @Transactional
    public LotteryResult runLottery(Tenant tenant, UUID serviceId, long seed, String actor) {
        OfferedService service = OfferedService.<OfferedService>findByIdOptional(serviceId)
                .orElseThrow(() -> ProblemException.notFound("service", String.valueOf(serviceId)));
        if (!"LOTTERY".equals(seats.allocation(tenant.id, serviceId))) {
            throw new ProblemException(409, "NOT_A_LOTTERY");
        }
        LocalDate today = LocalDate.now(clock);
        if (service.signupTo != null && !today.isAfter(service.signupTo)) {
            throw new ProblemException(409, "SIGNUP_STILL_OPEN", service.signupTo);
        }
        EnrollmentTerms terms = terms(tenant, service, today);
        Set<String> guaranteedGroups = new java.util.HashSet<>();
        if (terms.priorityGuaranteed()) {
            terms.priorityGroups().forEach(g -> guaranteedGroups.add(g.name()));
        }
        List<Application> pending = Application.list("serviceId = ?1 and status = ?2 order by createdAt, id",
                serviceId, Application.Status.PENDING);
        Map<String, List<Application>> families = new LinkedHashMap<>();
        pending.forEach(a -> families.computeIfAbsent(a.applicant, k -> new java.util.ArrayList<>()).add(a));
        List<LotteryDraw.Unit> units = families.entrySet().stream().map(e -> new LotteryDraw.Unit(e.getKey(),
                e.getValue().stream().map(a -> a.id.toString()).toList(),
                e.getValue().stream().anyMatch(a -> Arrays.stream(a.priorityGroups).anyMatch(guaranteedGroups::contains))))
                .toList();
        int free = service.capacity - seats.taken(tenant.id, serviceId);
        UUID run = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(clock);
        List<Map<String, Object>> order = new java.util.ArrayList<>();
        int placed = 0;
        for (LotteryDraw.Placement p : LotteryDraw.draw(units, free, seed)) {
            for (String id : p.unit().applications()) {
                Application a = Application.findById(UUID.fromString(id));
                Application.Status before = a.status;
                if (p.placed() && seats.take(tenant.id, serviceId)) {
                    a.holdsSeat = true;
                    a.status = EnrollmentStep.ARRANGE.name().equals(a.step) ? Application.Status.ARRANGED : Application.Status.HELD;
                    placed++;
                } else {
                    a.status = Application.Status.WAITLISTED;
                    a.waitlistedAt = at.plusNanos(p.position() * 1000L);
                }
                a.explanation = new LinkedHashMap<>(Map.of("allocation", "lottery", "run", run.toString(), "seed", seed,
                        "position", p.position(), "group", p.group(), "familySize", p.unit().applications().size(),
                        "placed", a.holdsSeat));
                a.updatedAt = at;
                event(a, actor, before, "lottery " + run + ": position " + p.position() + " (" + p.group() + ")");
                order.add(a.explanation);
            }
        }
        try {
            em.createNativeQuery("INSERT INTO lottery_run (tenant_id, id, service_id, seed, run_by, result)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))")
                    .setParameter(1, tenant.id).setParameter(2, run).setParameter(3, serviceId).setParameter(4, seed)
                    .setParameter(5, actor).setParameter(6, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(order))
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new LotteryResult(run, seed, placed, order.size() - placed, order);
    }

    /** The family's part of the flow: confirming the arrangement or having signed the agreement. */
    @Transactional
    public Application familyStepDone(Tenant tenant, Application app, EnrollmentStep step, String actor) {
        if (!step.name().equals(app.step) || !app.status.live()) {
            return app;
        }
        Application.Status before = app.status;
        advance(tenant, app, step);
        event(app, actor, before, step + " done by the family");
        return app;
    }

    private void advance(Tenant tenant, Application app, EnrollmentStep done) {
        OfferedService service = OfferedService.findById(app.serviceId);
        EnrollmentStep next = next(terms(tenant, service, LocalDate.now(clock)).steps(), done);
        app.step = next.name();
        if (next == EnrollmentStep.ARRANGE && app.holdsSeat && app.status == Application.Status.HELD) {
            app.status = Application.Status.ARRANGED;
        }
    }

    /** The next step after {@code done} a person must take; ARRANGE when none is left. */
    static EnrollmentStep next(List<EnrollmentStep> steps, EnrollmentStep done) {
        int i = steps.indexOf(done);
        for (int j = i + 1; j < steps.size(); j++) {
            EnrollmentStep s = steps.get(j);
            if (!LATER.contains(s)) {
                return s;
            }
        }
        return EnrollmentStep.ARRANGE;
    }

    /** A freed seat goes to the next child on the waitlist, kept until a deadline. */
    void releaseSeat(Application app) {
        if (!app.holdsSeat) {
            return;
        }
        app.holdsSeat = false;
        seats.giveBack(app.tenantId, app.serviceId);
        em.flush();
        Application next = Application.<Application>find("serviceId = ?1 and status = ?2 order by waitlistedAt, id",
                app.serviceId, Application.Status.WAITLISTED).firstResult();
        if (next != null && seats.take(app.tenantId, app.serviceId)) {
            next.status = Application.Status.OFFERED;
            next.holdsSeat = true;
            next.offerExpiresAt = OffsetDateTime.now(clock).plus(Duration.ofHours(offerHours));
            next.updatedAt = OffsetDateTime.now(clock);
            event(next, "system", Application.Status.WAITLISTED, "a seat was freed; offered until " + next.offerExpiresAt);
        }
    }

    /** One of the family's children and the services it may apply to now. */
    public record ChildServices(Child child, List<OfferedService> services) {
    }

    /**
     * The services open to each of {@code applicant}'s confirmed children today: enrollment opened
     * by the school, term not over, and the child eligible as {@link #apply} would check it (grade,
     * school, the region's plugin) — so a parent is never offered what would be refused.
     */
    @Transactional
    public List<ChildServices> openTo(Tenant tenant, String applicant) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = Guardianship.<Guardianship>list("username = ?1 and status = ?2 order by requestedAt, id", applicant,
                Guardianship.Status.CONFIRMED).stream().map(g -> g.childId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Child> children = new LinkedHashMap<>();
        ids.forEach(id -> children.put(id, null));
        Child.<Child>list("id in ?1", ids).forEach(c -> children.put(c.id, c));
        List<OfferedService> open = OfferedService.list("enrollmentOpen = true and validTo >= ?1 order by validFrom, titleZh", today);
        Map<List<Object>, Decision> asked = new java.util.HashMap<>();
        List<ChildServices> out = new java.util.ArrayList<>();
        for (Child child : children.values()) {
            if (child != null) {
                out.add(new ChildServices(child, open.stream()
                        .filter(s -> refusal(tenant, child, s, today, asked) == null).toList()));
            }
        }
        return out;
    }

    /** FIRST_COME or LOTTERY: how the application's service gives its seats. */
    public String allocationOf(Application app) {
        return seats.allocation(app.tenantId, app.serviceId);
    }

    /** 1 for the child a freed seat goes to next: the waitlist's order is the one {@link #releaseSeat} offers in. */
    public int waitlistPosition(Application app) {
        return 1 + (int) Application.count("serviceId = ?1 and status = ?2 and (waitlistedAt < ?3 or (waitlistedAt = ?3 and id < ?4))",
                app.serviceId, Application.Status.WAITLISTED, app.waitlistedAt, app.id);
    }

    private void checkEligible(Tenant tenant, Child child, OfferedService service, LocalDate today) {
        ProblemException refused = refusal(tenant, child, service, today, new java.util.HashMap<>());
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * Why {@code child} may not join {@code service}, or null. The plugin's answer is kept in
     * {@code asked} per school and student facts (grade, boarding, groups): a page listing many
     * children and services asks once per distinct case.
     */
    private ProblemException refusal(Tenant tenant, Child child, OfferedService service, LocalDate today,
                                     Map<List<Object>, Decision> asked) {
        if (child.grade < service.gradeFrom || child.grade > service.gradeTo) {
            return new ProblemException(422, "NOT_ELIGIBLE_GRADE", child.grade, service.gradeFrom, service.gradeTo);
        }
        if (!child.schoolId.equals(service.schoolId)) {
            // 003: village pupils may join their township central school's service.
            School own = School.findById(child.schoolId);
            if (!service.admitsVillagePupils || own == null || !service.schoolId.equals(own.centralSchoolId)) {
                return new ProblemException(422, "NOT_ELIGIBLE_SCHOOL");
            }
        }
        Set<PriorityGroup> groups = groups(child);
        Decision decision = asked.computeIfAbsent(List.of(service.schoolId, child.grade, child.dayStudent, groups), k -> {
            RegionPolicies.Resolution r = policies.require(tenant);
            PolicyContext ctx = policies.context(r, School.findById(service.schoolId), today);
            StudentProfile student = new StudentProfile(child.id.toString(), child.grade, !child.dayStudent, groups);
            return PluginOutput.decision(policies.ask(r, EnrollmentRules.class, p -> p.eligible(ctx, student)));
        });
        if (!decision.allowed()) {
            Reason reason = decision.reasons().get(0);
            return ProblemException.withText(422, reason.code(), reason.messageZh(), reason.messageEn(), reason.citation());
        }
        return null;
    }

    EnrollmentTerms terms(Tenant tenant, OfferedService service, LocalDate day) {
        RegionPolicies.Resolution r = policies.require(tenant);
        PolicyContext ctx = policies.context(r, School.findById(service.schoolId), day);
        EnrollmentTerms terms = policies.ask(r, EnrollmentRules.class, p -> p.terms(ctx));
        if (terms.steps().isEmpty() || terms.steps().get(0) != EnrollmentStep.APPLY) {
            throw new ProblemException(500, "PLUGIN_FAILED", r.pluginId(), "enrollment steps must start with APPLY");
        }
        return terms;
    }

    static Set<PriorityGroup> groups(Child child) {
        Set<PriorityGroup> out = EnumSet.noneOf(PriorityGroup.class);
        if (child.priorityGroups != null) {
            Arrays.stream(child.priorityGroups).map(String::strip).forEach(g -> out.add(PriorityGroup.valueOf(g)));
        }
        return out;
    }

    Application find(UUID id) {
        return Application.<Application>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(id)));
    }

    Application ownApplication(UUID id, String applicant) {
        Application app = find(id);
        if (!Objects.equals(app.applicant, applicant)) {
            throw ProblemException.notFound("application", String.valueOf(id));
        }
        return app;
    }

    void event(Application app, String actor, Application.Status from, String note) {
        em.createNativeQuery("INSERT INTO enrollment_event (tenant_id, id, application_id, actor, from_status, to_status, step, note)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, app.tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, app.id)
                .setParameter(4, actor).setParameter(5, from == null ? null : from.name()).setParameter(6, app.status.name())
                .setParameter(7, app.step).setParameter(8, note).executeUpdate();
    }
}
