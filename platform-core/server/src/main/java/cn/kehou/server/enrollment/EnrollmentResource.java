package cn.kehou.server.enrollment;

import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.Role;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Families apply, sign, confirm, accept offers and withdraw; schools review and draw lotteries. */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    @Inject
    Enrollment enrollment;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    java.time.Clock clock;
    @Inject
    Seats seats;
    @Inject
    jakarta.enterprise.inject.Instance<WithdrawalQuotes> quotes;

    static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    public record NewApplication(@NotNull UUID child, @NotNull UUID service, @Size(max = 200) String pickup) {
    }

    public record Review(@NotNull Boolean approve, @Size(max = 500) String note) {
    }

    public record Signature(@NotBlank String documentCode, @NotBlank String textSha256) {
    }

    public record Draw(@NotNull Long seed) {
    }

    public record Event(OffsetDateTime at, String actor, String from, String to, String step, String note) {
    }

    public record ApplicationView(UUID id, UUID child, String childName, UUID service, String serviceTitle, String status,
                                  String step, OffsetDateTime offerExpiresAt, Map<String, Object> explanation, List<Event> trail) {
    }

    /**
     * Applies for a child. The Idempotency-Key header makes a retried or double-clicked request
     * return the first result; the bulkhead sheds a rush it cannot serve with a quick 503 instead of
     * queueing into timeouts.
     */
    @POST
    @Path("/me/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Bulkhead(value = 48)
    public Response apply(@PathParam("tenant") String code, @HeaderParam("Idempotency-Key") String key,
                          @Valid @NotNull NewApplication body) {
        caller.require("enrollment.apply");
        if (key == null || key.length() < 8 || key.length() > 100) {
            throw new ProblemException(400, "IDEMPOTENCY_KEY_REQUIRED");
        }
        Tenant tenant = tenant(code);
        Enrollment.Outcome outcome;
        try {
            outcome = enrollment.apply(tenant, caller.username(), body.child(), body.service(), body.pickup(), key);
        } catch (PersistenceException | io.quarkus.arc.ArcUndeclaredThrowableException e) {
            // The same key raced in twice: the first one won; answer with its result.
            Application first = QuarkusTransaction.requiringNew().call(() ->
                    Application.<Application>find("idempotencyKey", key).firstResult());
            if (first == null || !first.applicant.equals(caller.username())) {
                throw new ProblemException(409, "APPLICATION_EXISTS");
            }
            outcome = new Enrollment.Outcome(first, true);
        }
        Application app = outcome.application();
        return Response.status(outcome.replayed() ? 200 : 201)
                .entity(QuarkusTransaction.requiringNew().call(() -> view(Application.findById(app.id)))).build();
    }

    @GET
    @Path("/me/applications")
    @Transactional
    public List<ApplicationView> mine() {
        caller.require("enrollment.apply");
        return Application.<Application>list("applicant = ?1 order by createdAt", caller.username()).stream().map(this::view).toList();
    }

    @POST
    @Path("/me/applications/{id}/withdraw")
    public ApplicationView withdraw(@PathParam("id") UUID id) {
        caller.require("enrollment.apply");
        Application app = enrollment.withdraw(id, caller.username());
        return QuarkusTransaction.requiringNew().call(() -> view(Application.findById(app.id)));
    }

    @POST
    @Path("/me/applications/{id}/accept-offer")
    public ApplicationView acceptOffer(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        caller.require("enrollment.apply");
        Application app = enrollment.acceptOffer(tenant(code), id, caller.username());
        return QuarkusTransaction.requiringNew().call(() -> view(Application.findById(app.id)));
    }

    @POST
    @Path("/me/applications/{id}/confirm")
    @Transactional
    public ApplicationView confirm(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        caller.require("enrollment.apply");
        Application app = enrollment.ownApplication(id, caller.username());
        if (!EnrollmentStep.CONFIRM.name().equals(app.step)) {
            throw new ProblemException(409, "NOT_AWAITING_FAMILY", app.step);
        }
        return view(enrollment.familyStepDone(tenant(code), app, EnrollmentStep.CONFIRM, caller.username()));
    }

    public record OpenService(UUID id, String school, String title, String kind, List<java.time.DayOfWeek> days, java.time.LocalTime start,
                              java.time.LocalTime end, LocalDate validFrom, LocalDate validTo, long feeFen, int capacity,
                              int seatsLeft, String allocation, LocalDate signupFrom, LocalDate signupTo, UUID application) {
        OpenService withApplication(UUID live) {
            return new OpenService(id, school, title, kind, days, start, end, validFrom, validTo, feeFen, capacity, seatsLeft,
                    allocation, signupFrom, signupTo, live);
        }
    }

    public record ChildServices(UUID child, String childName, int grade, String className, List<OpenService> services) {
    }

    /**
     * For each of the caller's confirmed children, the services it may apply to now (open, term not
     * over, eligible by grade, school and the region's rules), with the child's live application if any.
     */
    @GET
    @Path("/me/services")
    @Transactional
    public List<ChildServices> openServices(@PathParam("tenant") String code) {
        caller.require("enrollment.apply");
        Tenant tenant = tenant(code);
        Map<List<UUID>, UUID> live = new java.util.HashMap<>();
        Application.<Application>list("applicant = ?1 and status not in ?2", caller.username(),
                        List.of(Application.Status.REFUSED, Application.Status.WITHDRAWN, Application.Status.EXPIRED))
                .forEach(a -> live.put(List.of(a.childId, a.serviceId), a.id));
        Map<UUID, OpenService> services = new java.util.HashMap<>();
        return enrollment.openTo(tenant, caller.username()).stream().map(cs -> new ChildServices(cs.child().id,
                cs.child().nameZh, cs.child().grade, cs.child().className, cs.services().stream()
                .map(s -> services.computeIfAbsent(s.id, id -> open(tenant, s)))
                .map(o -> o.withApplication(live.get(List.of(cs.child().id, o.id())))).toList())).toList();
    }

    private OpenService open(Tenant tenant, OfferedService s) {
        return new OpenService(s.id, School.<School>findByIdOptional(s.schoolId).map(x -> x.code).orElse(null), s.titleZh,
                s.kind.name(), java.util.Arrays.stream(s.days).map(java.time.DayOfWeek::valueOf).toList(), s.start, s.end,
                s.validFrom, s.validTo, s.feeFen, s.capacity, s.capacity - seats.taken(tenant.id, s.id),
                seats.allocation(tenant.id, s.id), s.signupFrom, s.signupTo, null);
    }

    public record WithdrawalPreview(UUID application, String status, boolean billed, WithdrawalQuotes.Quote quote) {
    }

    /**
     * What withdrawing today would refund, by the region's rule, before the family confirms; nothing
     * is written. {@code billed=false} when no order has been charged for the application.
     */
    @GET
    @Path("/me/applications/{id}/withdrawal")
    @Transactional
    public WithdrawalPreview withdrawalPreview(@PathParam("id") UUID id) {
        caller.require("enrollment.apply");
        Application app = enrollment.ownApplication(id, caller.username());
        if (!app.status.live()) {
            throw new ProblemException(409, "APPLICATION_ENDED", app.status);
        }
        java.util.Optional<WithdrawalQuotes.Quote> quote = quotes.isResolvable()
                ? quotes.get().quote(app, LocalDate.now(clock.withZone(CHINA))) : java.util.Optional.empty();
        return new WithdrawalPreview(app.id, app.status.name(), quote.isPresent(), quote.orElse(null));
    }

    /** The documents to sign, with the exact text and its hash. */
    @GET
    @Path("/me/applications/{id}/agreement")
    @Transactional
    public List<Agreements.Document> agreement(@PathParam("tenant") String code, @PathParam("id") UUID id) {
        caller.require("enrollment.apply");
        return documents(tenant(code), enrollment.ownApplication(id, caller.username()));
    }

    @POST
    @Path("/me/applications/{id}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ApplicationView sign(@PathParam("tenant") String code, @PathParam("id") UUID id, @Valid @NotNull Signature body,
                                @HeaderParam(HttpHeaders.USER_AGENT) String client) {
        caller.require("enrollment.apply");
        Tenant tenant = tenant(code);
        Application app = enrollment.ownApplication(id, caller.username());
        List<Agreements.Document> docs = documents(tenant, app);
        Agreements.Document doc = docs.stream().filter(d -> d.code().equals(body.documentCode())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("document", body.documentCode()));
        if (!doc.sha256().equals(body.textSha256())) {
            throw new ProblemException(409, "AGREEMENT_TEXT_CHANGED", doc.code());
        }
        em.createNativeQuery("INSERT INTO agreement_signature (tenant_id, id, application_id, document_code, text_version,"
                        + " text_sha256, signer, client) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, tenant.id).setParameter(2, UUID.randomUUID()).setParameter(3, id).setParameter(4, doc.code())
                .setParameter(5, doc.citation()).setParameter(6, doc.sha256()).setParameter(7, caller.username())
                .setParameter(8, client == null ? null : client.substring(0, Math.min(200, client.length()))).executeUpdate();
        boolean allSigned = docs.stream().allMatch(d -> ((Number) em.createNativeQuery("SELECT count(*) FROM agreement_signature"
                        + " WHERE application_id = ?1 AND document_code = ?2 AND text_sha256 = ?3")
                .setParameter(1, id).setParameter(2, d.code()).setParameter(3, d.sha256()).getSingleResult()).longValue() > 0);
        if (allSigned && EnrollmentStep.SIGN_AGREEMENT.name().equals(app.step)) {
            enrollment.familyStepDone(tenant, app, EnrollmentStep.SIGN_AGREEMENT, caller.username());
        }
        return view(app);
    }

    /** A school's review queue: applications for its services, optionally at one step. */
    @GET
    @Path("/schools/{school}/applications")
    @Transactional
    public List<ApplicationView> queue(@PathParam("school") String schoolCode) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("enrollment.queue", school.id);
        List<UUID> services = OfferedService.<OfferedService>list("schoolId", school.id).stream().map(s -> s.id).toList();
        if (services.isEmpty()) {
            return List.of();
        }
        return Application.<Application>list("serviceId in ?1 order by createdAt", services).stream().map(this::view).toList();
    }

    @POST
    @Path("/schools/{school}/applications/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationView review(@PathParam("tenant") String code, @PathParam("school") String schoolCode,
                                  @PathParam("id") UUID id, @Valid @NotNull Review body) {
        Tenant tenant = tenant(code);
        Application app = QuarkusTransaction.requiringNew().call(() -> {
            School school = School.require(schoolCode);
            caller.requireAtSchool("enrollment.review", school.id);
            Application a = enrollment.find(id);
            OfferedService service = OfferedService.findById(a.serviceId);
            if (!service.schoolId.equals(school.id)) {
                throw ProblemException.notFound("application", id.toString());
            }
            // 班级初审 is the class teacher's (or the school admin's); 学校核准 the school admin's.
            if (EnrollmentStep.SCHOOL_REVIEW.name().equals(a.step) && !caller.holds(Role.SCHOOL_ADMIN)
                    && !caller.holds(Role.BUREAU_ADMIN) && !caller.holds(Role.PLATFORM_ADMIN)) {
                throw new ProblemException(403, "FORBIDDEN");
            }
            return a;
        });
        Application done = enrollment.review(tenant, app.id, body.approve(), caller.username(), body.note());
        return QuarkusTransaction.requiringNew().call(() -> view(Application.findById(done.id)));
    }

    @POST
    @Path("/schools/{school}/services/{service}/lottery")
    @Consumes(MediaType.APPLICATION_JSON)
    public Enrollment.LotteryResult draw(@PathParam("tenant") String code, @PathParam("school") String schoolCode,
                                         @PathParam("service") UUID serviceId, @Valid @NotNull Draw body) {
        QuarkusTransaction.requiringNew().run(() -> {
            School school = School.require(schoolCode);
            caller.requireAtSchool("enrollment.lottery", school.id);
            OfferedService.<OfferedService>findByIdOptional(serviceId).filter(s -> s.schoolId.equals(school.id))
                    .orElseThrow(() -> ProblemException.notFound("service", serviceId.toString()));
        });
        return enrollment.runLottery(tenant(code), serviceId, body.seed(), caller.username());
    }

    @GET
    @Path("/schools/{school}/services/{service}/lottery")
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> draws(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("enrollment.queue", school.id);
        List<Object[]> rows = em.createNativeQuery("SELECT l.id, l.seed, l.run_by, l.run_at, l.result::text FROM lottery_run l"
                        + " JOIN school_service s ON s.tenant_id = l.tenant_id AND s.id = l.service_id"
                        + " WHERE l.service_id = ?1 AND s.school_id = ?2 ORDER BY l.run_at")
                .setParameter(1, serviceId).setParameter(2, school.id).getResultList();
        return rows.stream().map(r -> Map.<String, Object>of("run", r[0], "seed", r[1], "runBy", r[2], "runAt", r[3].toString(),
                "result", r[4])).toList();
    }

    /**
     * The caller's applications as {@link #mine} lists them but without each trail, newest first —
     * for lists on pages, where a family with many children must not wait for every history.
     */
    @Transactional
    List<ApplicationView> mineBrief() {
        caller.require("enrollment.apply");
        return brief(Application.list("applicant = ?1 order by createdAt desc, id", caller.username()));
    }

    /** A school's queue as {@link #queue} lists it (same permission), without trails, oldest first. */
    @Transactional
    List<ApplicationView> queueBrief(String schoolCode) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("enrollment.queue", school.id);
        List<UUID> services = OfferedService.<OfferedService>list("schoolId", school.id).stream().map(s -> s.id).toList();
        return services.isEmpty() ? List.of()
                : brief(Application.list("serviceId in ?1 order by createdAt, id", services));
    }

    private List<ApplicationView> brief(List<Application> apps) {
        if (apps.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> titles = new java.util.HashMap<>();
        OfferedService.<OfferedService>list("id in ?1", apps.stream().map(a -> a.serviceId).distinct().toList())
                .forEach(s -> titles.put(s.id, s.titleZh));
        Map<UUID, String> names = new java.util.HashMap<>();
        Child.<Child>list("id in ?1", apps.stream().map(a -> a.childId).distinct().toList()).forEach(c -> names.put(c.id, c.nameZh));
        return apps.stream().map(a -> new ApplicationView(a.id, a.childId, names.get(a.childId), a.serviceId, titles.get(a.serviceId),
                a.status.name(), a.step, a.offerExpiresAt, a.explanation, List.of())).toList();
    }

    /** One of the caller's own applications, as {@link #mine} shows it (for the portal's page). */
    @Transactional
    ApplicationView mineOne(UUID id) {
        caller.require("enrollment.apply");
        return view(enrollment.ownApplication(id, caller.username()));
    }

    public record Signed(String documentCode, String textVersion, String textSha256, String signer, OffsetDateTime signedAt,
                         String client) {
    }

    /** The signatures on one of the caller's applications, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    List<Signed> signatures(UUID id) {
        caller.require("enrollment.apply");
        Application app = enrollment.ownApplication(id, caller.username());
        List<Object[]> rows = em.createNativeQuery("SELECT document_code, text_version, text_sha256, signer, signed_at, client"
                + " FROM agreement_signature WHERE application_id = ?1 ORDER BY signed_at DESC, id").setParameter(1, app.id)
                .getResultList();
        return rows.stream().map(r -> new Signed((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.ofHours(8)) : (OffsetDateTime) r[4],
                (String) r[5])).toList();
    }

    private List<Agreements.Document> documents(Tenant tenant, Application app) {
        OfferedService service = OfferedService.findById(app.serviceId);
        EnrollmentTerms terms = enrollment.terms(tenant, service, LocalDate.now(clock));
        Child child = Child.findById(app.childId);
        return Agreements.render(terms, service, School.findById(service.schoolId), child.nameZh, app);
    }

    @SuppressWarnings("unchecked")
    ApplicationView view(Application a) {
        OfferedService service = OfferedService.findById(a.serviceId);
        Child child = Child.findById(a.childId);
        List<Object[]> rows = em.createNativeQuery("SELECT at, actor, from_status, to_status, step, note FROM enrollment_event"
                + " WHERE application_id = ?1 ORDER BY at, id").setParameter(1, a.id).getResultList();
        List<Event> trail = rows.stream().map(r -> new Event(r[0] instanceof java.time.Instant i
                ? i.atOffset(java.time.ZoneOffset.ofHours(8)) : (OffsetDateTime) r[0],
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5])).toList();
        return new ApplicationView(a.id, a.childId, child == null ? null : child.nameZh, a.serviceId,
                service == null ? null : service.titleZh, a.status.name(), a.step, a.offerExpiresAt, a.explanation, trail);
    }

    private static Tenant tenant(String code) {
        return QuarkusTransaction.joiningExisting().call(() -> Tenant.byCode(code).orElseThrow());
    }

}
