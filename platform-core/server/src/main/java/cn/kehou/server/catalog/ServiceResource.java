package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A school's services and courses. Each is checked by the tenant's regional plugin when saved
 * (content, window day by day, fee) and refused with the plugin's code and citation; a provider
 * course needs a provider vetted for this area. Staff are assigned only while vetted, and
 * enrollment opens only when the plugin accepts the term's plan filing.
 */
@Path("/api/t/{tenant}/schools/{school}/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    @Inject
    Caller caller;
    @Inject
    CatalogSchools schools;
    @Inject
    ServiceCompliance compliance;
    @Inject
    RegionRules rules;
    @Inject
    ProviderStanding standing;
    @Inject
    StaffVetting vetting;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record NewService(
            @NotNull UUID term,
            @NotNull ServiceKind kind,
            @NotBlank @Size(max = 200) String titleZh,
            @NotNull Set<@NotNull ContentTag> tags,
            @Min(1) @Max(9) int gradeFrom,
            @Min(1) @Max(9) int gradeTo,
            Map<Integer, @NotBlank @Size(max = 1000) String> contentByGrade,
            @NotEmpty Set<@NotNull DayOfWeek> days,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            LocalDate validFrom,
            LocalDate validTo,
            @Positive int capacity,
            @PositiveOrZero long feeFen,
            LocalDate feeCostedOn,
            @NotBlank @Size(max = 200) String venue,
            @Size(max = 63) String provider,
            UUID providerCourse,
            LocalDate signupFrom,
            LocalDate signupTo,
            Boolean admitsVillagePupils) {
    }

    public record StaffAssignment(@NotNull Set<@NotNull UUID> staff) {
    }

    public record Bid(@NotBlank @Size(max = 100) String round, @PositiveOrZero long winningFen, @NotNull LocalDate awardedOn) {
    }

    public record AssignedStaff(UUID id, String nameZh, StaffMember.Kind kind, String status, LocalDate validTo) {
    }

    public record BidView(String round, long winningFen, LocalDate awardedOn, String recordedBy) {
    }

    public record ServiceView(UUID id, String school, UUID term, ServiceKind kind, String titleZh, Set<ContentTag> tags,
                              int gradeFrom, int gradeTo, Map<Integer, String> contentByGrade, Set<DayOfWeek> days,
                              LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validTo, int capacity,
                              long feeFen, LocalDate feeCostedOn, String venue, String provider, UUID providerCourse,
                              LocalDate signupFrom, LocalDate signupTo, boolean admitsVillagePupils,
                              boolean enrollmentOpen, List<AssignedStaff> staff, List<BidView> bids) {
        static ServiceView of(OfferedService s, LocalDate today) {
            String school = School.<School>findByIdOptional(s.schoolId).map(x -> x.code).orElse(null);
            String provider = s.providerId == null ? null
                    : Provider.<Provider>findByIdOptional(s.providerId).map(p -> p.code).orElse(null);
            Map<Integer, String> content = new TreeMap<>();
            if (s.contentByGrade != null) {
                s.contentByGrade.forEach((g, text) -> content.put(Integer.valueOf(g), text));
            }
            List<AssignedStaff> staff = new ArrayList<>();
            for (ServiceStaff a : ServiceStaff.<ServiceStaff>list("serviceId", s.id)) {
                StaffMember m = StaffMember.findById(a.staffId);
                staff.add(new AssignedStaff(m.id, m.nameZh, m.kind, m.standing(today), m.validTo));
            }
            staff.sort((a, b) -> a.nameZh().compareTo(b.nameZh()));
            List<BidView> bids = ProviderBid.<ProviderBid>list("serviceId = ?1 order by awardedOn, round", s.id).stream()
                    .map(b -> new BidView(b.round, b.winningFen, b.awardedOn, b.recordedBy)).toList();
            return new ServiceView(s.id, school, s.termId, s.kind, s.titleZh, s.tagSet(), s.gradeFrom, s.gradeTo, content,
                    s.daySet(), s.start, s.end, s.validFrom, s.validTo, s.capacity, s.feeFen, s.feeCostedOn, s.venue,
                    provider, s.providerCourseId, s.signupFrom, s.signupTo, s.admitsVillagePupils, s.enrollmentOpen,
                    staff, bids);
        }
    }

    /**
     * The school's services; for a village school or teaching point also those of its central
     * school that admit village pupils (003 §一: they may join the township central school's service).
     */
    @GET
    @Transactional
    public List<ServiceView> list(@PathParam("school") String schoolCode) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        LocalDate today = LocalDate.now(clock);
        List<OfferedService> found = new ArrayList<>(
                OfferedService.<OfferedService>list("schoolId = ?1 order by validFrom, kind, titleZh", school.id));
        if (school.centralSchoolId != null) {
            found.addAll(OfferedService.<OfferedService>list(
                    "schoolId = ?1 and admitsVillagePupils = true order by validFrom, kind, titleZh", school.centralSchoolId));
        }
        return found.stream().map(s -> ServiceView.of(s, today)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@PathParam("school") String schoolCode, @Valid @NotNull NewService body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        requireConsistent(body);
        school = schools.own(schoolCode);
        OfferedService s = new OfferedService();
        s.id = UUID.randomUUID();
        s.tenantId = school.tenantId;
        s.schoolId = school.id;
        s.createdBy = caller.username();
        fillAndCheck(school, body, s);
        s.persist();
        LocalDate today = LocalDate.now(clock);
        audit.record(s.tenantId, caller.username(), "service.create", "school:" + school.code, ServiceView.of(s, today));
        return Response.status(201).entity(ServiceView.of(s, today)).build();
    }

    /**
     * Changes a service before its enrollment opens, with the same checks as creating it: the
     * plugin sees every save. Once parents may sign up, what they signed up for stays as it was.
     */
    @PUT
    @Path("/{service}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ServiceView update(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                              @Valid @NotNull NewService body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        requireConsistent(body);
        school = schools.own(schoolCode);
        OfferedService s = service(school, serviceId);
        if (s.enrollmentOpen) {
            throw new ProblemException(409, "SERVICE_ENROLLMENT_OPEN");
        }
        LocalDate today = LocalDate.now(clock);
        ServiceView before = ServiceView.of(s, today);
        // A refusal below rolls the whole transaction back: the stored service stays as it was.
        fillAndCheck(school, body, s);
        // Provider staff serve only their own provider's course.
        for (ServiceStaff a : ServiceStaff.<ServiceStaff>list("serviceId", s.id)) {
            StaffMember m = StaffMember.findById(a.staffId);
            if (m.kind == StaffMember.Kind.PROVIDER_STAFF && !m.providerId.equals(s.providerId)) {
                a.delete();
            }
        }
        ServiceView after = ServiceView.of(s, today);
        audit.record(s.tenantId, caller.username(), "service.update", "service:" + s.id, Map.of("before", before, "after", after));
        return after;
    }

    /** What can be told from the body alone, before any lookup. */
    private static void requireConsistent(NewService body) {
        if (!body.end().isAfter(body.start())) {
            throw new ProblemException(400, "WINDOW_ENDS_BEFORE_START");
        }
        if (body.gradeTo() < body.gradeFrom()) {
            throw new ProblemException(400, "GRADES_REVERSED");
        }
        if ((body.provider() == null) != (body.providerCourse() == null)) {
            throw new ProblemException(400, "PROVIDER_COURSE_REQUIRED");
        }
    }

    /** Copies {@code body} onto {@code s} and refuses with the first rule it breaks, the region's plugin included. */
    private void fillAndCheck(School school, NewService body, OfferedService s) {
        SchoolTerm term = TermResource.term(school, body.term());
        int first = CatalogSchools.firstGrade(school);
        int last = CatalogSchools.lastGrade(school);
        if (body.gradeFrom() < first || body.gradeTo() > last) {
            throw new ProblemException(422, "GRADES_NOT_AT_SCHOOL", first, last);
        }
        Map<String, String> content = new LinkedHashMap<>();
        if (body.contentByGrade() != null) {
            for (Map.Entry<Integer, String> e : new TreeMap<>(body.contentByGrade()).entrySet()) {
                if (e.getKey() < body.gradeFrom() || e.getKey() > body.gradeTo()) {
                    throw new ProblemException(400, "CONTENT_GRADE_OUTSIDE_RANGE", e.getKey());
                }
                content.put(e.getKey().toString(), e.getValue());
            }
        }
        boolean village = Boolean.TRUE.equals(body.admitsVillagePupils());
        if (village && School.count("centralSchoolId", school.id) == 0) {
            throw new ProblemException(422, "NOT_A_CENTRAL_SCHOOL", school.code);
        }
        Provider provider = null;
        ProviderCourse course = null;
        if (body.provider() != null) {
            provider = ProviderResource.provider(body.provider());
            UUID providerId = provider.id;
            course = ProviderCourse.<ProviderCourse>find("id = ?1 and providerId = ?2", body.providerCourse(), providerId)
                    .firstResultOptional()
                    .orElseThrow(() -> ProblemException.notFound("provider course", body.providerCourse().toString()));
        }
        s.termId = term.id;
        s.kind = body.kind();
        s.titleZh = body.titleZh();
        s.tags = Enums.names(body.tags());
        s.gradeFrom = body.gradeFrom();
        s.gradeTo = body.gradeTo();
        s.contentByGrade = content;
        s.days = Enums.names(body.days());
        s.start = body.start();
        s.end = body.end();
        s.validFrom = body.validFrom() == null ? term.startsOn : body.validFrom();
        s.validTo = body.validTo() == null ? term.endsOn : body.validTo();
        s.capacity = body.capacity();
        s.feeFen = body.feeFen();
        s.feeCostedOn = body.feeCostedOn();
        s.venue = body.venue();
        s.providerId = provider == null ? null : provider.id;
        s.providerCourseId = course == null ? null : course.id;
        s.signupFrom = body.signupFrom();
        s.signupTo = body.signupTo();
        if ((s.signupFrom == null) != (s.signupTo == null)) {
            throw new ProblemException(400, "SIGNUP_WINDOW_REQUIRED");
        }
        s.admitsVillagePupils = village;
        ServiceCompliance.requireDatesFit(term, s);
        compliance.check(school, term, s, provider, course);
    }

    /** Replaces who runs the service: every one must be registered at this school and vetted today. */
    @PUT
    @Path("/{service}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ServiceView assignStaff(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                   @Valid @NotNull StaffAssignment body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        school = schools.own(schoolCode);
        OfferedService s = service(school, serviceId);
        LocalDate today = LocalDate.now(clock);
        List<StaffMember> members = new ArrayList<>();
        for (UUID id : body.staff()) {
            StaffMember m = StaffResource.member(school, id);
            if (!m.vettedOn(today)) {
                throw new ProblemException(422, "STAFF_NOT_VETTED", m.nameZh, m.standing(today));
            }
            if (m.kind == StaffMember.Kind.PROVIDER_STAFF && !m.providerId.equals(s.providerId)) {
                throw new ProblemException(422, "STAFF_OF_OTHER_PROVIDER", m.nameZh);
            }
            members.add(m);
        }
        ServiceStaff.delete("serviceId", s.id);
        for (StaffMember m : members) {
            ServiceStaff a = new ServiceStaff();
            a.id = UUID.randomUUID();
            a.tenantId = s.tenantId;
            a.serviceId = s.id;
            a.staffId = m.id;
            a.assignedBy = caller.username();
            a.persist();
        }
        audit.record(s.tenantId, caller.username(), "service.staff", "service:" + s.id, body.staff());
        return ServiceView.of(s, today);
    }

    /**
     * Opens enrollment, refusing with the plugin's reason while the term's plan is not filed or
     * approved as the region requires; also while the provider is not (or no longer) usable here,
     * no vetted person runs the service, or the sign-up window has closed.
     */
    @POST
    @Path("/{service}/enrollment-open")
    @Transactional
    public ServiceView openEnrollment(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        school = schools.own(schoolCode);
        OfferedService s = service(school, serviceId);
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(s.validTo)) {
            throw new ProblemException(422, "SERVICE_ENDED", s.validTo);
        }
        if (s.signupTo != null && (today.isAfter(s.signupTo) || today.isBefore(s.signupFrom))) {
            throw new ProblemException(422, "SIGNUP_WINDOW_CLOSED", s.signupFrom, s.signupTo);
        }
        SchoolTerm term = SchoolTerm.findById(s.termId);
        ServicePlan plan = ServicePlan.<ServicePlan>findByIdOptional(term.id).orElse(null);
        Decision filing = TermResource.filing(rules, school, term, plan, today);
        RegionRules.refuseUnless(filing);
        if (s.providerId != null) {
            Provider p = Provider.findById(s.providerId);
            standing.requireUsable(CatalogSchools.tenantOf(school), p, s.kind, ServiceCompliance.later(today, s.validFrom), s.validTo);
        }
        vetting.unassignLapsedHere(today);
        boolean staffed = ServiceStaff.<ServiceStaff>list("serviceId", s.id).stream()
                .map(a -> StaffMember.<StaffMember>findById(a.staffId)).anyMatch(m -> m.vettedOn(today));
        if (!staffed) {
            throw new ProblemException(422, "NO_VETTED_STAFF");
        }
        if (!s.enrollmentOpen) {
            s.enrollmentOpen = true;
            s.enrollmentOpenedAt = OffsetDateTime.now(clock);
            audit.record(s.tenantId, caller.username(), "service.enrollment-open", "service:" + s.id, filing.reasons());
        }
        return ServiceView.of(s, today);
    }

    /**
     * 000 §六(一)2: the bureau records a bidding round's winning price for a provider course; the
     * plugin checks it against the provider's off-campus price, and it becomes the course's fee.
     */
    @POST
    @Path("/{service}/bid")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ServiceView recordBid(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                 @Valid @NotNull Bid body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("provider.vet", school.id);
        school = schools.own(schoolCode);
        OfferedService s = service(school, serviceId);
        if (s.providerCourseId == null) {
            throw new ProblemException(422, "NOT_A_PROVIDER_COURSE");
        }
        ProviderCourse course = ProviderCourse.findById(s.providerCourseId);
        SchoolTerm term = SchoolTerm.findById(s.termId);
        FeeDecision d = compliance.fee(CatalogSchools.asInTerm(school, term), s, course, body.winningFen());
        ProviderBid bid = new ProviderBid();
        bid.id = UUID.randomUUID();
        bid.tenantId = s.tenantId;
        bid.serviceId = s.id;
        bid.round = body.round();
        bid.winningFen = d.priceFen();
        bid.awardedOn = body.awardedOn();
        bid.recordedBy = caller.username();
        bid.persist();
        long before = s.feeFen;
        s.feeFen = bid.winningFen;
        audit.record(s.tenantId, caller.username(), "service.bid", "service:" + s.id,
                Map.of("round", body.round(), "winningFen", bid.winningFen, "feeBefore", before));
        return ServiceView.of(s, LocalDate.now(clock));
    }

    static OfferedService service(School school, UUID id) {
        return OfferedService.<OfferedService>find("id = ?1 and schoolId = ?2", id, school.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("service", id.toString()));
    }
}
